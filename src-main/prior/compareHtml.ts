import { comparedCellName, type CellComparison, type Finding, type Locale, type Report, type Template } from '../../src-core/index.js';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE =
  'body{font-family:"Noto Serif CJK SC","Songti SC",serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}' +
  'table{border-collapse:collapse;width:100%;margin:0 0 1.5em}th,td{border:1px solid #999;padding:.25em .5em}td.n{text-align:right}' +
  'td.up{color:#a40000}td.down{color:#005a9c}tr.same td{color:#777}td.note{color:#777;font-size:.9em}caption{text-align:left;font-weight:bold;margin:.5em 0}' +
  'blockquote{border-left:3px solid #c80;margin:.5em 0;padding:.25em .75em;background:#fff8e6}';

/** `drs compare --html`: this year beside last year, every cell, then the paragraphs that repeat last year's. */
export function comparisonHtml(template: Template, report: Report, comparisons: readonly CellComparison[], repeated: readonly Finding[], locale: Locale): string {
  const en = locale === 'en';
  const prior = report.priorYear;
  const title = en ? `${report.meta.orgName}: ${report.meta.year} compared with ${prior?.year ?? ''}` : `${report.meta.orgName}${report.meta.year}年与${prior?.year ?? ''}年对照`;
  const head = en ? ['Cell', String(prior?.year ?? ''), String(report.meta.year), 'Change'] : ['单元格', `${prior?.year ?? ''}年`, `${report.meta.year}年`, '增减'];
  const parts: string[] = [`<!DOCTYPE html><html lang="${en ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>`, `<h1>${escapeHtml(title)}</h1>`];
  for (const model of template.tableModels.values()) {
    const rows = comparisons.filter((c) => c.tableId === model.def.id);
    if (rows.length === 0) continue;
    parts.push(`<table><caption>${escapeHtml(model.def.title)}</caption><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`);
    for (const c of rows) {
      const value = (v: unknown) => escapeHtml(v === null || v === undefined ? '' : String(v));
      const trend = c.change === undefined ? '' : c.change.startsWith('+') ? ' up' : c.change.startsWith('-') ? ' down' : '';
      const last = c.note ? `<td class="note">${escapeHtml(c.note[locale])}</td>` : `<td class="n">${value(c.prior)}</td>`;
      parts.push(`<tr${c.change === '0' ? ' class="same"' : ''}><td>${escapeHtml(comparedCellName(template, c, locale))}</td>${last}<td class="n">${value(c.current)}</td><td class="n${trend}">${value(c.change)}</td></tr>`);
    }
    parts.push('</table>');
  }
  parts.push(`<h2>${en ? "Paragraphs repeating last year's text" : '与上年报告雷同的段落'}（${repeated.length}）</h2>`);
  for (const f of repeated) parts.push(`<blockquote>[${escapeHtml(f.ruleId)}] ${escapeHtml(f.message)}</blockquote>`);
  parts.push('</body></html>\n');
  return parts.join('\n');
}
