import type { Localized } from '../i18n/locale.js';
import type { Template } from '../template/loadTemplate.js';
import { fitsYear } from '../template/templateChoice.js';
import { labelKey } from './normalizeText.js';
import { headingText, matchHeading } from './sectionHeadings.js';
import type { TextUnit } from './sourceUnits.js';

export interface FormatChoice {
  template: Template;
  reasons: Localized[];
}

/** Table labels only one format prints (2021 本年制发件数, 2019 本年新制作数量 …), compared as keys. */
function distinctiveLabels(template: Template, others: readonly Template[]): string[] {
  const labelsOf = (t: Template): string[] =>
    t.tables.flatMap((table) => table.blocks.flatMap((b) => [...b.columns.map((c) => c.label), ...b.rows.map((r) => r.label ?? '')])).map(labelKey).filter((k) => [...k].length >= 4);
  const elsewhere = others.flatMap(labelsOf);
  return [...new Set(labelsOf(template))].filter((k) => !elsewhere.some((o) => o.includes(k) || k.includes(o)));
}

function headingsMatched(template: Template, units: readonly TextUnit[]): number {
  const found = new Set<number>();
  for (const unit of units) {
    const text = headingText(unit);
    const match = text === undefined ? undefined : matchHeading(template, text, -1);
    if (match && match.mergedItems === undefined) found.add(match.sectionIndex);
  }
  return found.size;
}

/** The notices a format's basis cites (国办公开办函〔2021〕30号), as "〔2021〕30号". */
function citedNotices(template: Template): string[] {
  return [...template.basis.matchAll(/〔\d{4}〕\d+号/g)].map((m) => m[0]);
}

/**
 * Which national format the source follows. Structure decides: the mandated headings, then the
 * labels of the tables only one format has; then the report year; the notice the text cites
 * last (seed 004 cites 〔2019〕60号 in a 2021 report).
 */
export function detectFormat(templates: ReadonlyMap<string, Template>, units: readonly TextUnit[], year: number | null): FormatChoice | undefined {
  const all = [...templates.values()];
  if (all.length === 0) return undefined;
  const text = units.map((u) => u.text).join('\n');
  const textKey = labelKey(text.replace(/\n/g, ''));
  const scored = all.map((template) => {
    const others = all.filter((t) => t !== template);
    const labels = distinctiveLabels(template, others).filter((k) => textKey.includes(k)).length;
    const headings = headingsMatched(template, units);
    const notice = citedNotices(template).some((n) => text.includes(n));
    const fits = year !== null && fitsYear(template, year);
    return { template, headings, labels, notice, fits };
  });
  const topHeadings = Math.max(...scored.map((s) => s.headings));
  const rank = (s: (typeof scored)[number]): number => (s.headings === topHeadings ? 1000 : 0) + s.labels * 100 + (s.fits ? 10 : 0) + (s.notice ? 1 : 0) + (s.template.default ? 0.5 : 0);
  const best = scored.reduce((a, b) => (rank(b) > rank(a) ? b : a));
  const reasons: Localized[] = [
    { 'zh-CN': `识别出该格式的 ${best.headings} 个法定标题`, en: `${best.headings} of the format’s mandated headings were found` },
  ];
  if (best.labels > 0) reasons.push({ 'zh-CN': `表格中有该格式特有的栏目名 ${best.labels} 个`, en: `${best.labels} table labels only this format has` });
  if (best.fits && year !== null) reasons.push({ 'zh-CN': `报告年度 ${year} 适用该格式`, en: `the report year ${year} falls in this format’s years` });
  if (best.notice) reasons.push({ 'zh-CN': '正文引用了该格式的印发文件', en: 'the text cites the notice that issued this format' });
  const cited = scored.filter((s) => s.notice && s !== best);
  for (const other of cited) {
    reasons.push({ 'zh-CN': `正文引用了“${other.template.name['zh-CN']}”的文件，但结构与年度符合所选格式`, en: `the text cites the notice of “${other.template.name.en}”, but structure and year fit the chosen format` });
  }
  return { template: best.template, reasons };
}
