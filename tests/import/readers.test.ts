import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocumentModel, cellText, type DocTable, type Report } from '../../src-core/index.js';
import type { SourceBlock, SourceDocument, SourceLine, SourceParagraph, SourceTable } from '../../src-core/import/sourceDocument.js';
import { findSoffice } from '../../src-main/import/convertWithLibreOffice.js';
import { readSourceFile } from '../../src-main/import/readSourceFile.js';
import { exportBoth } from '../export/exportHelpers.js';
import { ROOT, sample, template } from '../helpers.js';

const PUBLISHED = join(ROOT, '..', 'shared', 'reference-reports', 'published');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'import');
const SOFFICE = findSoffice();

async function read(path: string, options: { soffice?: string | null } = {}): Promise<SourceDocument> {
  const result = await readSourceFile(path, options);
  if (!result.ok) throw new Error(`${path}: ${result.message.en}`);
  return result.source;
}

const paragraphs = (source: SourceDocument) => source.blocks.filter((b): b is SourceParagraph => b.kind === 'paragraph');
const tables = (source: SourceDocument) => source.blocks.filter((b): b is SourceTable => b.kind === 'table');
const lines = (source: SourceDocument) => source.blocks.filter((b): b is SourceLine => b.kind === 'line');
const allText = (blocks: SourceBlock[]) => blocks.map((b) => (b.kind === 'table' ? b.rows.flat().map((c) => c.text).join('|') : b.text)).join('\n');

/** Where each cell of a table sits on the grid, as the template's header definitions give it. */
function placed(table: SourceTable) {
  const taken = new Set<string>();
  return table.rows.flatMap((row, r) => {
    let col = 0;
    return row.map((cell) => {
      while (taken.has(`${r}:${col}`)) col++;
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) taken.add(`${r + dr}:${col + dc}`);
      const at = { text: cell.text, row: r, col, rowspan: cell.rowSpan, colspan: cell.colSpan };
      col += cell.colSpan;
      return at;
    });
  });
}

/** A cell as the DOCX holds it: its printed lines apart by explicit line breaks. */
const asWritten = (table: DocTable) => table.rows.map((row) => row.cells.map((c) => ({ text: c.lines.length > 0 ? c.lines.join('\n') : c.text, rowSpan: c.rowspan, colSpan: c.colspan })));

describe('our own export of the gov-2021 sample', () => {
  let report: Report;
  let docx: SourceDocument;
  let pdf: SourceDocument;
  let model: ReturnType<typeof buildDocumentModel>;

  beforeAll(async () => {
    report = sample('gov-2021');
    const exported = await exportBoth(report);
    expect(exported.result.status).toBe('exported');
    docx = await read(exported.docxPath);
    pdf = await read(exported.pdfPath);
    model = buildDocumentModel(template('gov-2021'), report, { draft: false, now: new Date('2026-01-20T09:00:00+08:00') });
  }, 120_000);

  it('DOCX: every heading comes back with its outline level, every paragraph with its text', () => {
    expect(docx.kind).toBe('docx');
    const levels = new Map(paragraphs(docx).map((p) => [p.text, p.level]));
    const expected = model.blocks.flatMap((b): [string, number][] => {
      if (b.kind === 'heading1') return [[b.text, 1]];
      if (b.kind === 'heading2' || b.kind === 'heading3') return [[b.runs.map((r) => r.text).join(''), b.kind === 'heading2' ? 2 : 3]];
      return [];
    });
    expect(expected.length).toBeGreaterThan(6);
    for (const [text, level] of expected) expect(levels.get(text), text).toBe(level);
    for (const section of template('gov-2021').sections) if (section.heading) expect(levels.get(section.heading), section.heading).toBe(1);
    const body = model.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.runs.map((r) => r.text).join(''));
    for (const text of body) expect(levels.has(text), text).toBe(true);
    expect(levels.get(body[0]!)).toBeUndefined();
  });

  it('DOCX: every table comes back cell for cell with its row and column spans, headers placed as the template defines them', () => {
    const written = model.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
    const read = tables(docx);
    expect(read.map((t) => t.rows)).toEqual(written.map(asWritten));
    // The in-cell line breaks are those the layout chose, no more.
    expect(read.flatMap((t) => t.rows.flat()).map((c) => c.text.split('\n').length)).toEqual(written.flatMap((t) => t.rows.flatMap((r) => r.cells)).map((c) => Math.max(1, c.lines.length)));
    for (const [i, id] of ['gov-2021.apply', 'gov-2021.review'].entries()) {
      const table = read[written.findIndex((t) => t.id === id)]!;
      const header = template('gov-2021').tableModels.get(id)!.def.blocks[0]!.header;
      expect(header.length, id).toBeGreaterThan(3 + i);
      const unbroken = placed(table).map((cell) => ({ ...cell, text: cell.text.replace(/\n/g, '') }));
      for (const h of header) expect(unbroken, h.text).toContainEqual({ text: h.text, row: h.row, col: h.col, rowspan: h.rowspan, colspan: h.colspan });
    }
  });

  it('PDF: every row of every table is a line whose cells end with that row’s numbers, in order', () => {
    expect(pdf.kind).toBe('pdf');
    const pdfLines = lines(pdf);
    for (const [id, tableModel] of template('gov-2021').tableModels) {
      for (const line of tableModel.lines) {
        const values = line.block.columns.map((c) => cellText(tableModel, line.row.id, c.id, report)).filter((v) => v !== '');
        if (values.length === 0) continue;
        const found = pdfLines.some((l) => l.cells.length >= values.length && l.cells.slice(-values.length).join('|') === values.join('|'));
        expect(found, `${id} ${line.row.id}: ${values.join(' ')}`).toBe(true);
      }
    }
  });

  it('PDF: headings and body lines keep their text, pages and indents; wrapped body lines reach the right edge', () => {
    const pdfLines = lines(pdf);
    for (const section of template('gov-2021').sections) {
      if (section.heading) expect(pdfLines.some((l) => l.text === section.heading && l.indent === 2), section.heading).toBe(true);
    }
    expect(new Set(pdfLines.map((l) => l.page)).size).toBeGreaterThan(3);
    expect(pdfLines.filter((l) => l.full && l.indent === 0).length).toBeGreaterThan(40);
    // Page numbers are kept (recognition lists them as removed junk).
    expect(pdfLines.some((l) => /^— ?2 ?—$/.test(l.text))).toBe(true);
  });
});

describe('published PDFs (洪泽区 2023, 2024): the table rows poppler sees are lines here too', () => {
  /** Number rows as `pdftotext -layout` printed them (an independent reader): the trailing run of numbers of each line. */
  const numberRows = (txt: string, count: number) =>
    txt
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .map((cells) => {
        let i = cells.length;
        while (i > 0 && /^\d+(?:\.\d+)?$/.test(cells[i - 1]!)) i--;
        return cells.slice(i);
      })
      .filter((numbers) => numbers.length === count);

  for (const year of [2023, 2024]) {
    const file = join(PUBLISHED, `hongze-gov-${year}.pdf`);
    it.skipIf(!existsSync(file))(`${year}: every 表三 row ends with its 7 numbers, 表四 is one line of 15, pages and page numbers kept`, async () => {
      const started = Date.now();
      const source = await read(file);
      expect(Date.now() - started).toBeLessThan(10_000);
      const pdfLines = lines(source);
      const txt = readFileSync(file.replace(/\.pdf$/, '.txt'), 'utf8');
      const table3 = numberRows(txt, 7);
      // These reports still print （六）其他处理 as one row: 23 number rows, not gov-2021's 25.
      expect(table3).toHaveLength(23);
      for (const numbers of table3) {
        expect(pdfLines.some((l) => l.cells.slice(-7).join(' ') === numbers.join(' ') && l.cells.length >= 7), numbers.join(' ')).toBe(true);
      }
      // Each row exactly once and in reading order: the lines' number runs equal poppler's, row for row.
      const ours = pdfLines.map((l) => l.cells.filter((c) => /^\d+(?:\.\d+)?$/.test(c))).filter((n) => n.length === 7);
      expect(ours).toEqual(table3);
      const [table4] = numberRows(txt, 15);
      expect(pdfLines.filter((l) => l.cells.length === 15).map((l) => l.cells)).toEqual([table4]);
      expect(pdfLines.some((l) => l.cells[0] === '一、本年新收政府信息公开申请数量' && l.cells.length === 8)).toBe(true);
      expect(pdfLines.filter((l) => /^- ?\d ?-$/.test(l.text)).map((l) => l.page)).toEqual([1, 2, 3, 4, 5]);
      expect(pdfLines.find((l) => l.text.startsWith('本报告由'))).toMatchObject({ indent: 2, full: true, page: 1 });
    });
  }
});

describe('a report page saved from a government website, in GBK', () => {
  let source: SourceDocument;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drs-import-html-'));
    const path = join(dir, '南河县2023年报.html');
    writeFileSync(path, iconv.encode(readFileSync(join(FIXTURES, 'gov-page.utf8.html'), 'utf8'), 'gbk'));
    source = await read(path);
  });

  it('decodes the page with the charset it declares and says so', () => {
    expect(source.kind).toBe('html');
    expect(source.notes.map((n) => n.en).join(' ')).toContain('GB2312 (declared by the page)');
    expect(paragraphs(source)[0]).toEqual({ kind: 'paragraph', text: '南河县人民政府2023年政府信息公开工作年度报告', level: 1 });
  });

  it('returns the body paragraphs, numbers split across <span>s joined, <br> lines apart, headings with their level', () => {
    const texts = paragraphs(source).map((p) => p.text);
    expect(texts).toContain('2023年，南河县人民政府坚持以习近平新时代中国特色社会主义思想为指导，全年主动公开政府信息2356条。');
    expect(texts).toContain('依托政府门户网站发布政策文件47件。');
    expect(texts).toContain('开展政策解读12次。');
    expect(paragraphs(source).find((p) => p.text === '（一）主动公开')?.level).toBe(3);
    expect(texts.at(-1)).toBe('全年无行政复议、行政诉讼案件。');
  });

  it('returns the statistics table (not its layout wrapper) with its spans, and leaves the chrome and the index table out', () => {
    expect(tables(source)).toHaveLength(1);
    const [table] = tables(source);
    expect(placed(table!)).toContainEqual({ text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', row: 0, col: 0, rowspan: 3, colspan: 3 });
    expect(placed(table!)).toContainEqual({ text: '法人或其他组织', row: 1, col: 4, rowspan: 1, colspan: 5 });
    expect(placed(table!)).toContainEqual({ text: '总计', row: 1, col: 9, rowspan: 2, colspan: 1 });
    expect(table!.rows[3]!.map((c) => c.text)).toEqual(['一、本年新收政府信息公开申请数量', '12', '3', '0', '0', '1', '0', '16']);
    const text = allText(source.blocks);
    for (const chrome of ['首页', '当前位置', '索引号', '字体', '语音播报', '朗读', '分享到', '微信', '打印', '关闭窗口', '相关链接', '主办单位', '无障碍', '统计代码']) {
      expect(text, chrome).not.toContain(chrome);
    }
    expect(source.notes.map((n) => n['zh-CN']).join(' ')).toContain('索引号： 11320800MB1234567X/2024-00012');
  });
});

/** An HTML table with merged header cells, as Word or WPS would hold it. */
const MERGED_TABLE_HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<h1>甲县2024年政府信息公开工作年度报告</h1><h2>四、政府信息公开行政复议、行政诉讼情况</h2>
<table border="1"><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
<tr><td>1</td><td>2</td><td>0</td><td>0</td><td>3</td><td>0</td><td>1</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table>
<p>正文一段。</p></body></html>`;

describe.skipIf(!SOFFICE)('Word files made by an office suite (LibreOffice)', () => {
  let dir: string;
  const convert = (filter: string) => {
    execFileSync(SOFFICE!, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', filter, '--outdir', dir, join(dir, 'merged.html')], { timeout: 120_000, stdio: 'ignore' });
  };
  const expectMergedTable = (source: SourceDocument) => {
    const [table] = tables(source);
    const at = placed(table!);
    for (const h of template('gov-2021').tableModels.get('gov-2021.review')!.def.blocks[0]!.header) {
      expect(at, h.text).toContainEqual({ text: h.text, row: h.row, col: h.col, rowspan: h.rowspan, colspan: h.colspan });
    }
    expect(table!.rows[3]!.map((c) => c.text)).toEqual(['1', '2', '0', '0', '3', '0', '1', '0', '0', '1', '0', '0', '0', '0', '0']);
    expect(paragraphs(source).find((p) => p.text.startsWith('四、'))?.level).toBe(2);
    expect(paragraphs(source).at(-1)?.text).toBe('正文一段。');
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'drs-import-lo-'));
    writeFileSync(join(dir, 'merged.html'), MERGED_TABLE_HTML);
  });

  it('a DOCX written by the office suite: vMerge and gridSpan come back as row and column spans, headings with their level', async () => {
    convert('docx:MS Word 2007 XML');
    const source = await read(join(dir, 'merged.docx'));
    expect(source.kind).toBe('docx');
    expectMergedTable(source);
  }, 180_000);

  it('an old .doc is converted by LibreOffice (noted) and read the same; without LibreOffice the message says to save as .docx', async () => {
    convert('doc:MS Word 97');
    const doc = join(dir, 'merged.doc');
    const before = readFileSync(doc);
    const source = await read(doc, { soffice: SOFFICE });
    expect(source.kind).toBe('doc');
    expect(source.notes.map((n) => n.en).join(' ')).toContain('converted to .docx by LibreOffice');
    expectMergedTable(source);
    expect(readFileSync(doc).equals(before)).toBe(true);

    const refused = await readSourceFile(doc, { soffice: null });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.message['zh-CN']).toContain('merged.doc');
      expect(refused.message['zh-CN']).toContain('另存为 .docx');
    }
  }, 180_000);
});
