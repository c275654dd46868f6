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
  if (unit.cells.length > 1 || [...text].length > 80 || /。./.test(text)) return undefined;
  if (unit.full && !LEVEL1_ORDINAL.test(text)) return undefined;
  if (LOWER_ORDINAL.test(text)) return undefined;
  return text;
}

/**
 * Heading wording agrees when the two are alike as a whole (Dice) or one is nearly all inside the
 * other (存在的主要问题及改进措施 in 政府信息公开工作存在的主要问题及改进情况), for keys of 8+ characters.
 */
function headingSimilarity(a: string, b: string): number {
  const shorter = Math.min([...a].length, [...b].length);
  const dice = labelSimilarity(a, b);
  if (shorter < 8) return dice;
  const common = (dice * ([...a].length + [...b].length)) / 2;
  return Math.max(dice, (0.9 * common) / shorter);
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
  // Without an ordinal, a sentence naming a section ("全文包括总体情况、主动公开政府信息情况等部分。") is no heading.
  if (key === '' || (!hasOrdinal && /[，。；]/.test(text))) return undefined;
  let best: HeadingMatch | undefined;
  template.sections.forEach((section, index) => {
    if (index <= after || section.heading === null) return;
    const similarity = Math.max(...[section.heading, ...section.aliases].map((h) => headingSimilarity(key, labelKey(h))));
    if (similarity >= (hasOrdinal ? 0.72 : 0.88) && (!best || similarity > best.similarity)) best = { sectionIndex: index, similarity };
  });
  // A heading naming several Art. 32 items is a merged gov-2008 heading, even if one item's wording fits well.
  const items = hasOrdinal ? art32ItemsNamed(text) : [];
  const fitsOne = best && items.every((item) => template.sections[best!.sectionIndex]?.art32Items?.includes(item));
  if (best && (fitsOne || !template.sections.some((s) => s.art32Items))) return best;
  if (items.length < 2) return best;
  const sectionIndex = template.sections.findIndex((s, i) => i > after && s.art32Items?.includes(Math.min(...items)));
  return sectionIndex < 0 ? undefined : { sectionIndex, similarity: 0, mergedItems: items };
}
