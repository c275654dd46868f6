import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, createReport, lexicalToPlainText, migrateReport, MIGRATIONS, parseReport, reportSchema, type ParseResult } from '../../src-core/index.js';
import { SAMPLE_FILES, template, templates } from '../helpers.js';

const sampleText = readFileSync(SAMPLE_FILES['gov-2021']!, 'utf8');
const sampleJson = (): Record<string, unknown> => JSON.parse(sampleText);
const parse = (value: unknown): ParseResult => parseReport(typeof value === 'string' ? value : JSON.stringify(value), templates);

function failure(result: ParseResult) {
  if (result.ok) throw new Error('the file loaded although it is bad');
  return result.error;
}

describe('opening a .drs file', () => {
  it('reads every sample, keeping counts as integers and 万元 as decimal strings', () => {
    for (const file of Object.values(SAMPLE_FILES)) {
      const result = parse(readFileSync(file, 'utf8'));
      expect(result.ok, file).toBe(true);
    }
    const result = parse(sampleText);
    if (!result.ok) throw new Error('sample');
    expect(result.report.tables['gov-2021.active']?.admin_fee?.fee_amount).toBe('186.52');
    expect(result.report.tables['gov-2021.apply']?.r1_new?.total).toBe(46);
  });

  it('says a truncated file is incomplete', () => {
    const error = failure(parse(sampleText.slice(0, sampleText.length / 2)));
    expect(error.code).toBe('json');
    expect(error.message['zh-CN']).toContain('不完整');
    expect(error.message.en).toContain('truncated');
  });

  it('says where malformed JSON is broken', () => {
    const broken = sampleText.replace('"templateId": "gov-2021"', '"templateId" "gov-2021"');
    const error = failure(parse(broken));
    expect(error.code).toBe('json');
    expect(error.message['zh-CN']).toMatch(/第 \d+ 行第 \d+ 列/);
  });

  it('says an empty file is empty', () => {
    expect(failure(parse('')).message['zh-CN']).toContain('空');
  });

  it('names a field with the wrong type', () => {
    const json = sampleJson();
    (json.meta as Record<string, unknown>).year = '2025';
    const error = failure(parse(json));
    expect(error).toMatchObject({ code: 'schema', path: '$.meta.year' });
    expect(error.message['zh-CN']).toContain('meta.year');
  });

  it('names a missing field', () => {
    const json = sampleJson();
    delete (json.meta as Record<string, unknown>).orgName;
    const error = failure(parse(json));
    expect(error).toMatchObject({ code: 'schema', path: '$.meta.orgName' });
    expect(error.message['zh-CN']).toBe('报告文件缺少必需的字段“meta.orgName”。');
  });

  it('names an unknown format', () => {
    const error = failure(parse({ ...sampleJson(), templateId: 'gov-2099' }));
    expect(error).toMatchObject({ code: 'template', path: '$.templateId' });
    expect(error.message['zh-CN']).toContain('gov-2099');
  });

  it('refuses a file from a newer version of the program', () => {
    const error = failure(parse({ ...sampleJson(), schemaVersion: CURRENT_SCHEMA_VERSION + 1 }));
    expect(error).toMatchObject({ code: 'version', path: '$.schemaVersion' });
    expect(error.message['zh-CN']).toContain('请升级');
  });

  it('names a table cell the format does not have', () => {
    const json = sampleJson() as { tables: Record<string, Record<string, Record<string, unknown>>> };
    json.tables['gov-2021.apply']!.r1_new!.robots = 1;
    expect(failure(parse(json))).toMatchObject({ code: 'structure', path: '$.tables.gov-2021.apply.r1_new.robots' });
  });

  it('fills the missing cells of a mandatory table as empty', () => {
    const json = sampleJson() as { tables: Record<string, Record<string, unknown>> };
    delete json.tables['gov-2021.review']!.count;
    const result = parse(json);
    if (!result.ok) throw new Error('should load');
    expect(result.report.tables['gov-2021.review']?.count?.rv_upheld).toBeNull();
  });
});

describe('migrations', () => {
  it('a version-1 file (before the prior-year link) opens as version 2 with no link and its content unchanged', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(2);
    expect(Object.keys(MIGRATIONS)).toEqual(['1']);
    const v1: Record<string, unknown> = { ...sampleJson(), schemaVersion: 1 };
    const result = parse(v1);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.report.schemaVersion).toBe(2);
    expect(result.report.priorYear).toBeUndefined();
    expect(result.report.meta).toEqual(v1.meta);
    expect(result.report.sections).toEqual(v1.sections);
  });

  it('runs each step in order, and only the steps from the file version on', () => {
    const seen: number[] = [];
    const steps = {
      1: (raw: Record<string, unknown>) => (seen.push(1), { ...raw, renamed: raw.old, old: undefined }),
      2: (raw: Record<string, unknown>) => (seen.push(2), { ...raw, extra: true }),
    };
    expect(migrateReport({ schemaVersion: 1, old: 'x' }, 1, steps, 3)).toEqual({ schemaVersion: 3, renamed: 'x', old: undefined, extra: true });
    expect(seen).toEqual([1, 2]);
    seen.length = 0;
    migrateReport({ schemaVersion: 2 }, 2, steps, 3);
    expect(seen).toEqual([2]);
    expect(() => migrateReport({ schemaVersion: 0 }, 0, steps, 3)).toThrow(/no migration from schemaVersion 0/);
  });
});

describe('a new report', () => {
  it('has the starter wording filled from the facts and every mandatory table empty', () => {
    const report = createReport(template('gov-2021'), { orgName: '某某县公安局', year: 2025, unitType: 'department', hasRulemakingPower: false, website: 'http://x.example.gov.cn' }, new Date('2026-01-02T03:04:05Z'));
    expect(reportSchema.safeParse(report).success).toBe(true);
    const preamble = lexicalToPlainText(report.sections.preamble);
    expect(preamble).toContain('某某县公安局编制了2025年政府信息公开工作年度报告');
    expect(preamble).toContain('统计期限自2025年1月1日起至2025年12月31日止');
    expect(preamble).toContain('http://x.example.gov.cn');
    expect(preamble).toContain('【请填写：联系部门】');
    expect(Object.keys(report.tables).sort()).toEqual(['gov-2021.active', 'gov-2021.apply', 'gov-2021.review']);
    expect(report.tables['gov-2021.apply']?.r3_7_total?.total).toBeNull();
    expect(report.createdAt).toBe('2026-01-02T03:04:05.000Z');
  });
});
