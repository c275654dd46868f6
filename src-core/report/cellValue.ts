import type { ValueType } from '../template/templateSchema.js';

/** What a table cell may hold in the report file. */
export type CellValue = number | string | null;

/** The "not applicable" marker some tables allow (规章 row of an agency without rule-making power). */
export const NOT_APPLICABLE = '/';

/**
 * All arithmetic is done on BigInt integers scaled by 10⁴, so 万元 amounts with up to four
 * decimals (0.0001 万元 = 1 元) and counts up to 2⁵³ − 1 add up exactly, never through binary
 * floating point (a 12-digit amount or a 10¹⁵ count would not fit a scaled double).
 */
export const SCALE = 10_000n;
const AMOUNT_RE = /^\d{1,12}(\.\d{1,4})?$/;

export type ParsedCell =
  | { state: 'empty' }
  | { state: 'notApplicable'; scaled: 0n }
  | { state: 'value'; scaled: bigint }
  | { state: 'invalid'; problem: CellProblem };

export type CellProblem = 'notInteger' | 'negative' | 'notDecimal' | 'tooManyDecimals' | 'amountNotText' | 'notApplicableHere';

export function parseCell(raw: CellValue | undefined, valueType: ValueType, notApplicableAllowed: boolean): ParsedCell {
  if (raw === null || raw === undefined) return { state: 'empty' };
  if (raw === NOT_APPLICABLE) {
    return notApplicableAllowed ? { state: 'notApplicable', scaled: 0n } : { state: 'invalid', problem: 'notApplicableHere' };
  }
  if (valueType === 'amount') {
    if (typeof raw !== 'string') return { state: 'invalid', problem: Number.isInteger(raw) ? 'amountNotText' : 'notDecimal' };
    if (!AMOUNT_RE.test(raw)) {
      if (/^\d+\.\d{5,}$/.test(raw)) return { state: 'invalid', problem: 'tooManyDecimals' };
      return { state: 'invalid', problem: raw.startsWith('-') ? 'negative' : 'notDecimal' };
    }
    const [whole = '0', fraction = ''] = raw.split('.');
    return { state: 'value', scaled: BigInt(whole) * SCALE + BigInt(fraction.padEnd(4, '0')) };
  }
  if (typeof raw !== 'number' || !Number.isSafeInteger(raw)) return { state: 'invalid', problem: 'notInteger' };
  if (valueType === 'count' && raw < 0) return { state: 'invalid', problem: 'negative' };
  return { state: 'value', scaled: BigInt(raw) * SCALE };
}

/** Back from the scaled domain to what a person reads: "12", "-3", "0.35". */
export function formatScaled(scaled: bigint): string {
  const sign = scaled < 0n ? '-' : '';
  const abs = scaled < 0n ? -scaled : scaled;
  const whole = abs / SCALE;
  const fraction = abs % SCALE;
  if (fraction === 0n) return `${sign}${whole}`;
  return `${sign}${whole}.${String(fraction).padStart(4, '0').replace(/0+$/, '')}`;
}

/**
 * The stored form of a derived value: counts as JSON integers, amounts as decimal strings. A count
 * total beyond 2⁵³ − 1 has no exact JSON number, so it stays empty and the total rule reports it.
 */
export function storedValue(scaled: bigint, valueType: ValueType): CellValue {
  if (valueType === 'amount') return formatScaled(scaled);
  const count = Number(scaled / SCALE);
  return Number.isSafeInteger(count) ? count : null;
}
