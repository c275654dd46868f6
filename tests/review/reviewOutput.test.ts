import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewReports } from '../../src-main/review/reviewReports.js';
import type { ReviewSummary } from '../../src-main/review/reviewSummary.js';
import { loadExcelJs, XLSX_MISSING } from '../../src-main/review/reviewXlsx.js';
import { writeReviewOutput } from '../../src-main/review/writeReviewOutput.js';
import { ARTIFACTS } from '../export/exportHelpers.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../harness/rendererHarness.js';
import { templates } from '../helpers.js';
import { mixedReviewFolder } from './reviewFolder.js';

const excel = await loadExcelJs();
let summary: ReviewSummary;
let out: string;
let browser: Browser;

beforeAll(async () => {
  summary = await reviewReports([await mixedReviewFolder()], { templates, locale: 'zh-CN', soffice: null, now: new Date('2026-02-10T09:00:00+08:00') });
  out = mkdtempSync(join(tmpdir(), 'drs-review-out-'));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}, 120_000);
afterAll(() => browser?.close());

describe('the review as an HTML page', () => {
  it('loads in Chromium without a single request, every report’s body and counts readable, and prints on A4 pages', async () => {
    const file = join(out, 'review.html');
    expect(await writeReviewOutput(summary, 'html', file)).toEqual({ ok: true });
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);

    const page = await browser.newPage({ viewport: { width: 900, height: 1300 } });
    const url = pathToFileURL(file).href;
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url);
    expect(requests).toEqual([url]);

    expect(await page.locator('h1').textContent()).toBe('政府信息公开工作年度报告审查意见');
    expect(await page.locator('.date').textContent()).toBe('审查日期：2026年2月10日');
    const rows = page.locator('table.summary tbody tr');
    expect(await rows.count()).toBe(summary.reports.length);
    expect(await page.locator('table.unreadable tbody tr').count()).toBe(summary.unreadable.length);
    for (const [i, r] of summary.reports.entries()) {
      const row = rows.nth(i);
      expect(await row.locator('td.errors').textContent()).toBe(String(r.errors));
      expect(await row.locator('td.warnings').textContent()).toBe(String(r.warnings));
      const section = page.locator(`section#report-${i + 1}`);
      expect(await section.locator('h2').textContent()).toContain(`${r.orgName}${r.year}年度报告`);
      expect(await section.locator('.counts').textContent()).toBe(`错误 ${r.errors} 个，警告 ${r.warnings} 个`);
      expect(await section.locator('tr.finding').count()).toBe(r.findings.length);
    }
    const hongze2024 = page.locator('section[data-file="hongze-gov-2024.pdf"]');
    expect(await hongze2024.locator('blockquote').first().textContent()).toContain('区政府办代表区政府受理政府信息公开申请17件');
    const hongze2023 = page.locator('section[data-file="hongze-gov-2023.pdf"] tr.finding.severity-error');
    expect(await hongze2023.allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^\d+R-01错误/), expect.stringMatching(/^\d+R-03错误/)]));
    await page.screenshot({ path: join(ARTIFACTS, 'review-html-summary.png') });
    await page.locator('section[data-file="hongze-gov-2024.pdf"]').screenshot({ path: join(ARTIFACTS, 'review-html-report.png') });

    // Printed: the summary, then each report on pages of its own.
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
    expect(doc.numPages).toBeGreaterThanOrEqual(summary.reports.length + 1);
    const first = await doc.getPage(1);
    const [w, h] = [first.view[2]!, first.view[3]!];
    expect([Math.round(w), Math.round(h)]).toEqual([595, 842]);
    await page.close();
  }, 60_000);

  it('is written in English with --lang en', async () => {
    const en = await reviewReports([join(out, 'nosuch.docx')], { templates, locale: 'en' });
    const file = join(out, 'en.html');
    await writeReviewOutput(en, 'html', file);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Files that could not be read');
    expect(html).toContain('nosuch.docx');
  });

  it('says why it cannot write into a folder that is not there', async () => {
    const result = await writeReviewOutput(summary, 'html', join(out, 'nosuch', 'review.html'));
    expect(result).toMatchObject({ ok: false, message: { 'zh-CN': expect.stringMatching(/无法写入“review.html”（ENOENT）/) } });
  });
});

describe('the review as an Excel workbook', () => {
  // exceljs is loaded on demand; until the package is installed this test has nothing to open.
  it.skipIf(!excel)('has a summary row per report, a row per finding and the unreadable files', async () => {
    const file = join(out, 'review.xlsx');
    expect(await writeReviewOutput(summary, 'xlsx', file)).toEqual({ ok: true });
    type Sheet = { name: string; rowCount: number; getRow(n: number): { values: unknown[] } };
    const workbook = new excel!.Workbook() as unknown as { xlsx: { readFile(path: string): Promise<void> }; worksheets: Sheet[] };
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '问题清单', '无法读取']);
    const [overview, findings, unreadable] = workbook.worksheets as [Sheet, Sheet, Sheet];
    expect(overview.rowCount).toBe(summary.reports.length + 1);
    expect(findings.rowCount).toBe(summary.reports.reduce((n, r) => n + r.findings.length, 0) + 1);
    expect(unreadable.rowCount).toBe(summary.unreadable.length + 1);
    const header = overview.getRow(1).values;
    expect(header).toEqual(expect.arrayContaining(['机关', '年度', '错误', '警告']));
    const hongze = summary.reports.findIndex((r) => r.fileName === 'hongze-gov-2023.pdf');
    expect(overview.getRow(hongze + 2).values).toEqual(expect.arrayContaining(['淮安市洪泽区人民政府', 2023, summary.reports[hongze]!.errors]));
  });

  it.skipIf(excel !== null)('without exceljs, says so and writes nothing', async () => {
    const file = join(out, 'review.xlsx');
    expect(await writeReviewOutput(summary, 'xlsx', file)).toEqual({ ok: false, message: XLSX_MISSING });
    expect(existsSync(file)).toBe(false);
  });
});
