import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkReport,
  deriveComputedCells,
  loadTemplate,
  parseCellInput,
  parseReport,
  REPORT_LIMITS,
  TemplateError,
  titleLines,
  type ParseResult,
  type Report,
  type ReportLoadError,
  type TemplateFile,
} from '../../src-core/index.js';
import { SAMPLE_FILES, TEMPLATES_DIR, template, templates } from '../helpers.js';

const sampleJson = (): Report => JSON.parse(readFileSync(SAMPLE_FILES['gov-2021']!, 'utf8'));
const rawTemplate = (): TemplateFile => JSON.parse(readFileSync(`${TEMPLATES_DIR}/gov-2021.json`, 'utf8'));
const applyRows = (json: TemplateFile) => json.tables[1]!.blocks[0]!.rows;
const firstHeaderCell = (json: TemplateFile) => json.tables[0]!.blocks[0]!.header[0]!;

function failure(result: ParseResult): ReportLoadError {
  if (result.ok) throw new Error('the file loaded although it is beyond the limits');
  return result.error;
}

/** The sample with `json` (a JSON text) inserted as the first paragraph of its first section, the preamble. */
function withParagraph(json: string): string {
  return JSON.stringify(sampleJson()).replace('"children":[', `"children":[${json},`);
}

function loadError(json: unknown): TemplateError {
  try {
    loadTemplate(json, 'broken.json');
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('the template loaded although it is broken');
}

describe('report files beyond the limits get a clear message, never a crash', () => {
  it('refuses Lexical text nested 1 000 deep, naming the paragraph', () => {
    const deep = '{"type":"paragraph","children":['.repeat(1000) + '{"type":"text","text":"x"}' + ']}'.repeat(1000);
    const error = failure(parseReport(withParagraph(deep), templates));
    expect(error).toMatchObject({ code: 'limits', path: '$.sections.preamble.root.children[0]' });
    expect(error.message['zh-CN']).toContain(`${REPORT_LIMITS.lexicalDepth} 层`);
    expect(error.message.en).toContain('$.sections.preamble.root.children[0]');
  });

  it('refuses any JSON nested 100 000 deep, even in fields the schema passes through', () => {
    const deep = `{"type":"text","text":"x","extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const error = failure(parseReport(withParagraph(`{"type":"paragraph","children":[${deep}]}`), templates));
    expect(error.code).toBe('limits');
    expect(error.path).toMatch(/^\$\.sections\.preamble\.root\.children\[0\]/);
  });

  it('refuses a 5-million-character paragraph, 60 000 paragraphs and a 2-million-character report', () => {
    const long = failure(parseReport(withParagraph(`{"type":"paragraph","children":[{"type":"text","text":"${'字'.repeat(5_000_000)}"}]}`), templates));
    expect(long).toMatchObject({ code: 'limits', path: '$.sections.preamble.root.children[0]' });
    expect(long.message['zh-CN']).toContain('100000');
    const many = failure(parseReport(withParagraph(Array.from({ length: 60_000 }, () => '{"type":"paragraph","children":[]}').join(',')), templates));
    expect(many.message.en).toContain('50000');
    const para = `{"type":"paragraph","children":[{"type":"text","text":"${'字'.repeat(90_000)}"}]}`;
    const total = failure(parseReport(withParagraph(Array.from({ length: 25 }, () => para).join(',')), templates));
    expect(total.message['zh-CN']).toContain('2000000');
  });

  it('names the fact and the limit when a 机关全称 or a cell is too long', () => {
    const json = sampleJson();
    json.meta.orgName = '某'.repeat(400_000);
    const error = failure(parseReport(JSON.stringify(json), templates));
    expect(error).toMatchObject({ code: 'limits', path: '$.meta.orgName' });
    expect(error.message['zh-CN']).toContain('机关全称');
    expect(error.message['zh-CN']).toContain('200 个字符');
    expect(error.message.en).toContain('200 characters');
    const cell = sampleJson();
    cell.tables['gov-2021.active']!.admin_fee!.fee_amount = '1'.repeat(100);
    expect(failure(parseReport(JSON.stringify(cell), templates))).toMatchObject({ code: 'limits', path: '$.tables.gov-2021.active.admin_fee.fee_amount' });
  });

  it('accepts real calendar dates only', () => {
    for (const date of ['2026-13-45', '0000-00-00', '2025-02-29']) {
      const json = sampleJson();
      json.meta.signatureDate = date;
      const error = failure(parseReport(JSON.stringify(json), templates));
      expect(error.path).toBe('$.meta.signatureDate');
      expect(error.message['zh-CN']).toContain('成文日期');
      expect(error.message.en).toContain(date);
    }
    const leap = sampleJson();
    leap.meta.signatureDate = '2024-02-29';
    expect(parseReport(JSON.stringify(leap), templates).ok).toBe(true);
  });

  it('refuses counts beyond 2^53 − 1 in a file and when typed', () => {
    const json = sampleJson();
    json.tables['gov-2021.apply']!.r1_new!.natural = 1e16;
    const error = failure(parseReport(JSON.stringify(json), templates));
    expect(error.path).toBe('$.tables.gov-2021.apply.r1_new.natural');
    expect(error.message['zh-CN']).toContain(String(Number.MAX_SAFE_INTEGER));
    const cell = { valueType: 'count', notApplicable: false } as const;
    expect(parseCellInput('9007199254740991', cell)).toEqual({ ok: true, value: Number.MAX_SAFE_INTEGER });
    const refused = parseCellInput('9007199254740993', cell);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problem.en).toContain(String(Number.MAX_SAFE_INTEGER));
  });
});

describe('exact totals', () => {
  it('derives the total of 10^15 counts exactly', () => {
    const t = template('gov-2021');
    const json = sampleJson();
    const row = json.tables['gov-2021.apply']!.r1_new!;
    for (const col of Object.keys(row)) if (col !== 'total') row[col] = 0;
    row.natural = 1e15;
    row.commercial = 8;
    const derived = deriveComputedCells(t, json.tables);
    expect(derived['gov-2021.apply']?.r1_new?.total).toBe(1_000_000_000_000_008);
  });

  it('compares 万元 amounts as exact decimals, also at twelve digits', () => {
    const t = template('gov-2008');
    const json: Report = JSON.parse(readFileSync(SAMPLE_FILES['gov-2008']!, 'utf8'));
    json.tables['gov-2008.stats']!.fee_charged = { this_year: '999999999999.9999', cumulative: '999999999999.9998' };
    const result = parseReport(JSON.stringify(json), templates);
    if (!result.ok) throw new Error(result.error.message.en);
    const [finding] = checkReport(t, result.report).filter((f) => f.ruleId === 'O-04');
    expect(finding).toMatchObject({ actual: '999999999999.9998', expected: '999999999999.9999' });
    result.report.tables['gov-2008.stats']!.fee_charged!.cumulative = '999999999999.9999';
    expect(checkReport(t, result.report).filter((f) => f.ruleId === 'O-04')).toEqual([]);
  });
});

describe('a report without its mandatory tables', () => {
  it('is an error naming each missing table, so it cannot be exported as final', () => {
    const json = sampleJson();
    json.tables = {};
    const result = parseReport(JSON.stringify(json), templates);
    if (!result.ok) throw new Error(result.error.message.en);
    const errors = checkReport(result.template, result.report).filter((f) => f.ruleId === 'C-05');
    expect(errors.map((f) => f.severity)).toEqual(['error', 'error', 'error']);
    expect(errors.map((f) => f.message).join()).toContain('缺少表格“收到和处理政府信息公开申请情况”');
  });
});

describe('format definitions beyond the limits', () => {
  it('refuses a group row that contains itself, and groups that contain each other, naming them', () => {
    const self = rawTemplate();
    applyRows(self).find((r) => r.id === 'r3')!.parent = 'r3';
    expect(loadError(self).message).toContain('group rows "r3" → "r3" contain each other');
    const mutual = rawTemplate();
    applyRows(mutual).find((r) => r.id === 'r3')!.parent = 'r3_3';
    expect(loadError(mutual).message).toMatch(/"r3" → "r3_3" → "r3"|"r3_3" → "r3" → "r3_3"/);
  });

  it('refuses absurd header spans at once', () => {
    const json = rawTemplate();
    Object.assign(firstHeaderCell(json), { rowspan: 10_000, colspan: 10_000 });
    const start = performance.now();
    expect(loadError(json).issues.map((i) => i.path)).toContain('$.tables[0].blocks[0].header[0].colspan');
    const inside = rawTemplate();
    Object.assign(firstHeaderCell(inside), { rowspan: 16, colspan: 64 });
    expect(loadError(inside).message).toContain('reaches outside');
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('refuses a formula of 10 000 terms or 1 000 nested parentheses, naming the rule', () => {
    for (const assert of [Array.from({ length: 10_000 }, () => 'r1_new[$c]').join('+') + '=0', `${'('.repeat(300)}r1_new[$c]${')'.repeat(300)} = 0`, `${'r1_new[$c] + '.repeat(199)}r1_new[$c] = 0`]) {
      const json = rawTemplate();
      const rule = json.rules.find((r) => r.kind === 'relation')!;
      if (rule.kind === 'relation') rule.assert = assert;
      expect(loadError(json).message).toContain(`rule ${rule.id}:`);
    }
  });
});

describe('the title layout', () => {
  it('breaks a 400 000-character title in well under a second', () => {
    const start = performance.now();
    const lines = titleLines(`${'某'.repeat(400_000)}2025年政府信息公开工作年度报告`);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(lines.join('')).toHaveLength(400_017);
  });
});
