import { Converter } from 'opencc-js/t2cn';

/** Converts traditional Chinese to simplified; injected so callers (and tests) can pick the converter. */
export type ToSimplified = (text: string) => string;

let converter: ToSimplified | undefined;

/**
 * OpenCC's traditional → mainland-simplified converter. opencc-js's t2cn build is plain JavaScript
 * with its dictionaries inlined (no Node or DOM use), so the core can use it directly. Its tables
 * are built on the first call: most runs (validate, export) never convert.
 */
export const openccToSimplified: ToSimplified = (text) => (converter ??= Converter({ from: 't', to: 'cn' }))(text);

const CJK = '\\u2e80-\\u2fdf\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u201c\\u201d\\u2018\\u2019';
const CJK_CLASS = `[${CJK}]`;
/** Whitespace with a CJK character (or CJK punctuation) on either side: a layout artefact, not a word gap. */
const SPACE_BY_CJK = new RegExp(`(?<=${CJK_CLASS})[ \\t\\u3000\\u00a0]+|[ \\t\\u3000\\u00a0]+(?=${CJK_CLASS})`, 'g');
const HAS_CJK = new RegExp(CJK_CLASS);

export function isCjkChar(char: string): boolean {
  return HAS_CJK.test(char);
}

/** Display width in half-width units: CJK and full-width characters count 2. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  return width;
}

/** Compatibility characters that PDF text layers and IMEs produce: Kangxi radicals (⼀), compatibility ideographs, full-width letters and digits. */
const COMPATIBILITY = /[\u2e80-\u2fdf\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000\u00a0]/g;
const ASCII_PUNCTUATION: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？' };
const PUNCTUATION_BY_CJK = new RegExp(`(?<=${CJK_CLASS})[,:;!?]|[,:;!?](?=${CJK_CLASS})`, 'g');

/**
 * The reading form of imported text: full-width digits and letters half-width, Kangxi radicals as
 * the ideographs they stand for, brackets and punctuation in Chinese text full-width as the formats
 * print them, spaces next to CJK characters dropped (PDF justification), traditional characters converted.
 */
export function normalizeText(text: string, toSimplified: ToSimplified): string {
  const compatible = text.replace(COMPATIBILITY, (c) => c.normalize('NFKC'));
  return toSimplified(compatible)
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(SPACE_BY_CJK, '')
    .replace(PUNCTUATION_BY_CJK, (c) => ASCII_PUNCTUATION[c] ?? c)
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

const ORDINAL_PREFIX = /^(?:[一二三四五六七八九十]+[、.．]|（[一二三四五六七八九十]+）|\d+[.．、]|第[一二三四五六七八九十]+[部分章节项][、：]?)/;

/**
 * The key two labels are compared by: no spaces, punctuation or leading ordinal, and the 2019
 * wording 规范性文件 for the 2021 行政规范性文件 (the same row).
 */
export function labelKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(ORDINAL_PREFIX, '')
    .replace(/[\p{P}\p{S}]/gu, '')
    .replace(/行政规范性文件/g, '规范性文件');
}

/** Strips the leading ordinal ("一、", "（三）", "2.") of a heading, returning both parts. */
export function splitOrdinal(text: string): { ordinal: string; rest: string } {
  const match = ORDINAL_PREFIX.exec(text);
  return match ? { ordinal: match[0], rest: text.slice(match[0].length) } : { ordinal: '', rest: text };
}

/** Length of the longest common subsequence (labels are short: at most a few dozen characters). */
function lcsLength(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = new Array<number>(y.length + 1).fill(0);
  for (const cx of x) {
    const current = [0];
    for (let j = 1; j <= y.length; j++) current[j] = cx === y[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    previous = current;
  }
  return previous[y.length]!;
}

/** Dice similarity of two label keys over their longest common subsequence: 1 = same, 0 = nothing shared. */
export function labelSimilarity(a: string, b: string): number {
  const total = [...a].length + [...b].length;
  return total === 0 ? 1 : (2 * lcsLength(a, b)) / total;
}
