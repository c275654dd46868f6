import type { Localized } from '../i18n/locale.js';
import type { DataCell } from '../template/tableModel.js';
import { NOT_APPLICABLE, type CellValue } from './cellValue.js';

export type CellInput = { ok: true; value: CellValue } | { ok: false; problem: Localized };

const refuse = (zh: string, en: string): CellInput => ({ ok: false, problem: { 'zh-CN': zh, en } });

/**
 * What a person typed into a table cell, as the value to store — or why it is refused. Full-width
 * digits (as a Chinese IME types them) are accepted; nothing is rounded.
 */
export function parseCellInput(typed: string, cell: Pick<DataCell, 'valueType' | 'notApplicable'>): CellInput {
  const text = typed
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－—]/g, '-')
    .replace(/，/g, ',');
  if (text === '') return { ok: true, value: null };
  // A comma only as a thousands separator: "1,2" is a typo (or two numbers), never 12.
  if (text.includes(',') && !/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return refuse('逗号只能用作千位分隔，如 1,234；请核对这个数', 'A comma may only separate thousands, as in 1,234; check this number');
  return parseDigits(text.replace(/,/g, ''), cell);
}

function parseDigits(text: string, cell: Pick<DataCell, 'valueType' | 'notApplicable'>): CellInput {
  if (text === NOT_APPLICABLE || text === '／') {
    return cell.notApplicable ? { ok: true, value: NOT_APPLICABLE } : refuse('此格不能填写“/”，没有的请填 0', '"/" is not allowed here; enter 0 if there is none');
  }
  if (cell.valueType === 'amount') {
    if (text.startsWith('-')) return refuse('金额不能为负数', 'An amount cannot be negative');
    if (!/^\d+(\.\d+)?$/.test(text)) return refuse('请填写数字，如 0.35（单位：万元）', 'Enter a number such as 0.35 (in 万元)');
    if (/\.\d{5,}$/.test(text)) return refuse('金额最多保留 4 位小数（0.0001 万元即 1 元）', 'At most 4 decimals (0.0001 万元 is 1 yuan)');
    if (text.replace(/^0+(?=\d)/, '').split('.')[0]!.length > 12) return refuse('金额过大，请核对单位（万元）', 'The amount is too large; check the unit (万元)');
    return { ok: true, value: text.replace(/^0+(?=\d)/, '') };
  }
  if (cell.valueType === 'signedCount') {
    if (!/^-?\d+$/.test(text)) return refuse('请填写整数，减少用负号表示，如 -2', 'Enter a whole number; use a minus sign for a decrease, e.g. -2');
    return safe(Number(text));
  }
  if (/^-\d/.test(text)) return refuse('件数不能为负数', 'A count cannot be negative');
  if (/^\d+\.\d+$/.test(text)) return refuse('件数应为整数，不能有小数', 'A count is a whole number, without decimals');
  if (!/^\d+$/.test(text)) return refuse('只能填写数字（没有的填 0）', 'Enter digits only (0 if none)');
  return safe(Number(text));
}

function safe(value: number): CellInput {
  return Number.isSafeInteger(value)
    ? { ok: true, value }
    : refuse(`数字过大（不能超过 ${Number.MAX_SAFE_INTEGER}），请核对`, `The number is too large (at most ${Number.MAX_SAFE_INTEGER}); please check`);
}
