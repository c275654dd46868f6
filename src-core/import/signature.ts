import type { Unit } from './sourceUnits.js';

export interface Signature {
  /** 署名机关 as printed, if a line names it above the date. */
  org?: string;
  /** 成文日期 as YYYY-MM-DD. */
  date: string;
  /** Indexes (into the units) of the signature's lines, removed from the text: the export prints the signature. */
  units: number[];
}

const CHINESE_DIGIT: Record<string, number> = { 〇: 0, 零: 0, O: 0, Ｏ: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 2016年3月18日, or the official form 二〇一六年三月十八日. */
const DATE = /^([0-9]{4}|[〇零OＯ一二三四五六七八九]{4})年([0-9]{1,2}|[一二三四五六七八九十]{1,3})月([0-9]{1,2}|[一二三四五六七八九十]{1,3})日$/;
/** A 署名 line: a short name, no sentence punctuation, no digits. */
const ORG_LINE = /^[\u4e00-\u9fff][\u4e00-\u9fff（）]{1,39}$/;

/** 十八 → 18, 三 → 3, 二十 → 20, 12 → 12. */
function numberOf(text: string): number {
  if (/^[0-9]+$/.test(text)) return Number(text);
  if (!text.includes('十')) return [...text].reduce((n, c) => n * 10 + (CHINESE_DIGIT[c] ?? 0), 0);
  const [tens = '', ones = ''] = text.split('十');
  return (tens === '' ? 1 : (CHINESE_DIGIT[tens] ?? 0)) * 10 + (ones === '' ? 0 : (CHINESE_DIGIT[ones] ?? 0));
}

/** A printed date as YYYY-MM-DD, or undefined when it is not a date of the calendar. */
export function isoDateOf(text: string): string | undefined {
  const match = DATE.exec(text.replace(/\s+/g, ''));
  if (!match) return undefined;
  const [year, month, day] = [numberOf(match[1]!), numberOf(match[2]!), numberOf(match[3]!)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The signature block that closes a report: the last line a date alone (成文日期), the line above
 * it, when it is a short name, the signing body (署名机关). Nothing else is taken.
 */
export function findSignature(units: readonly Unit[]): Signature | undefined {
  const last = units.length - 1;
  const lastUnit = units[last];
  if (lastUnit?.kind !== 'text') return undefined;
  // Word users often write both in one paragraph, apart by a line break.
  const lines = lastUnit.text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const date = lines.length <= 2 ? isoDateOf(lines.at(-1) ?? '') : undefined;
  if (date === undefined) return undefined;
  if (lines.length === 2) return ORG_LINE.test(lines[0]!) ? { org: lines[0]!, date, units: [last] } : undefined;
  const above = units[last - 1];
  const org = above?.kind === 'text' ? above.text.replace(/\s+/g, '') : '';
  return ORG_LINE.test(org) ? { org, date, units: [last - 1, last] } : { date, units: [last] };
}
