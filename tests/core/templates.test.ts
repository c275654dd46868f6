import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReport, createReport, loadTemplate, TemplateError, type Template } from '../../src-core/index.js';
import { loadTemplateLibrary } from '../../src-main/services/TemplateLibrary.js';
import { ROOT, TEMPLATES_DIR, template } from '../helpers.js';

const rawTemplate = (id: string): Record<string, unknown> => JSON.parse(readFileSync(`${TEMPLATES_DIR}/${id}.json`, 'utf8'));

function loadError(json: unknown, file = 'broken.json'): TemplateError {
  try {
    loadTemplate(json, file);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('the template loaded although it is broken');
}

function labelsOf(t: Template, tableId: string): string[] {
  const model = t.tableModels.get(tableId);
  return model ? model.def.blocks.flatMap((b) => [...(b.caption ? [b.caption] : []), ...b.header.map((h) => h.text), ...b.rows.map((r) => r.label ?? '')]) : [];
}

describe('the three national formats', () => {
  it('gov-2021 is the default and has the six mandated headings in order', () => {
    expect(template('gov-2021').default).toBe(true);
    const headings = template('gov-2021').sections.filter((s) => s.heading).map((s) => s.heading);
    expect(headings).toEqual(['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
    expect(template('gov-2019').sections.map((s) => s.heading)).toEqual(template('gov-2021').sections.map((s) => s.heading));
  });

  it('gov-2008 has the seven-part default outline with every Art. 32 item tagged', () => {
    const t = template('gov-2008');
    expect(t.sections.filter((s) => s.heading && s.required).map((s) => s.heading)).toEqual([
      '一、概述',
      '二、主动公开政府信息情况',
      '三、依申请公开政府信息和不予公开政府信息情况',
      '四、政府信息公开的收费及减免情况',
      '五、因政府信息公开申请行政复议、提起行政诉讼的情况',
      '六、政府信息公开工作存在的主要问题及改进情况',
      '七、其他需要报告的事项',
    ]);
    expect(t.sections.flatMap((s) => s.art32Items ?? []).sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('has the data cells tables.md counts (input + computed)', () => {
    const count = (t: string, id: string) => {
      const cells = template(t).tableModels.get(id)?.cells ?? [];
      return [cells.length, cells.filter((c) => c.kind === 'input').length];
    };
    expect(count('gov-2021', 'gov-2021.active')).toEqual([10, 10]);
    expect(count('gov-2021', 'gov-2021.apply')).toEqual([175, 144]);
    expect(count('gov-2021', 'gov-2021.review')).toEqual([15, 12]);
    expect(count('gov-2019', 'gov-2019.active')).toEqual([22, 22]);
    expect(count('gov-2019', 'gov-2019.apply')).toEqual([161, 132]);
    expect(count('gov-2008', 'gov-2008.stats')[0]).toBe(42);
  });

  it('merges the group labels of the requests table over as many lines as the spec gives', () => {
    const spans = (t: string, id: string) =>
      Object.fromEntries((template(t).tableModels.get(id)?.lines ?? []).flatMap((l) => l.labels).filter((l) => l.rowspan > 1).map((l) => [l.text, l.rowspan]));
    expect(spans('gov-2021', 'gov-2021.apply')).toEqual({ '三、本年度办理结果': 22, '（三）不予公开': 8, '（四）无法提供': 3, '（五）不予处理': 5, '（六）其他处理': 3 });
    expect(spans('gov-2019', 'gov-2019.apply')).toEqual({ '三、本年度办理结果': 20, '（三）不予公开': 8, '（四）无法提供': 3, '（五）不予处理': 5 });
  });

  it('keeps the mandated labels verbatim, with full-width punctuation', () => {
    const apply = labelsOf(template('gov-2021'), 'gov-2021.apply');
    for (const label of ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '3.危及“三安全一稳定”', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '四、结转下年度继续办理']) {
      expect(apply).toContain(label);
    }
    expect(labelsOf(template('gov-2021'), 'gov-2021.active')).toEqual(expect.arrayContaining(['第二十条第（八）项', '本年收费金额（单位：万元）', '行政规范性文件']));
    expect(labelsOf(template('gov-2019'), 'gov-2019.active')).toEqual(expect.arrayContaining(['第二十条第（九）项', '本年增/减', '其他对外管理服务事项', '规范性文件']));
    expect(labelsOf(template('gov-2021'), 'gov-2021.review')).toEqual(expect.arrayContaining(['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉']));
  });
});

describe('a broken format file is refused with its file name and JSON path', () => {
  it('names a missing field', () => {
    const json = rawTemplate('gov-2021');
    delete (json.sections as Record<string, unknown>[])[1]!.heading;
    const error = loadError(json, 'gov-2021.json');
    expect(error.message).toContain('gov-2021.json');
    expect(error.issues[0]?.path).toBe('$.sections[1].heading');
  });

  it('names overlapping or missing header cells', () => {
    const json = rawTemplate('gov-2021');
    const apply = (json.tables as { blocks: { header: { colspan: number }[] }[] }[])[1]!;
    apply.blocks[0]!.header[1]!.colspan = 6;
    const error = loadError(json);
    expect(error.issues.map((i) => i.path)).toContain('$.tables[1].blocks[0].header');
  });

  it('names a rule formula that refers to a row the table does not have', () => {
    const json = rawTemplate('gov-2021');
    const rules = json.rules as { id: string; assert?: string }[];
    const index = rules.findIndex((r) => r.id === 'P-01');
    rules[index]!.assert = 'r1_new[$c] = r9_missing[$c]';
    const error = loadError(json);
    expect(error.issues).toContainEqual({ path: `$.rules[${index}].assert`, message: 'unknown row "r9_missing" in table gov-2021.apply' });
  });

  it('names a formula that cannot be parsed', () => {
    const json = rawTemplate('gov-2021');
    const rules = json.rules as { id: string; assert?: string }[];
    const index = rules.findIndex((r) => r.id === 'P-03');
    rules[index]!.assert = '$r[total] = = 1';
    expect(loadError(json).issues[0]?.path).toBe(`$.rules[${index}]`);
  });

  it('names a table a section lists but nobody defines, and a duplicate section id', () => {
    const json = rawTemplate('gov-2019');
    (json.sections as { tables: string[] }[])[2]!.tables = ['gov-2019.nothing'];
    (json.sections as { id: string }[])[6]!.id = 'overview';
    const paths = loadError(json).issues.map((i) => i.path);
    expect(paths).toContain('$.sections[2].tables[0]');
    expect(paths).toContain('$.sections[6].id');
  });

  it('names a file that is not JSON at all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drs-tpl-'));
    writeFileSync(join(dir, 'gov-x.json'), '{ "id": ');
    expect(() => loadTemplateLibrary(dir)).toThrow(/gov-x\.json: \$: not valid JSON/);
  });
});

describe('the template library', () => {
  /** The real formats plus extra files, as a user's templates folder. */
  function folderWith(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'drs-library-'));
    cpSync(TEMPLATES_DIR, dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    return dir;
  }

  it('validates a format only when it is asked for, so a broken one does not stop the others', () => {
    const library = loadTemplateLibrary(folderWith({ 'gov-2031.json': '{"id": "gov-2031"}' }));
    expect([...library.keys()]).toEqual(['gov-2008', 'gov-2019', 'gov-2021', 'gov-2031']);
    expect(library.get('gov-2021')?.name.en).toBe(template('gov-2021').name.en);
    expect(() => library.get('gov-2031')).toThrow(/^gov-2031\.json: \$\.name: /);
    expect(() => [...library.values()]).toThrow(TemplateError);
  });

  it('validates a format once', () => {
    const library = loadTemplateLibrary(TEMPLATES_DIR);
    expect(library.get('gov-2019')).toBe(library.get('gov-2019'));
    expect([...library.values()].map((t) => t.id)).toEqual(['gov-2008', 'gov-2019', 'gov-2021']);
  });

  it('refuses a second file with the same id at once, by name', () => {
    const dir = folderWith({ 'gov-2099.json': readFileSync(`${TEMPLATES_DIR}/gov-2021.json`, 'utf8') });
    expect(() => loadTemplateLibrary(dir)).toThrow('gov-2099.json: $.id: format id "gov-2021" is used by another file');
  });

  it('refuses a file whose id cannot be read at once, with all its issues', () => {
    const dir = folderWith({ 'gov-2031.json': '{"id": 2031}' });
    expect(() => loadTemplateLibrary(dir)).toThrow(/gov-2031\.json: \$\.id: .*\$\.name/);
  });
});

describe('a fourth national format needs no code change', () => {
  it('loads from its own file with its own table and rule, next to the real ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drs-formats-'));
    cpSync(TEMPLATES_DIR, dir, { recursive: true });
    cpSync(`${ROOT}tests/fixtures/fourth-format/gov-2031.json`, join(dir, 'gov-2031.json'));
    const library = loadTemplateLibrary(dir);
    expect([...library.keys()].sort()).toEqual(['gov-2008', 'gov-2019', 'gov-2021', 'gov-2031']);
    const t = library.get('gov-2031')!;
    const report = createReport(t, { orgName: '测试局', year: 2031, unitType: 'department', hasRulemakingPower: false }, new Date('2032-01-05T00:00:00Z'));
    report.tables['gov-2031.consult'] = { phone: { received: 3, answered: 5, sum: 8 }, online: { received: 2, answered: 2, sum: 4 } };
    const findings = checkReport(t, report);
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'X-01', severity: 'error', location: { tableId: 'gov-2031.consult', rowId: 'phone', colId: 'answered' }, message: '一、咨询处理情况 · 电话咨询：答复数（5）多于收到数（3）。' }),
    ]);
  });
});
