import { localize, type Locale } from '../../src-core/index.js';
import type { ReviewedReport, ReviewSummary } from './reviewSummary.js';

/** Words of the review documents (HTML page and workbook), in both languages. */
export const REVIEW_TEXT = {
  title: { 'zh-CN': '政府信息公开工作年度报告审查意见', en: 'Review of annual reports on government information disclosure' },
  reviewedOn: { 'zh-CN': '审查日期：{date}', en: 'Reviewed on {date}' },
  overview: {
    'zh-CN': '共审查报告 {reports} 份，其中 {withErrors} 份有错误、{withWarnings} 份仅有警告；{unreadable} 个文件无法读取。',
    en: '{reports} report(s) reviewed: {withErrors} with errors, {withWarnings} with warnings only; {unreadable} file(s) could not be read.',
  },
  summary: { 'zh-CN': '一、审查汇总', en: '1. Summary' },
  unreadableHeading: { 'zh-CN': '二、无法读取的文件', en: '2. Files that could not be read' },
  unreadableList: { 'zh-CN': '无法读取的文件（{n}）：', en: 'Files that could not be read ({n}):' },
  number: { 'zh-CN': '序号', en: 'No.' },
  file: { 'zh-CN': '文件', en: 'File' },
  org: { 'zh-CN': '机关', en: 'Body' },
  year: { 'zh-CN': '年度', en: 'Year' },
  format: { 'zh-CN': '格式', en: 'Format' },
  template: { 'zh-CN': '报告格式', en: 'Report format' },
  signature: { 'zh-CN': '成文日期（期限）', en: 'Signed (deadline)' },
  errors: { 'zh-CN': '错误', en: 'Errors' },
  warnings: { 'zh-CN': '警告', en: 'Warnings' },
  mainFindings: { 'zh-CN': '主要问题', en: 'Main findings' },
  reason: { 'zh-CN': '原因', en: 'Reason' },
  rule: { 'zh-CN': '规则', en: 'Rule' },
  severity: { 'zh-CN': '类别', en: 'Severity' },
  place: { 'zh-CN': '位置', en: 'Place' },
  finding: { 'zh-CN': '问题', en: 'Finding' },
  expected: { 'zh-CN': '应为', en: 'Expected' },
  actual: { 'zh-CN': '实为', en: 'Actual' },
  error: { 'zh-CN': '错误', en: 'error' },
  warning: { 'zh-CN': '警告', en: 'warning' },
  noFindings: { 'zh-CN': '未发现问题。', en: 'No findings.' },
  notSigned: { 'zh-CN': '未写明', en: 'not stated' },
  reportHeading: { 'zh-CN': '{org}{year}年度报告', en: '{org}, report for {year}' },
  findingsCount: { 'zh-CN': '错误 {errors} 个，警告 {warnings} 个', en: '{errors} error(s), {warnings} warning(s)' },
  cancelled: { 'zh-CN': '审查在完成前被取消，以下结果不完整。', en: 'The review was cancelled before it finished; the results below are incomplete.' },
  overdue: { 'zh-CN': '超期', en: 'late' },
} as const;

export type ReviewTextKey = keyof typeof REVIEW_TEXT;

export function reviewText(key: ReviewTextKey, locale: Locale, values: Record<string, string | number> = {}): string {
  return localize(REVIEW_TEXT[key], locale, values);
}

/** The date of the review as an office writes it (2026年1月20日), in local time. */
export function reviewDate(iso: string, locale: Locale): string {
  const d = new Date(iso);
  const [y, m, day] = [d.getFullYear(), d.getMonth() + 1, d.getDate()];
  return locale === 'en' ? `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}` : `${y}年${m}月${day}日`;
}

/** 成文日期 with its deadline, as one cell: "2024-03-18（期限 2024-03-31）". */
export function signatureCell(report: ReviewedReport, locale: Locale): string {
  const date = report.signature.date ?? reviewText('notSigned', locale);
  const late = report.signature.problem ? ` ${reviewText('overdue', locale)}` : '';
  if (!report.signature.deadline) return `${date}${late}`;
  return locale === 'en' ? `${date} (by ${report.signature.deadline})${late}` : `${date}（期限 ${report.signature.deadline}）${late}`;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const cellValue = (value: number | string | null) => (value === null ? '—' : escapeHtml(String(value)));

/** A4, official look: serif body, sans tables, each report on its own page when printed; no scripts, nothing fetched. */
const STYLE = `
@page { size: A4; margin: 20mm 18mm 20mm 18mm; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 210mm; padding: 12mm 14mm; color: #111; background: #fff;
  font: 15px/1.6 "FangSong", "FangSong_GB2312", "仿宋", "STFangsong", "Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", serif; }
h1 { font: 26px/1.4 "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "Noto Serif CJK SC", serif; text-align: center; margin: 0 0 6px; letter-spacing: 1px; }
h2 { font: bold 18px/1.5 "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; margin: 22px 0 8px; }
.date { text-align: center; margin: 0 0 16px; }
table { width: 100%; border-collapse: collapse; font: 13px/1.45 "SimSun", "宋体", "Noto Sans CJK SC", sans-serif; margin: 6px 0 12px; }
th, td { border: 1px solid #444; padding: 3px 5px; vertical-align: top; text-align: left; }
th { background: #eee; font-weight: bold; }
td.num { text-align: right; white-space: nowrap; }
tr.has-errors td.errors { color: #a00; font-weight: bold; }
td.top { font-size: 12px; }
td.top div + div { margin-top: 2px; }
td.severity-error { color: #a00; font-weight: bold; }
td.severity-warning { color: #8a5a00; }
th.short, td.short { white-space: nowrap; }
blockquote { margin: 4px 0 0; padding: 2px 6px; border-left: 3px solid #999; background: #f6f6f6; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 4px 0 10px; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
.notice { color: #8a5a00; }
a { color: inherit; }
section.report { break-before: page; page-break-before: always; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
@media print { body { padding: 0; max-width: none; } a { text-decoration: none; } }
`;

/** Columns of a word or a number, kept on one line. */
const SHORT = new Set<ReviewTextKey>(['number', 'year', 'format', 'errors', 'warnings', 'rule', 'severity', 'expected', 'actual']);

function summaryTable(summary: ReviewSummary, locale: Locale): string {
  const t = (key: ReviewTextKey) => escapeHtml(reviewText(key, locale));
  const head = ['number', 'file', 'org', 'year', 'format', 'signature', 'errors', 'warnings', 'mainFindings'] as const;
  const rows = summary.reports.map((r, i) => {
    const top = r.topFindings.map((f) => `<div>${escapeHtml(f)}</div>`).join('');
    return (
      `<tr class="${r.errors > 0 ? 'has-errors' : 'clean'}" data-file="${escapeHtml(r.fileName)}">` +
      `<td class="num">${i + 1}</td><td><a href="#report-${i + 1}">${escapeHtml(r.fileName)}</a></td><td class="org">${escapeHtml(r.orgName)}</td>` +
      `<td class="num">${r.year}</td><td>${escapeHtml(r.format)}</td><td>${escapeHtml(signatureCell(r, locale))}</td>` +
      `<td class="num errors">${r.errors}</td><td class="num warnings">${r.warnings}</td><td class="top">${top || escapeHtml(reviewText('noFindings', locale))}</td></tr>`
    );
  });
  return `<table class="summary"><thead><tr>${head.map((k) => `<th${SHORT.has(k) ? ' class="short"' : ''}>${t(k)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function reportPage(report: ReviewedReport, index: number, locale: Locale): string {
  const t = (key: ReviewTextKey, values?: Record<string, string | number>) => escapeHtml(reviewText(key, locale, values));
  const facts = [
    ['file', report.file],
    ['template', report.templateName],
    ['signature', signatureCell(report, locale)],
  ] as const;
  const findings = report.findings.map(
    (f, i) =>
      `<tr class="finding severity-${f.severity}"><td class="num">${i + 1}</td><td class="short">${escapeHtml(f.ruleId)}</td><td class="short severity-${f.severity}">${t(f.severity)}</td>` +
      `<td>${escapeHtml(f.place)}</td><td>${escapeHtml(f.message)}${f.quote ? `<blockquote>${escapeHtml(f.quote)}</blockquote>` : ''}</td>` +
      `<td class="num">${cellValue(f.expected)}</td><td class="num">${cellValue(f.actual)}</td></tr>`,
  );
  const head = ['number', 'rule', 'severity', 'place', 'finding', 'expected', 'actual'] as const;
  return (
    `<section class="report" id="report-${index + 1}" data-file="${escapeHtml(report.fileName)}">` +
    `<h2>${index + 1}. ${t('reportHeading', { org: report.orgName, year: report.year })}</h2>` +
    `<dl class="facts">${facts.map(([k, v]) => `<dt>${t(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}` +
    `<dt>${t('finding')}</dt><dd class="counts">${t('findingsCount', { errors: report.errors, warnings: report.warnings })}</dd></dl>` +
    (findings.length === 0
      ? `<p>${t('noFindings')}</p>`
      : `<table class="findings"><thead><tr>${head.map((k) => `<th${SHORT.has(k) ? ' class="short"' : ''}>${t(k)}</th>`).join('')}</tr></thead><tbody>${findings.join('')}</tbody></table>`) +
    `</section>`
  );
}

/**
 * The review as one self-contained page a 政务公开办 can forward or print: title and date, the
 * summary table (one row per report), the files that could not be read, then a page per report
 * with every finding. UTF-8, inline CSS only; its Content-Security-Policy forbids any request.
 */
export function renderReviewHtml(summary: ReviewSummary): string {
  const { locale } = summary;
  const t = (key: ReviewTextKey, values?: Record<string, string | number>) => escapeHtml(reviewText(key, locale, values));
  const withErrors = summary.reports.filter((r) => r.errors > 0).length;
  const withWarnings = summary.reports.filter((r) => r.errors === 0 && r.warnings > 0).length;
  const unreadable =
    summary.unreadable.length === 0
      ? ''
      : `<h2>${t('unreadableHeading')}</h2><table class="unreadable"><thead><tr><th>${t('number')}</th><th>${t('file')}</th><th>${t('reason')}</th></tr></thead><tbody>` +
        summary.unreadable.map((u, i) => `<tr><td class="num">${i + 1}</td><td>${escapeHtml(u.fileName)}</td><td>${escapeHtml(u.message)}</td></tr>`).join('') +
        `</tbody></table>`;
  const notices = [...(summary.cancelled ? [reviewText('cancelled', locale)] : []), ...summary.notices];
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="公开年报工作台">`,
    `<title>${t('title')}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${t('title')}</h1>`,
    `<p class="date">${t('reviewedOn', { date: reviewDate(summary.reviewedAt, locale) })}</p>`,
    `<p class="overview">${t('overview', { reports: summary.reports.length, withErrors, withWarnings, unreadable: summary.unreadable.length })}</p>`,
    notices.length > 0 ? `<p class="notice">${notices.map(escapeHtml).join('<br>')}</p>` : '',
    `<h2>${t('summary')}</h2>`,
    summaryTable(summary, locale),
    unreadable,
    ...summary.reports.map((r, i) => reportPage(r, i, locale)),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
