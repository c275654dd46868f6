import type { Template } from '../template/loadTemplate.js';
import { blockText, lexicalToBlocks } from './lexicalText.js';
import type { Art32Tag, Report } from './reportSchema.js';

/** The heading a section is printed and listed with: the report's own wording (merged outline) or the format's. */
export function sectionHeading(template: Template, report: Report, sectionId: string): string | null {
  return report.outline?.headings?.[sectionId] ?? template.sectionById.get(sectionId)?.heading ?? null;
}

/**
 * A section whose Art. 32 items the report's merged outline covers elsewhere: it is not expected
 * to have text of its own (gov-2008, formats.md §4).
 */
export function isMergedAway(template: Template, report: Report, sectionId: string): boolean {
  const items = template.sectionById.get(sectionId)?.art32Items ?? [];
  const tags = report.outline?.art32Tags;
  return tags !== undefined && items.length > 0 && items.every((item) => tags[String(item)] !== undefined && tags[String(item)]?.sectionId !== sectionId);
}

/**
 * Whether the place an Art. 32 item is tagged to has text: the section, or the body under the
 * tagged sub-heading (a heading block up to the next heading, or a run-in sub-heading's paragraph).
 */
export function tagHasText(report: Report, tag: Art32Tag): boolean {
  const blocks = lexicalToBlocks(report.sections[tag.sectionId]);
  if (tag.subHeading === undefined) return blocks.some((b) => blockText(b).trim() !== '');
  const start = blocks.findIndex((b) => blockText(b).trim().startsWith(tag.subHeading ?? ''));
  const first = blocks[start];
  if (!first) return false;
  if (first.kind !== 'heading') return blockText(first).trim().length > tag.subHeading.length + 1;
  for (const block of blocks.slice(start + 1)) {
    if (block.kind === 'heading' && block.level <= first.level) return false;
    if (blockText(block).trim() !== '') return true;
  }
  return false;
}
