import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REVIEW_FILE_LIMIT } from '../../src-main/review/reviewInputs.js';
import { reviewReports, type ReviewProgress } from '../../src-main/review/reviewReports.js';
import { reviewExitCode, type ReviewSummary } from '../../src-main/review/reviewSummary.js';
import { SAMPLE_FILES, templates } from '../helpers.js';
import { JUNK, mixedReviewFolder, REPORTS_IN_FOLDER } from './reviewFolder.js';

let dir: string;
let summary: ReviewSummary;
const progress: ReviewProgress[] = [];

const byFile = (name: string) => {
  const report = summary.reports.find((r) => r.fileName === name);
  if (!report) throw new Error(`${name} was not reviewed: ${JSON.stringify(summary.unreadable)}`);
  return report;
};

beforeAll(async () => {
  dir = await mixedReviewFolder();
  const started = performance.now();
  summary = await reviewReports([dir], { templates, locale: 'zh-CN', soffice: null, onProgress: (p) => progress.push(p) });
  console.log(`review of ${REPORTS_IN_FOLDER + JUNK.length} files: ${Math.round(performance.now() - started)} ms`);
}, 120_000);

describe('reviewing a folder of published reports', () => {
  it('reviews the reports, lists the junk with its reason, and skips hidden files and subfolders', () => {
    expect(summary.reports.map((r) => r.fileName).sort()).toEqual(
      [
        'gov-2008-qinghe-transport-2015.drs',
        'gov-2019-chengguan-justice-2020.drs',
        'gov-2021-qingchuan-psb-2025.drs',
        'hongze-gov-2023.pdf',
        'hongze-gov-2023.txt',
        'hongze-gov-2024.pdf',
        'qingchuan-export.docx',
        'qingchuan-export.pdf',
      ].sort(),
    );
    expect(summary.unreadable.map((u) => u.fileName).sort()).toEqual(JUNK);
    for (const u of summary.unreadable) expect(u.message, u.fileName).toContain(u.fileName);
    expect(summary.unreadable.find((u) => u.fileName === 'note.txt')?.message).toMatch(/不是政府信息公开工作年度报告/);
    expect(summary.unreadable.find((u) => u.fileName === 'empty.txt')?.message).toMatch(/空文件/);
    expect(summary.notices.join('\n')).toMatch(/1 个子文件夹未审查/);
    expect(reviewExitCode(summary)).toBe(2);
  });

  it('reports 洪泽 2023’s 表四 totals (R-01, R-03) as errors, from the PDF and the text alike', () => {
    for (const name of ['hongze-gov-2023.pdf', 'hongze-gov-2023.txt']) {
      const r = byFile(name);
      expect(r.orgName).toBe('淮安市洪泽区人民政府');
      expect(r.year).toBe(2023);
      const errors = r.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId);
      expect(errors).toContain('R-01');
      expect(errors).toContain('R-03');
      expect(r.errors).toBe(errors.length);
      const r01 = r.findings.find((f) => f.ruleId === 'R-01')!;
      expect(r01.place).toContain('行政复议');
      expect([r01.expected, r01.actual]).toEqual([11, 0]);
    }
  });

  it('reports 洪泽 2024’s N-02 warning with the sentence it is about', () => {
    const r = byFile('hongze-gov-2024.pdf');
    const n02 = r.findings.find((f) => f.ruleId === 'N-02');
    expect(n02?.severity).toBe('warning');
    expect(n02?.quote).toContain('区政府办代表区政府受理政府信息公开申请17件');
    expect([n02?.expected, n02?.actual]).toEqual([95, 17]);
    expect(n02?.place).toBe('一、总体情况');
  });

  it('reads the samples and our own exports of them as clean reports, with the signature date against its deadline', () => {
    for (const name of ['gov-2008-qinghe-transport-2015.drs', 'gov-2019-chengguan-justice-2020.drs', 'gov-2021-qingchuan-psb-2025.drs']) {
      expect(byFile(name).errors, name).toBe(0);
      expect(byFile(name).format).toBe('drs');
    }
    const psb = byFile('gov-2021-qingchuan-psb-2025.drs');
    expect(psb.signature).toEqual({ date: '2026-01-20', deadline: '2026-01-31', problem: null });
    for (const name of ['qingchuan-export.docx', 'qingchuan-export.pdf']) {
      const r = byFile(name);
      expect([r.orgName, r.year, r.templateId]).toEqual(['青川县公安局', 2025, 'gov-2021']);
      // Title, tables and text come back whole: our own exports of a clean report review clean.
      expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.place}`)).toEqual([]);
    }
    // The summary row quotes errors before warnings.
    const hongze = byFile('hongze-gov-2023.pdf');
    expect(hongze.topFindings.length).toBe(3);
    expect(hongze.topFindings[0]).toMatch(/^\[(R|N|P)-\d+\]/);
  });

  it('reports progress before each file, and never changes a file it reads', () => {
    const total = REPORTS_IN_FOLDER + JUNK.length;
    expect(progress.map((p) => p.done)).toEqual([...Array(total).keys()]);
    expect(progress.every((p) => p.total === total)).toBe(true);
    expect(readFileSync(join(dir, 'gov-2021-qingchuan-psb-2025.drs'), 'utf8')).toBe(readFileSync(SAMPLE_FILES['gov-2021']!, 'utf8'));
  });

  it('stops between files when cancelled, and says how many were left', async () => {
    const controller = new AbortController();
    const cancelled = await reviewReports([dir], {
      templates,
      locale: 'en',
      soffice: null,
      signal: controller.signal,
      onProgress: (p) => p.done === 1 && controller.abort(),
    });
    const total = REPORTS_IN_FOLDER + JUNK.length;
    expect(cancelled.cancelled).toBe(true);
    expect(cancelled.reports.length + cancelled.unreadable.length).toBe(2);
    expect(cancelled.notReviewed).toBe(total - 2);
    expect(cancelled.notices.join('\n')).toContain(`cancelled after 2 file(s); ${total - 2} file(s) were not reviewed`);
    expect(reviewExitCode(cancelled)).toBe(2);
  });

  it('reads at most the limit, and says how many files were left out', async () => {
    expect(REVIEW_FILE_LIMIT).toBe(500);
    const limited = await reviewReports([dir], { templates, locale: 'zh-CN', soffice: null, limit: 3 });
    expect(limited.reports.length + limited.unreadable.length).toBe(3);
    expect(limited.notReviewed).toBe(REPORTS_IN_FOLDER + JUNK.length - 3);
    expect(limited.notices.join('\n')).toMatch(/一次最多审查 3 个文件，另有 9 个文件未审查/);
  });

  it('names a late signature, a missing input and the same file given twice once', async () => {
    const late = JSON.parse(readFileSync(SAMPLE_FILES['gov-2021']!, 'utf8'));
    late.meta.signatureDate = '2026-03-02';
    const lateFile = join(dir, 'late.json.drs');
    writeFileSync(lateFile, JSON.stringify(late));
    const result = await reviewReports([lateFile, lateFile, join(dir, 'nosuch')], { templates, locale: 'zh-CN', soffice: null });
    expect(result.reports).toHaveLength(1);
    expect(result.reports[0]!.signature.problem).toMatch(/晚于法定公布期限 2026年1月31日/);
    expect(result.unreadable).toEqual([expect.objectContaining({ fileName: 'nosuch', message: expect.stringMatching(/ENOENT/) })]);
    expect(statSync(lateFile).isFile()).toBe(true);
  });

  it('reviews the clean samples alone with exit 0, and one report with errors with exit 1', async () => {
    const clean = await reviewReports(Object.values(SAMPLE_FILES), { templates, locale: 'zh-CN' });
    expect(reviewExitCode(clean)).toBe(0);
    const withErrors = await reviewReports([join(dir, 'hongze-gov-2023.txt')], { templates, locale: 'zh-CN' });
    expect(reviewExitCode(withErrors)).toBe(1);
  });
});
