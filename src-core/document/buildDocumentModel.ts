import { blockText, lexicalToBlocks } from '../report/lexicalText.js';
import { reportTitle } from '../report/newReport.js';
import type { Report } from '../report/reportSchema.js';
import type { Template } from '../template/loadTemplate.js';
import { PAGE, SIZES, type DocBlock, type DocumentModel } from './documentModel.js';
import { buildDocTable } from './tableLayout.js';

/** 2026-01-20 → 2026年1月20日, as dates are written in official documents. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 2号 characters that fit on one line of the 156 mm type area. */
const TITLE_CHARS_PER_LINE = Math.floor((PAGE.typeWidthMm * 72) / 25.4 / SIZES.title);

/**
 * A long title breaks into balanced lines (GB/T 9704: 梯形 or 菱形). The natural break is after the
 * year ("…2025年 / 政府信息公开工作年度报告"); when that does not fit, lines of equal length are
 * made, never separating a number from its 年.
 */
export function titleLines(title: string): string[] {
  const chars = [...title];
  if (chars.length <= TITLE_CHARS_PER_LINE) return [title];
  const year = /\d{4}年/.exec(title);
  if (year) {
    const cut = [...title.slice(0, year.index + year[0].length)].length;
    if (cut <= TITLE_CHARS_PER_LINE && chars.length - cut <= TITLE_CHARS_PER_LINE) return [chars.slice(0, cut).join(''), chars.slice(cut).join('')];
  }
  // Walks the characters once by index (linear in the title's length, however long it is).
  const lines: string[] = [];
  let start = 0;
  for (let remaining = Math.ceil(chars.length / TITLE_CHARS_PER_LINE); remaining > 0 && start < chars.length; remaining--) {
    let end = start + Math.ceil((chars.length - start) / remaining);
    while (end < chars.length && /[0-9A-Za-z]/.test(chars[end - 1] ?? '') && /[0-9A-Za-z年]/.test(chars[end] ?? '')) end++;
    lines.push(chars.slice(start, end).join(''));
    start = end;
  }
  return lines;
}

/** Builds what gets printed: title, preamble, the sections in template order, tables, signature. */
export function buildDocumentModel(template: Template, report: Report, options: { draft: boolean; now: Date }): DocumentModel {
  const title = reportTitle(template, report.meta);
  const blocks: DocBlock[] = [{ kind: 'title', text: title, lines: titleLines(title) }];
  for (const section of template.sections) {
    const text = lexicalToBlocks(report.sections[section.id]);
    const tables = section.tables.map((id) => template.tableModels.get(id)).filter((m) => m !== undefined && (!m.def.optional || report.tables[m.def.id]));
    if (!section.required && text.length === 0 && tables.length === 0) continue;
    if (section.heading) blocks.push({ kind: 'heading1', text: section.heading, sectionId: section.id });
    let ordinal = 0;
    for (const block of text) {
      if (blockText(block).trim() === '') continue;
      if (block.kind === 'heading') blocks.push({ kind: block.level === 2 ? 'heading2' : 'heading3', runs: block.runs });
      else if (block.kind === 'listItem') blocks.push({ kind: 'listItem', marker: block.ordered ? `${++ordinal}.` : '·', runs: block.runs });
      else blocks.push({ kind: 'paragraph', runs: block.runs });
      if (block.kind !== 'listItem') ordinal = 0;
    }
    for (const model of tables) if (model) blocks.push({ kind: 'table', table: buildDocTable(model, report) });
  }
  const org = report.meta.signatureOrg?.trim() || report.meta.orgName;
  blocks.push({ kind: 'signature', org, date: report.meta.signatureDate ? chineseDate(report.meta.signatureDate) : null });
  return {
    meta: {
      title,
      author: report.meta.orgName,
      subject: `${report.meta.year}年政府信息公开工作年度报告`,
      keywords: ['政府信息公开', '年度报告', String(report.meta.year), report.meta.orgName],
      createdAt: options.now.toISOString(),
    },
    draft: options.draft,
    blocks,
  };
}
