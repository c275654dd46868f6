/**
 * Reads the numbers Chinese reports write: Arabic (12), full-width (１２) and Chinese numerals
 * (十二, 两, 一百零五, 三千二百). Anything it cannot read with certainty gives undefined.
 */
const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万';

/** Full-width digits, point and percent to ASCII, keeping the length (offsets stay valid). */
export function toHalfWidthDigits(text: string): string {
  return text.replace(/[０-９．％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function parseChineseNumeral(text: string): number | undefined {
  if (text.length === 0) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = Infinity;
  for (const c of text) {
    const d = DIGITS[c];
    if (d !== undefined) {
      if (digit !== undefined && digit !== 0 && d !== 0) return undefined; // "二三": not a number
      digit = d;
      continue;
    }
    const unit = SMALL_UNITS[c];
    if (unit !== undefined) {
      if (unit >= lastUnit) return undefined;
      section += (digit ?? 1) * unit; // 十二: the leading 一 is implied
      digit = undefined;
      lastUnit = unit;
      continue;
    }
    if (c === '万') {
      if (total > 0) return undefined;
      total = (section + (digit ?? 0)) * 10000;
      if (total === 0) return undefined;
      section = 0;
      digit = undefined;
      lastUnit = Infinity;
      continue;
    }
    return undefined;
  }
  return total + section + (digit ?? 0);
}

/** An Arabic (ASCII or full-width) or Chinese number; undefined when it is neither. */
export function parseNumber(text: string): number | undefined {
  const ascii = toHalfWidthDigits(text);
  if (/^\d+(?:\.\d+)?$/.test(ascii)) return Number(ascii);
  return parseChineseNumeral(text);
}
