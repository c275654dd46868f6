import type { ValueType } from '../template/templateSchema.js';

/** What a table cell may hold in the report file. */
export type CellValue = number | string | null;

/** The "not applicable" marker some tables allow (规章 row of an agency without rule-making power). */
export const NOT_APPLICABLE = '/';

/**
 * All arithmetic is done on integers scaled by 10⁴, so 万元 amounts with up to four decimals
 * (0.0001 万元 = 1 元) add up exactly, never through binary floating point.
 */
export const SCALE = 10_000;
const AMOUNT_RE = /^\d{1,12}(\.\d{1,4})?$/;

export type ParsedCell =
  | { state: 'empty' }
  | { state: 'notApplicable'; scaled: 0 }
  | { state: 'value'; scaled: number }
  | { state: 'invalid'; problem: CellProblem };

export type CellProblem = 'notInteger' | 'negative' | 'notDecimal' | 'tooManyDecimals' | 'amountNotText' | 'notApplicableHere';

export function parseCell(raw: CellValue | undefined, valueType: ValueType, notApplicableAllowed: boolean): ParsedCell {
  if (raw === null || raw === undefined) return { state: 'empty' };
  if (raw === NOT_APPLICABLE) {
    return notApplicableAllowed ? { state: 'notApplicable', scaled: 0 } : { state: 'invalid', problem: 'notApplicableHere' };
  }
  if (valueType === 'amount') {
    if (typeof raw !== 'string') return { state: 'invalid', problem: Number.isInteger(raw) ? 'amountNotText' : 'notDecimal' };
    if (!AMOUNT_RE.test(raw)) {
      if (/^\d+\.\d{5,}$/.test(raw)) return { state: 'invalid', problem: 'tooManyDecimals' };
      return { state: 'invalid', problem: raw.startsWith('-') ? 'negative' : 'notDecimal' };
    }
    const [whole = '0', fraction = ''] = raw.split('.');
    return { state: 'value', scaled: Number(whole) * SCALE + Number(fraction.padEnd(4, '0')) };
  }
  if (typeof raw !== 'number' || !Number.isSafeInteger(raw)) return { state: 'invalid', problem: 'notInteger' };
  if (valueType === 'count' && raw < 0) return { state: 'invalid', problem: 'negative' };
  return { state: 'value', scaled: raw * SCALE };
}

/** Back from the scaled domain to what a person reads: "12", "-3", "0.35". */
export function formatScaled(scaled: number): string {
  const sign = scaled < 0 ? '-' : '';
  const abs = Math.abs(scaled);
  const whole = Math.floor(abs / SCALE);
  const fraction = abs % SCALE;
  if (fraction === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(fraction).padStart(4, '0').replace(/0+$/, '')}`;
}

/** The stored form of a derived value: counts as JSON integers, amounts as decimal strings. */
export function storedValue(scaled: number, valueType: ValueType): CellValue {
  return valueType === 'amount' ? formatScaled(scaled) : scaled / SCALE;
}
