import { reportTitle } from '../report/newReport.js';
import type { Report } from '../report/reportSchema.js';
import type { Template } from '../template/loadTemplate.js';

/** File systems allow 255 bytes per name (ext4, APFS; NTFS allows 255 UTF-16 units, which is more). */
const NAME_BYTES = 255;
/** UTF-8 length, counted by code point (the core has no TextEncoder). */
function bytes(text: string): number {
  let n = 0;
  for (const c of text) {
    const code = c.codePointAt(0)!;
    n += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return n;
}
/** Room for the " (2)" … " (999)" that picking a free name may add. */
const SUFFIX_ROOM = bytes(' (999)');
/** The end of the name says which report it is ("2025年政府信息公开工作年度报告"): a long name keeps it. */
const KEPT_TAIL_BYTES = 72;
const ELLIPSIS = '…';

/** The file name without extension: 机关全称 + 年度 + 年政府信息公开工作年度报告, safe on every OS. */
export function exportBaseName(template: Template, report: Report): string {
  return reportTitle(template, report.meta).replace(/[\\/:*?"<>|]|\p{Cc}/gu, '_').trim();
}

/**
 * The default name of a file made from the report (`.docx`, `.pdf`, `.html`, `.drs`). A very long
 * organisation name would make it too long to create (ENAMETOOLONG): it is shortened in the middle,
 * between characters, so the start of the organisation name and the year and title stay.
 */
export function reportFileName(template: Template, report: Report, extension: string): string {
  const budget = NAME_BYTES - bytes(extension) - SUFFIX_ROOM;
  const base = exportBaseName(template, report);
  if (bytes(base) <= budget) return `${base}${extension}`;
  const characters = [...new Intl.Segmenter('zh', { granularity: 'grapheme' }).segment(base)].map((s) => s.segment);
  const tail = takeWithin(characters.slice().reverse(), KEPT_TAIL_BYTES).reverse();
  const head = takeWithin(characters, budget - bytes(ELLIPSIS) - bytes(tail.join('')));
  return `${head.join('').trimEnd()}${ELLIPSIS}${tail.join('').trimStart()}${extension}`;
}

/** The leading characters whose UTF-8 bytes fit in `limit`. */
function takeWithin(characters: readonly string[], limit: number): string[] {
  const taken: string[] = [];
  let used = 0;
  for (const c of characters) {
    used += bytes(c);
    if (used > limit) break;
    taken.push(c);
  }
  return taken;
}
