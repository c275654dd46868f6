import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  blockText,
  checkReport,
  fillStarter,
  lexicalToBlocks,
  lexicalToPlainText,
  parseReport,
  priorCellOf,
  priorSectionOf,
  priorYearOf,
  recognizeReport,
  sourceFromText,
  startFromLastYear,
  type Finding,
  type Report,
  type Template,
} from '../../src-core/index.js';
import { ROOT, SHARED_DIR, addToCell, sample, setText, template, templates } from '../helpers.js';

const NOW = new Date('2026-01-05T08:00:00Z');
const SOURCE = { fileName: 'last.drs', kind: 'drs' as const };
const PREDECESSOR = `${ROOT}tests/fixtures/gov-2021-qingchuan-psb-2024.drs`;

function load(path: string): { report: Report; template: Template } {
  const result = parseReport(readFileSync(path, 'utf8'), templates);
  if (!result.ok) throw new Error(result.error.message.en);
  return result;
}

function start(last: Report, year?: number): { report: Report; template: Template } {
  const result = startFromLastYear(templates, { report: last, template: template(last.templateId) }, { now: NOW, source: SOURCE, ...(year === undefined ? {} : { year }) });
  if (!result.ok) throw new Error(result.message.en);
  return result;
}

const ids = (findings: readonly Finding[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId);

function link(report: Report, last: Report): Report {
  return { ...report, priorYear: priorYearOf(last, template(last.templateId), SOURCE, NOW) };
}

describe('a new report started from last year (issue #13)', () => {
  it('2021→2021: the gov-2021 sample started from its own 2024 predecessor gets every carry-over cell of the real 2025 sample', () => {
    const last = load(PREDECESSOR).report;
    const { report, template: t } = start(last);
    const real2025 = sample('gov-2021');
    expect(t.id).toBe('gov-2021');
    expect(report.meta.year).toBe(2025);
    expect(report.tables['gov-2021.apply']?.r2_carried_in).toEqual(real2025.tables['gov-2021.apply']?.r2_carried_in);
    for (const value of Object.values(report.tables['gov-2021.apply']?.r2_carried_in ?? {})) expect(typeof value).toBe('number');
    const facts = { ...last.meta, year: 2025 };
    delete facts.signatureDate;
    expect(report.meta).toEqual(facts);
    expect(report.meta.signatureDate).toBeUndefined();
  });

  it('does not copy last year\'s narrative: each section holds the new year\'s standard wording', () => {
    const last = load(PREDECESSOR).report;
    const { report, template: t } = start(last);
    for (const section of t.sections) {
      const expected = fillStarter(section.starter, report.meta).map((b) => (typeof b === 'string' ? b : b.heading));
      expect(lexicalToBlocks(report.sections[section.id]).map(blockText)).toEqual(expected);
    }
    expect(lexicalToPlainText(report.sections.overview)).not.toContain('警务信息1094条');
  });

  it('keeps last year\'s year, format, tables and texts, and where they came from', () => {
    const last = load(PREDECESSOR).report;
    const { report } = start(last);
    expect(report.priorYear).toMatchObject({ year: 2024, templateId: 'gov-2021', orgName: '青川县公安局', source: { fileName: 'last.drs', kind: 'drs', linkedAt: NOW.toISOString() } });
    expect(report.priorYear?.tables).toEqual(last.tables);
    expect(report.priorYear?.sections.overview).toContainEqual({ heading: '（一）主动公开' });
    expect(report.priorYear?.sections.overview).toContain('全年在门户网站发布警务信息1094条，重点公开交通管理、户政服务和出入境办证指南，发布防范电信诈骗提示64期。');
  });

  it('2019→2021: the new year gets the newest format, 上年结转 from the 2019-format 结转下年度', () => {
    const last = sample('gov-2019');
    const { report, template: t } = start(last);
    expect(t.id).toBe('gov-2021');
    const carriedIn = report.tables['gov-2021.apply']?.r2_carried_in ?? {};
    const carriedOut = last.tables['gov-2019.apply']?.r4_carry_out ?? {};
    for (const col of ['natural', 'commercial', 'research', 'public_welfare', 'legal_service', 'other_org', 'total']) expect(carriedIn[col]).toBe(carriedOut[col]);
    expect(report.priorYear?.templateId).toBe('gov-2019');
  });

  it('2019→2019: the 表二 opening figures (上一年项目数量) are last year\'s items plus last year\'s change (D19-03)', () => {
    const last = sample('gov-2019');
    last.meta.year = 2019;
    const { report, template: t } = start(last);
    expect(t.id).toBe('gov-2019');
    for (const row of ['licensing', 'other_mgmt', 'punishment', 'coercion', 'admin_fee']) {
      const before = last.tables['gov-2019.active']?.[row] ?? {};
      expect(report.tables['gov-2019.active']?.[row]?.prev_items, row).toBe(Number(before.prev_items) + Number(before.delta));
    }
    expect(ids(checkReport(t, report), 'D19-03')).toEqual([]);
  });

  it('2008→2008: the facts and the link carry over; the 2008 tables have no carry-over row, so nothing is invented', () => {
    const last = sample('gov-2008');
    const { report, template: t } = start(last);
    expect(t.id).toBe('gov-2008');
    expect(report.meta.year).toBe(last.meta.year + 1);
    expect(report.meta.orgName).toBe(last.meta.orgName);
    expect(report.tables['gov-2008.stats']).toBeUndefined();
    expect(report.priorYear?.templateId).toBe('gov-2008');
  });

  it('refuses a year that is not after last year\'s, in both languages', () => {
    const last = sample('gov-2021');
    const result = startFromLastYear(templates, { report: last, template: template('gov-2021') }, { now: NOW, source: SOURCE, year: 2025 });
    expect(result).toMatchObject({ ok: false, message: { 'zh-CN': expect.stringContaining('应晚于') as string, en: expect.stringContaining('must come after') as string } });
  });
});

describe('the prior-year link lives in the report file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'drs-prior-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a report moved to another folder, without last year\'s file, keeps its year-over-year checks', () => {
    const report = link(sample('gov-2021'), load(PREDECESSOR).report);
    addToCell(report, 'gov-2021.apply', 'r2_carried_in', 'natural', 1);
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'a', 'last.drs'), readFileSync(PREDECESSOR));
    writeFileSync(join(dir, 'a', 'this.drs'), JSON.stringify(report));
    renameSync(join(dir, 'a', 'this.drs'), join(dir, 'b', 'this.drs'));
    rmSync(join(dir, 'a'), { recursive: true });
    const moved = load(join(dir, 'b', 'this.drs'));
    const p05 = ids(checkReport(moved.template, moved.report), 'P-05');
    expect(p05.map((f) => f.location)).toEqual([{ tableId: 'gov-2021.apply', rowId: 'r2_carried_in', colId: 'natural' }]);
  });

  it('the real 2025 sample linked to its 2024 predecessor passes every year-over-year rule; unlinked they do not run', () => {
    const linked = link(sample('gov-2021'), load(PREDECESSOR).report);
    const findings = checkReport(template('gov-2021'), linked);
    for (const rule of ['P-05', 'D21-01', 'D21-02', 'R-05', 'N-10', 'N-17', 'N-18']) expect(ids(findings, rule), rule).toEqual([]);
    const changed = load(PREDECESSOR).report;
    addToCell(changed, 'gov-2021.active', 'normative', 'valid', 2);
    expect(ids(checkReport(template('gov-2021'), link(sample('gov-2021'), changed)), 'D21-01')).toHaveLength(1);
    expect(ids(checkReport(template('gov-2021'), sample('gov-2021')), 'D21-01')).toEqual([]);
  });

  it('a 2021 report linked to a 2019-format report reads it through the formats given', () => {
    const last = sample('gov-2019');
    const { report } = start(last);
    addToCell(report, 'gov-2021.apply', 'r2_carried_in', 'natural', 1);
    expect(ids(checkReport(template('gov-2021'), report, { templates }), 'P-05').length).toBeGreaterThan(0);
    expect(ids(checkReport(template('gov-2021'), report), 'P-05')).toEqual([]);
  });
});

describe('N-17 repetition of last year\'s text', () => {
  const last = load(PREDECESSOR).report;

  it('finds a section copied from last year with this year\'s numbers typed in, at the copied paragraphs, with the percentage', () => {
    const report = link(sample('gov-2021'), last);
    const copied = lexicalToBlocks(last.sections.overview).map((b) => (b.kind === 'heading' ? { heading: blockText(b) } : blockText(b).replaceAll('2024', '2025').replace('1094', '1286').replace('64期', '71期')));
    setText(report, 'overview', copied);
    const hits = ids(checkReport(template('gov-2021'), report), 'N-17');
    const paragraphs = copied.map((b, i) => (typeof b === 'string' ? i : -1)).filter((i) => i >= 0);
    expect(hits.map((h) => (h.location as { span: { paragraph: number } }).span.paragraph)).toEqual(paragraphs);
    for (const h of hits) {
      expect(h.severity).toBe('warning');
      expect(h.actual).toBe(100);
      expect(h.message).toMatch(/本段有 100% 的文字与2024年度报告相同（本部分合计 100%）/);
    }
  });

  it('a single paragraph of 30+ characters copied into an otherwise new section is found on its own', () => {
    const report = link(sample('gov-2021'), last);
    const own = lexicalToBlocks(report.sections.overview).map((b) => (b.kind === 'heading' ? { heading: blockText(b) } : blockText(b)));
    setText(report, 'overview', [...own, '修订了《青川县公安局政府信息公开保密审查办法》，对拟公开信息实行承办民警初审、部门负责人复核、分管领导审定的三级审查。']);
    const hits = ids(checkReport(template('gov-2021'), report), 'N-17');
    expect(hits.map((h) => (h.location as { span: { paragraph: number } }).span.paragraph)).toEqual([own.length]);
  });

  it('does not fire on two honestly different years of the same office', () => {
    expect(ids(checkReport(template('gov-2021'), link(sample('gov-2021'), last)), 'N-17')).toEqual([]);
  });

  it('does not count the standard wording: a new report and last year\'s both still holding the starter text', () => {
    const starterLast = start(last, 2025).report;
    starterLast.meta.year = 2025;
    const { report } = start(starterLast, 2026);
    expect(report.priorYear?.sections.overview?.length).toBeGreaterThan(0);
    expect(ids(checkReport(template('gov-2021'), report), 'N-17')).toEqual([]);
  });

  it('does not count the fee statement, which is meant to read the same every year', () => {
    const report = link(sample('gov-2021'), last);
    setText(report, 'other', ['本年度我局未向申请人发出收费通知，未收取信息处理费。本年度我局未向申请人发出收费通知，未收取信息处理费。']);
    expect(ids(checkReport(template('gov-2021'), report), 'N-17')).toEqual([]);
  });
});

describe('N-18 leftover year', () => {
  const overview = (text: string) => {
    const report = sample('gov-2021');
    setText(report, 'overview', ['本年度工作平稳推进。', text]);
    return ids(checkReport(template('gov-2021'), report), 'N-18');
  };

  it('a sentence stating last year as the current one, after a numbered lead-in, is found at the sentence', () => {
    const hits = overview('（一）2024年，我局在门户网站发布信息1286条。');
    expect(hits.map((h) => h.location)).toEqual([{ sectionId: 'overview', span: { paragraph: 1, start: 0, end: 25 } }]);
    expect(hits[0]?.message).toContain('把 2024 年写作本年度');
  });

  it('a date inside a sentence, or a comparison with this year, is not a leftover', () => {
    expect(overview('我局于2024年12月完成网站改版。')).toEqual([]);
    expect(overview('2024年，我局受理申请40件，2025年增至46件。')).toEqual([]);
    expect(overview('2023年，我局开始试行警务公开日。')).toEqual([]);
  });
});

describe('cells and headings of last year\'s format', () => {
  it('gov-2019 → gov-2021: same cells where they mean the same, a note where they do not', () => {
    const [t21, t19] = [template('gov-2021'), template('gov-2019')];
    expect(priorCellOf(t21, t19, 'gov-2021.apply', 'r4_carry_out', 'natural')).toEqual({ ok: true, prior: { tableId: 'gov-2019.apply', rowId: 'r4_carry_out', colId: 'natural' } });
    expect(priorCellOf(t21, t19, 'gov-2021.active', 'normative', 'made')).toEqual({ ok: true, prior: { tableId: 'gov-2019.active', rowId: 'normative', colId: 'new_made' } });
    expect(priorCellOf(t21, t19, 'gov-2021.active', 'normative', 'valid')).toMatchObject({ ok: false, note: { 'zh-CN': expect.stringContaining('现行有效') as string } });
    expect(priorCellOf(t21, t19, 'gov-2021.apply', 'r3_6_2', 'natural')).toMatchObject({ ok: false });
    expect(priorCellOf(t21, t19, 'gov-2021.review', 'count', 'rv_pending')).toMatchObject({ ok: true });
  });

  it('gov-2008 → gov-2019: sections by id, with the old heading named where it differs', () => {
    const [t19, t08] = [template('gov-2019'), template('gov-2008')];
    expect(priorSectionOf(t19, t08, 'overview')).toMatchObject({ ok: true, prior: 'overview', note: { 'zh-CN': expect.stringContaining('一、概述') as string } });
    expect(priorSectionOf(t19, t19, 'problems')).toEqual({ ok: true, prior: 'problems' });
    expect(priorSectionOf(template('gov-2008'), t19, 'fees')).toMatchObject({ ok: false });
  });
});

describe('the real reports: 洪泽区人民政府 2023 → 2024', () => {
  function imported(name: string): Report {
    const path = `${SHARED_DIR}/reference-reports/published/${name}`;
    const result = recognizeReport(sourceFromText(readFileSync(path, 'utf8'), name), templates, { now: NOW });
    if (!result.ok) throw new Error(result.message.en);
    return result.report;
  }

  it('the 2024 report reuses part of 2023 (measured in the report), under the warning thresholds', () => {
    const [r23, r24] = [imported('hongze-gov-2023.txt'), imported('hongze-gov-2024.txt')];
    const findings = checkReport(template('gov-2021'), link(r24, r23));
    expect(ids(findings, 'N-17')).toEqual([]);
    expect(ids(findings, 'N-18')).toEqual([]);
    // The same 2024 text as a word-for-word copy of 2023: every narrative paragraph is found.
    const copy = link(r23, r23);
    copy.meta.year = 2024;
    expect(ids(checkReport(template('gov-2021'), copy), 'N-17').length).toBeGreaterThan(3);
  });
});
