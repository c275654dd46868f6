import type { Locale, Template } from '../../src-core/index.js';
import { reviewText, signatureCell } from '../review/reviewHtml.js';
import { reviewReports } from '../review/reviewReports.js';
import { reviewExitCode, type ReviewSummary } from '../review/reviewSummary.js';
import { writeReviewOutput } from '../review/writeReviewOutput.js';

export interface ReviewCommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface ReviewCommandOptions {
  html?: string;
  xlsx?: string;
  json: boolean;
  locale: Locale;
}

/** Columns a terminal gives a character: CJK and full-width forms take two. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const width = (text: string) => [...text].reduce((n, ch) => n + (WIDE.test(ch) ? 2 : 1), 0);
const pad = (text: string, to: number) => text + ' '.repeat(Math.max(0, to - width(text)));

/** The summary as aligned columns, each report's main findings under its row. */
function summaryLines(summary: ReviewSummary): string[] {
  const { locale } = summary;
  const t = (key: Parameters<typeof reviewText>[0], values?: Record<string, string | number>) => reviewText(key, locale, values);
  const header = [t('number'), t('file'), t('org'), t('year'), t('format'), t('signature'), t('errors'), t('warnings')];
  const rows = summary.reports.map((r, i) => [String(i + 1), r.fileName, r.orgName, String(r.year), r.format, signatureCell(r, locale), String(r.errors), String(r.warnings)]);
  const widths = header.map((h, c) => Math.max(width(h), ...rows.map((row) => width(row[c]!))));
  const line = (cells: string[]) => cells.map((cell, c) => pad(cell, widths[c]!)).join('  ').trimEnd();
  const lines = [line(header)];
  summary.reports.forEach((r, i) => {
    lines.push(line(rows[i]!));
    for (const f of r.topFindings) lines.push(`      ${f}`);
  });
  return lines;
}

/**
 * `drs review FILES_OR_FOLDERS… [--html OUT.html] [--xlsx OUT.xlsx] [--json]`: reviews published
 * reports and prints one summary. Exit 0 when every file was read and no report has errors, 1 when
 * a report has errors, 2 when a file could not be read (or an output could not be written).
 */
export async function reviewCommand(inputs: readonly string[], options: ReviewCommandOptions, templates: ReadonlyMap<string, Template>, io: ReviewCommandIo): Promise<number> {
  const { locale } = options;
  const summary = await reviewReports(inputs, { templates, locale });
  let exit: number = reviewExitCode(summary);
  if (options.json) io.out(JSON.stringify(summary, null, 1));
  else printSummary(summary, io);
  for (const [format, path] of [['html', options.html], ['xlsx', options.xlsx]] as const) {
    if (!path) continue;
    const result = await writeReviewOutput(summary, format, path);
    if (result.ok) {
      if (!options.json) io.out(locale === 'en' ? `Written: ${path}` : `已写出：${path}`);
    } else {
      io.err(`drs: ${result.message[locale]}`);
      exit = 2;
    }
  }
  return exit;
}

function printSummary(summary: ReviewSummary, io: ReviewCommandIo): void {
  const { locale } = summary;
  const withErrors = summary.reports.filter((r) => r.errors > 0).length;
  const withWarnings = summary.reports.filter((r) => r.errors === 0 && r.warnings > 0).length;
  if (summary.reports.length > 0) for (const l of summaryLines(summary)) io.out(l);
  if (summary.unreadable.length > 0) {
    io.out(reviewText('unreadableList', locale, { n: summary.unreadable.length }));
    for (const u of summary.unreadable) io.out(`  ${u.fileName}${locale === 'en' ? ': ' : '：'}${u.message}`);
  }
  for (const notice of summary.notices) io.out(notice);
  io.out(reviewText('overview', locale, { reports: summary.reports.length, withErrors, withWarnings, unreadable: summary.unreadable.length }));
}
