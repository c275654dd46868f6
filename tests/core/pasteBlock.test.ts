import { describe, expect, it } from 'vitest';
import { cellText, parseTsv, placePastedBlock, tableGrid, type Report, type TableModel } from '../../src-core/index.js';
import { derive, sample, setCell, template } from '../helpers.js';

const model = (templateId: string, table: string): TableModel => template(templateId).tableModels.get(`${templateId}.${table}`)!;

/**
 * The table as a clerk's Excel sheet has it, copied as Excel puts it on the clipboard: the printed
 * grid with a merged cell's text in its first cell and empty cells for the rest of it.
 */
function excelBlock(m: TableModel, report: Report, options: { labels: boolean; headers: boolean }): string {
  const lines: string[] = [];
  for (const row of tableGrid(m)) {
    const isData = row.cells.some((c) => c.kind === 'data');
    if (!isData && !options.headers) continue;
    const cells = Array.from({ length: m.def.gridCols }, () => '');
    for (const c of row.cells) cells[c.col] = c.kind === 'data' ? cellText(m, c.rowId!, c.colId!, report) : c.text;
    lines.push((options.labels ? cells : cells.slice(m.def.labelCols)).join('\t'));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Only the cells one types in: no labels, no totals. */
function inputBlock(m: TableModel, report: Report): string {
  return m.lines
    .filter((l) => l.row.kind === 'input')
    .map((l) => l.block.columns.filter((c) => m.cell(l.row.id, c.id)?.kind === 'input').map((c) => cellText(m, l.row.id, c.id, report)).join('\t'))
    .join('\n');
}

/** What the pasted block puts in: every input cell's value, by row and column. */
function applied(outcome: ReturnType<typeof placePastedBlock>): Record<string, unknown> {
  if (!outcome.ok) throw new Error(outcome.problem['zh-CN']);
  return Object.fromEntries(outcome.updates.map((u) => [`${u.rowId}|${u.colId}`, u.value]));
}

function inputValues(m: TableModel, report: Report): Record<string, unknown> {
  return Object.fromEntries(m.cells.filter((c) => c.kind === 'input').map((c) => [`${c.rowId}|${c.colId}`, report.tables[m.def.id]?.[c.rowId]?.[c.colId] ?? null]));
}

describe('a block copied from Excel is placed on the printed table', () => {
  const report = sample('gov-2021');
  const apply = model('gov-2021', 'apply');

  it('the whole 申请 table with its headers, labels, 总计 column and （七）总计 row goes in wherever it is pasted', () => {
    const block = excelBlock(apply, report, { labels: true, headers: true });
    expect(block.split('\r\n')[0]!.split('\t')).toHaveLength(10);
    for (const at of [{ rowId: 'r1_new', colId: 'natural' }, { rowId: 'r4_carry_out', colId: 'total' }]) {
      const outcome = placePastedBlock(block, apply, at, {});
      expect(outcome).toMatchObject({ ok: true, placedBy: 'labels', mismatches: [] });
      expect(applied(outcome)).toEqual(inputValues(apply, report));
    }
  });

  it('the 25 × 7 numbers without labels go from the first cell, totals compared and skipped', () => {
    const block = excelBlock(apply, report, { labels: false, headers: false });
    expect(block.trim().split('\n')).toHaveLength(25);
    const outcome = placePastedBlock(block, apply, { rowId: 'r1_new', colId: 'natural' }, {});
    expect(outcome).toMatchObject({ ok: true, placedBy: 'position', mismatches: [] });
    expect(applied(outcome)).toEqual(inputValues(apply, report));
    // Selected elsewhere, the whole table still goes to its place.
    expect(applied(placePastedBlock(block, apply, { rowId: 'r3_5_2', colId: 'research' }, {}))).toEqual(inputValues(apply, report));
  });

  it('the 24 × 6 typeable cells without totals go in as well', () => {
    const outcome = placePastedBlock(inputBlock(apply, report), apply, { rowId: 'r1_new', colId: 'natural' }, {});
    expect(applied(outcome)).toEqual(inputValues(apply, report));
  });

  it('a total that does not agree with its items is reported at the total; the items go in', () => {
    const wrong = structuredClone(report);
    setCell(wrong, apply.def.id, 'r3_7_total', 'natural', 999);
    setCell(wrong, apply.def.id, 'r1_new', 'total', 1);
    const outcome = placePastedBlock(excelBlock(apply, wrong, { labels: true, headers: true }), apply, { rowId: 'r1_new', colId: 'natural' }, {});
    if (!outcome.ok) throw new Error('refused');
    expect(outcome.mismatches.map((m) => `${m.rowId}|${m.colId}`).sort()).toEqual(['r1_new|total', 'r3_7_total|natural']);
    const total = outcome.mismatches.find((m) => m.rowId === 'r3_7_total')!;
    expect(total.message['zh-CN']).toContain('（七）总计 · 自然人');
    expect(total.message['zh-CN']).toContain('999');
    expect(total.message.en).toContain('add up to');
    expect(applied(outcome)).toEqual(inputValues(apply, report));
  });

  it('a sheet with its own group rows (（三）不予公开 with subtotals) checks the subtotals', () => {
    const rows = excelBlock(apply, report, { labels: true, headers: false }).trim().split('\r\n');
    const first = rows.findIndex((r) => r.includes('属于国家秘密'));
    const items = apply.groupItems('r3_3');
    const sums = ['natural', 'commercial', 'research', 'public_welfare', 'legal_service', 'other_org', 'total'].map((col) =>
      items.reduce((a, id) => a + Number(derive(structuredClone(report)).tables[apply.def.id]![id]![col]), 0),
    );
    const withGroup = [...rows.slice(0, first), ['', '（三）不予公开', '', ...sums].join('\t'), ...rows.slice(first)].join('\n');
    expect(placePastedBlock(withGroup, apply, { rowId: 'r1_new', colId: 'natural' }, {})).toMatchObject({ ok: true, mismatches: [] });
    const wrongGroup = [...rows.slice(0, first), ['', '（三）不予公开', '', sums[0]! + 1, ...sums.slice(1)].join('\t'), ...rows.slice(first)].join('\n');
    const outcome = placePastedBlock(wrongGroup, apply, { rowId: 'r1_new', colId: 'natural' }, {});
    expect(outcome).toMatchObject({ ok: true, mismatches: [{ rowId: items[0], colId: 'natural' }] });
  });

  it('rows with labels go to the rows they name, also a few rows pasted anywhere', () => {
    const block = ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t1\t2\t3\t4\t5\t6\t21', '四、结转下年度继续办理\t\t\t7\t0\t0\t0\t0\t0'].join('\n');
    const outcome = placePastedBlock(block, apply, { rowId: 'r1_new', colId: 'natural' }, {});
    expect(applied(outcome)).toMatchObject({ 'r3_2_partial|natural': 1, 'r3_2_partial|other_org': 6, 'r4_carry_out|natural': 7 });
    expect(outcome).toMatchObject({ mismatches: [] });
  });

  it('a few numbers go from the selected cell rightwards and downwards', () => {
    const outcome = placePastedBlock('1\t2\r\n3\t4\r\n', apply, { rowId: 'r3_1_open', colId: 'natural' }, {});
    expect(outcome).toEqual({
      ok: true,
      placedBy: 'position',
      mismatches: [],
      updates: [
        { rowId: 'r3_1_open', colId: 'natural', value: 1 },
        { rowId: 'r3_1_open', colId: 'commercial', value: 2 },
        { rowId: 'r3_2_partial', colId: 'natural', value: 3 },
        { rowId: 'r3_2_partial', colId: 'commercial', value: 4 },
      ],
    });
  });

  it('refuses only what cannot be placed, saying what was expected in the clerk’s words', () => {
    const wide = Array.from({ length: 3 }, () => Array.from({ length: 9 }, () => '1').join('\t')).join('\n');
    const outcome = placePastedBlock(wide, apply, { rowId: 'r1_new', colId: 'commercial' }, {});
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problem['zh-CN']).toContain('3 行 × 9 列');
    expect(outcome.problem['zh-CN']).toContain('往右只有 6 列（商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）');
    expect(outcome.problem['zh-CN']).toContain('整张表是 25 行、每行 7 个数');
    expect(outcome.problem.en).toContain('3 rows × 9 columns');
    expect(outcome.problem['zh-CN']).not.toMatch(/r1_new|commercial/);
  });

  it('refuses a bad number, naming the cell and where it was in the pasted block', () => {
    const outcome = placePastedBlock('一、本年新收政府信息公开申请数量\t\t\t5\t2.5\t0\t0\t0\t0\t7.5', apply, { rowId: 'r1_new', colId: 'natural' }, {});
    expect(outcome).toMatchObject({ ok: false });
    if (outcome.ok) return;
    expect(outcome.problem['zh-CN']).toContain('「一、本年新收政府信息公开申请数量 · 商业企业」：件数应为整数');
    expect(outcome.problem['zh-CN']).toContain('第 1 行第 5 列为“2.5”');
  });

  it('refuses a row with numbers whose label is not a row of the table', () => {
    const block = '一、本年新收政府信息公开申请数量\t\t\t5\t0\t0\t0\t0\t0\t5\n五、不存在的行\t\t\t1\t1\t1\t1\t1\t1\t6';
    const outcome = placePastedBlock(block, apply, { rowId: 'r1_new', colId: 'natural' }, {});
    expect(outcome).toMatchObject({ ok: false, problem: { 'zh-CN': expect.stringContaining('“五、不存在的行”不是本表的行名') } });
  });

  it('the 2019 table with its single （六）其他处理 row, with and without labels', () => {
    const r2019 = sample('gov-2019');
    const apply2019 = model('gov-2019', 'apply');
    const expected = inputValues(apply2019, r2019);
    expect(expected['r3_6|natural']).not.toBeUndefined();
    expect(applied(placePastedBlock(excelBlock(apply2019, r2019, { labels: true, headers: true }), apply2019, { rowId: 'r3_6', colId: 'natural' }, {}))).toEqual(expected);
    expect(applied(placePastedBlock(excelBlock(apply2019, r2019, { labels: false, headers: false }), apply2019, { rowId: 'r1_new', colId: 'natural' }, {}))).toEqual(expected);
  });

  it('表四: the row of 15 values with its three totals, the 12 values without, and with the header rows', () => {
    const review = model('gov-2021', 'review');
    const expected = inputValues(review, report);
    const at = { rowId: 'count', colId: 'rv_upheld' };
    const full = excelBlock(review, report, { labels: false, headers: false });
    expect(full.trim().split('\t')).toHaveLength(15);
    expect(placePastedBlock(full, review, at, {})).toMatchObject({ ok: true, mismatches: [] });
    expect(applied(placePastedBlock(full, review, at, {}))).toEqual(expected);
    expect(applied(placePastedBlock(inputBlock(review, report), review, at, {}))).toEqual(expected);
    expect(applied(placePastedBlock(excelBlock(review, report, { labels: false, headers: true }), review, { rowId: 'count', colId: 'lr_other' }, {}))).toEqual(expected);
    const wrongTotal = full.trim().split('\t').map((v, i) => (i === 4 ? String(Number(v) + 1) : v)).join('\t');
    expect(placePastedBlock(wrongTotal, review, at, {})).toMatchObject({ ok: true, mismatches: [{ rowId: 'count', colId: 'rv_total' }] });
  });

  it('表二: captions, header rows and the merged 本年处理决定数量 cells', () => {
    const active = model('gov-2021', 'active');
    const expected = inputValues(active, report);
    const block = excelBlock(active, report, { labels: true, headers: true });
    expect(block).toContain('第二十条第（五）项');
    expect(applied(placePastedBlock(block, active, { rowId: 'regulations', colId: 'made' }, {}))).toEqual(expected);
    const extra = placePastedBlock('行政许可\t12\t3\t', active, { rowId: 'regulations', colId: 'made' }, {});
    expect(extra).toMatchObject({ ok: false, problem: { 'zh-CN': expect.stringContaining('合并格') } });
  });

  it('the 2008 table with its unit column', () => {
    const r2008 = sample('gov-2008');
    const stats = model('gov-2008', 'stats');
    expect(applied(placePastedBlock(excelBlock(stats, r2008, { labels: true, headers: true }), stats, { rowId: 'fee_waived', colId: 'this_year' }, {}))).toEqual(inputValues(stats, r2008));
  });
});

describe('Excel clipboard text', () => {
  it('splits tabs and line breaks, unquotes cells holding them, and trims', () => {
    expect(parseTsv('a\t"b\tc"\n"x ""y"""\t 2 \r\n')).toEqual([
      ['a', 'b\tc'],
      ['x "y"', '2'],
    ]);
    expect(parseTsv('"（二）部分公开\n（区分处理的）"\t1')).toEqual([['（二）部分公开\n（区分处理的）', '1']]);
    expect(parseTsv('"open\t1')).toEqual([['"open', '1']]);
  });
});
