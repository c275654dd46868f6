import type { Template } from '../template/loadTemplate.js';
import { labelKey, labelSimilarity } from './normalizeText.js';
import type { TextUnit } from './sourceUnits.js';

const LEVEL1_ORDINAL = /^[一二三四五六七八九十]{1,3}[、.．]/;
const LOWER_ORDINAL = /^(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、])/;
/** OCR or copy junk before a heading's ordinal: "l六、", "|三、". */
const JUNK_BEFORE_ORDINAL = /^[A-Za-z0-9|!.·•]{1,2}(?=[一二三四五六七八九十]{1,3}[、.．])/;

/** Art. 32 items (2008 regulation) named in a heading's wording, for merged gov-2008 outlines. */
const ART32_WORDS: readonly [number, RegExp][] = [
  [1, /主动/],
  [2, /依申请|不予公开/],
  [3, /收费|减免|费用/],
  [4, /复议|诉讼/],
  [5, /存在的主要问题|改进|整改/],
  [6, /其他需要报告|其他事项/],
];

export function art32ItemsNamed(text: string): number[] {
  return ART32_WORDS.filter(([, words]) => words.test(text)).map(([item]) => item);
}

/** A line or paragraph that may be a level-1 heading: short, one cell, not a wrapped body line, no sentence inside. */
export function headingText(unit: TextUnit): string | undefined {
  const text = unit.text.replace(JUNK_BEFORE_ORDINAL, '');
  if (unit.level === 1) return text;
  if (unit.cells.length > 1 || unit.full || [...text].length > 80 || /。./.test(text)) return undefined;
  if (LOWER_ORDINAL.test(text)) return undefined;
  return text;
}

export interface HeadingMatch {
  sectionIndex: number;
  similarity: number;
  /** gov-2008: the Art. 32 items a merged heading names (two or more). */
  mergedItems?: number[];
}

/**
 * The section a heading starts, among the sections after `after` (headings come in the format's
 * order): by similarity to the mandated heading and its aliases, ordinals ignored (they are often
 * wrong). Without an ordinal the wording must be nearly exact.
 */
export function matchHeading(template: Template, text: string, after: number): HeadingMatch | undefined {
  const hasOrdinal = LEVEL1_ORDINAL.test(text);
  const key = labelKey(text);
  if (key === '') return undefined;
  let best: HeadingMatch | undefined;
  template.sections.forEach((section, index) => {
    if (index <= after || section.heading === null) return;
    const similarity = Math.max(...[section.heading, ...section.aliases].map((h) => labelSimilarity(key, labelKey(h))));
    if (similarity >= (hasOrdinal ? 0.72 : 0.88) && (!best || similarity > best.similarity)) best = { sectionIndex: index, similarity };
  });
  if (best || !hasOrdinal) return best;
  const items = art32ItemsNamed(text);
  if (items.length < 2) return undefined;
  const sectionIndex = template.sections.findIndex((s, i) => i > after && s.art32Items?.includes(Math.min(...items)));
  return sectionIndex < 0 ? undefined : { sectionIndex, similarity: 0, mergedItems: items };
}
