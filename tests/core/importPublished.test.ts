import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport, lexicalToPlainText, recognizeReport, sourceFromText, type ImportResult } from '../../src-core/index.js';
import { HONGZE, reviewRow } from '../fixtures/hongzeTables.js';
import { unaccounted } from '../fixtures/importAccounting.js';
import { ROOT, template, templates } from '../helpers.js';

/** Copies of /work/shared/reference-reports: the 洪泽 PDFs' `pdftotext -layout` text and seeds 002, 004. */
const FIXTURES = `${ROOT}tests/fixtures/import-text`;
const NOW = new Date('2025-02-01T00:00:00Z');

function importFile(path: string): Extract<ImportResult, { ok: true }> {
  const text = readFileSync(path, 'utf8');
  const result = recognizeReport(sourceFromText(text, path.split('/').at(-1)!), templates, { now: NOW });
  if (!result.ok) throw new Error(result.message.en);
  return result;
}

describe.each([2023, 2024] as const)('洪泽区 %i report (pdftotext -layout)', (year) => {
  const path = `${FIXTURES}/hongze-gov-${year}.txt`;
  const result = importFile(path);
  const { report, importReport } = result;
  const expected = HONGZE[year];

  it('is read as gov-2021, with year and body from the title', () => {
    expect(importReport.templateId).toBe('gov-2021');
    expect(importReport.year).toBe(year);
    expect(importReport.orgName).toBe('淮安市洪泽区人民政府');
    expect(report.meta).toMatchObject({ year, orgName: '淮安市洪泽区人民政府', unitType: 'people_government' });
  });

  it('finds the six sections under their mandated headings, with the text in the right one', () => {
    expect(importReport.sections.filter((s) => s.sourceHeading !== null).map((s) => s.sectionId)).toEqual(['overview', 'active', 'apply', 'review', 'problems', 'other']);
    expect(lexicalToPlainText(report.sections.preamble)).toMatch(new RegExp(`^本报告由淮安市洪泽区人民政府办公室.*自${year}年1月1日起至${year}年12月31日止.*）。$`, 's'));
    expect(lexicalToPlainText(report.sections.overview)).toContain('（五）政府信息公开监督保障情况。');
    expect(lexicalToPlainText(report.sections.problems)).toContain('跟班学习制度');
    expect(lexicalToPlainText(report.sections.other)).toBe(`${year}年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费0元。`);
    for (const tableSection of ['active', 'apply', 'review']) expect(lexicalToPlainText(report.sections[tableSection])).toBe('');
  });

  it('puts every printed number of 表二, 表三 and 表四 in its cell', () => {
    expect(report.tables['gov-2021.active']).toEqual(expected.active);
    expect(report.tables['gov-2021.apply']).toEqual(expected.apply);
    expect(report.tables['gov-2021.review']).toEqual(reviewRow(expected.review));
    expect(importReport.unplaced).toEqual([]);
  });

  it('maps the one-row （六）其他处理 (2019 layout) to 3.其他, leaves 1. and 2. blank and says so', () => {
    expect(importReport.missingCells.map((m) => m.rowId)).toEqual([...Array(7).fill('r3_6_1'), ...Array(7).fill('r3_6_2')]);
    expect(importReport.assumptions.map((a) => a['zh-CN']).join('\n')).toMatch(/（六）其他处理.*印成一行.*3\.其他/);
    expect(importReport.cells.find((c) => c.rowId === 'r3_3_2' && c.colId === 'natural')?.sourceText).toBe('0');
    expect(importReport.assumptions.map((a) => a['zh-CN'])).toContain('原表行名“2.其他法律行政止公开”按格式的“2.其他法律行政法规禁止公开”读取');
  });

  it('loses no character: all of it is in a section, a cell, unplaced or removed', () => {
    expect(unaccounted(readFileSync(path, 'utf8'), result)).toEqual([]);
    expect(importReport.removed.filter((r) => r.reason['zh-CN'] === '页码').map((r) => r.text)).toEqual(['-1-', '-2-', '-3-', '-4-', '-5-']);
  });
});

describe('checking the imported 洪泽 reports', () => {
  const errors = (year: number): string[] => checkReport(template('gov-2021'), importFile(`${FIXTURES}/hongze-gov-${year}.txt`).report).filter((f) => f.severity === 'error').map((f) => f.ruleId);

  it('2023: the printed review totals (0 against 10 + 1 and 5) fail R-01 and R-03; the import notes both', () => {
    expect(errors(2023)).toEqual(expect.arrayContaining(['R-01', 'R-03']));
    expect(errors(2023)).not.toContain('R-02');
    const notes = importFile(`${FIXTURES}/hongze-gov-2023.txt`).importReport.assumptions.map((a) => a['zh-CN']);
    expect(notes.filter((n) => n.includes('原表印 0'))).toHaveLength(2);
  });

  it('2024: its tables add up, so none of the table relations fail', () => {
    expect(errors(2024).filter((id) => /^[RP]-/.test(id))).toEqual([]);
  });
});

describe('seed 004: a web copy in traditional characters with pinyin junk', () => {
  const path = `${FIXTURES}/seed-004-ruian-2021.txt`;
  const result = importFile(path);
  const { report, importReport } = result;

  it('is gov-2021 although it cites 〔2019〕60号: structure and year decide, and the import says why', () => {
    expect(importReport.templateId).toBe('gov-2021');
    expect(importReport.year).toBe(2021);
    expect(importReport.orgName).toBe('瑞安市公安局');
    expect(importReport.assumptions.map((a) => a['zh-CN']).join('\n')).toContain('〔2019〕60号');
  });

  it('splits the collapsed page into the six sections, converted to simplified characters', () => {
    expect(importReport.sections.filter((s) => s.sourceHeading !== null).map((s) => s.sectionId)).toEqual(['overview', 'active', 'apply', 'review', 'problems', 'other']);
    expect(lexicalToPlainText(report.sections.overview)).toMatch(/^2021年，我局政府信息公开工作坚持以习近平新时代中国特色社会主义思想为指导/);
    expect(lexicalToPlainText(report.sections.overview)).toContain('（七）信息工作培训交流。');
    expect(lexicalToPlainText(report.sections.other)).toMatch(/^本年度本机关未收取政府信息公开处理费，无其他需要报告的事项。/);
    expect(Object.values(report.sections).map(lexicalToPlainText).join('')).not.toMatch(/[們這個現關區與為開](?![a-z])|xiàn|\|/);
    expect(importReport.assumptions.map((a) => a['zh-CN'])).toContain('原文含繁体字，已转换为简体');
  });

  it('lists the pinyin and the page chrome it removed', () => {
    const removed = importReport.removed.map((r) => r.text);
    expect(removed).toContain('（xiàn）');
    expect(removed.filter((t) => /^（[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+）$/.test(t)).length).toBeGreaterThan(100);
    expect(removed).toContain('您现在的位置： |首页|');
    expect(removed.filter((t) => /^\|[ |]*$/.test(t))).toHaveLength(6);
    expect(unaccounted(readFileSync(path, 'utf8'), result)).toEqual([]);
  });
});

describe('seed 002: a gov-2008 report with a merged outline', () => {
  const path = `${FIXTURES}/seed-002-ankang-2015.txt`;
  const result = importFile(path);
  const { report, importReport } = result;

  it('keeps its own outline and tags Art. 32 items 1–4 to the merged heading’s sub-headings', () => {
    expect(importReport.templateId).toBe('gov-2008');
    expect(importReport.year).toBe(2015);
    expect(importReport.orgName).toBe('安康市公安局');
    expect(report.outline?.headings?.active).toBe('二、主动和依申请公开政府信息、政府信息公开收费及因政府信息公开申请行政复议、提起行政诉讼的情况');
    expect(report.outline?.art32Tags).toEqual({
      1: { sectionId: 'active', subHeading: '（一）主动公开政府信息的情况' },
      2: { sectionId: 'active', subHeading: '（二）依申请公开政府信息的情况' },
      3: { sectionId: 'active', subHeading: '（三）政府信息公开收费的情况' },
      4: { sectionId: 'active', subHeading: '（四）因政府信息公开申请行政复议、提起行政诉讼的情况' },
    });
    expect(importReport.sections.map((s) => s.sectionId)).toEqual(['preamble', 'overview', 'active', 'problems']);
  });

  it('checks as the seed really is: only item 6 (其他需要报告的事项) is missing', () => {
    const findings = checkReport(template('gov-2008'), report).filter((f) => f.ruleId === 'O-05' || f.ruleId === 'C-01');
    expect(findings.map((f) => `${f.ruleId} ${'sectionId' in f.location ? f.location.sectionId : ''}`)).toEqual(['O-05 other', 'C-01 other']);
  });

  it('removes the page chrome and loses nothing', () => {
    expect(importReport.removed.map((r) => r.text)).toEqual(expect.arrayContaining(['索引号719776475-GK-2016-91826发布日期2016-03-09 11:09', '来源安康市公安局', '【字体：分享：', '扫一扫在手机打开当前页', '下午好！我是安安', '点击我为您语音播报', '切换']));
    expect(unaccounted(readFileSync(path, 'utf8'), result)).toEqual([]);
  });
});
