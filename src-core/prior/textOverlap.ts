import { toHalfWidthDigits } from '../text/chineseNumerals.js';
import { toSimplifiedChars } from '../text/traditionalChars.js';

/**
 * How much of a text repeats another, by character n-grams: robust to changed numbers and years
 * (every run of digits reads as one "#"), to punctuation and spacing, and to traditional script.
 */
export interface ComparableText {
  /** The text reduced to letters, Chinese characters and "#" for numbers. */
  chars: string;
}

const NUMBER_RE = /\d+(?:\.\d+)?/y;
const KEPT_RE = /[\p{L}\p{N}]/u;

export function comparable(text: string): ComparableText {
  const normal = toHalfWidthDigits(toSimplifiedChars(text));
  let chars = '';
  for (let i = 0; i < normal.length; ) {
    NUMBER_RE.lastIndex = i;
    const number = NUMBER_RE.exec(normal);
    if (number) {
      chars += '#';
      i += number[0].length;
      continue;
    }
    const ch = String.fromCodePoint(normal.codePointAt(i) ?? 0);
    if (KEPT_RE.test(ch)) chars += ch;
    i += ch.length;
  }
  return { chars };
}

/** Every n-gram of the texts. */
export function gramsOf(texts: Iterable<string>, n: number): Set<string> {
  const grams = new Set<string>();
  for (const text of texts) {
    const { chars } = comparable(text);
    for (let i = 0; i + n <= chars.length; i++) grams.add(chars.slice(i, i + n));
  }
  return grams;
}

/** Characters of a text that repeat `prior`, out of those that count (not standard wording, `excluded`). */
export interface Overlap {
  repeated: number;
  counted: number;
}

export function overlapOf(text: string, prior: ReadonlySet<string>, excluded: ReadonlySet<string>, n: number): Overlap {
  const { chars } = comparable(text);
  const standard = new Uint8Array(chars.length);
  const repeated = new Uint8Array(chars.length);
  for (let i = 0; i + n <= chars.length; i++) {
    const gram = chars.slice(i, i + n);
    const mark = excluded.has(gram) ? standard : prior.has(gram) ? repeated : undefined;
    if (mark) mark.fill(1, i, i + n);
  }
  let counted = 0;
  let repeatedCount = 0;
  for (let i = 0; i < chars.length; i++) {
    if (standard[i]) continue;
    counted++;
    if (repeated[i]) repeatedCount++;
  }
  return { repeated: repeatedCount, counted };
}

export function shareOf(overlap: Overlap): number {
  return overlap.counted === 0 ? 0 : overlap.repeated / overlap.counted;
}
