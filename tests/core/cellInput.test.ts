import { describe, expect, it } from 'vitest';
import { parseCellInput } from '../../src-core/index.js';

const count = { valueType: 'count', notApplicable: false } as const;
const regulations = { valueType: 'count', notApplicable: true } as const;
const amount = { valueType: 'amount', notApplicable: false } as const;
const signed = { valueType: 'signedCount', notApplicable: false } as const;

describe('what a person types into a table cell', () => {
  it('accepts counts, also in full-width digits, and clears on empty', () => {
    expect(parseCellInput(' 12 ', count)).toEqual({ ok: true, value: 12 });
    expect(parseCellInput('１２３', count)).toEqual({ ok: true, value: 123 });
    expect(parseCellInput('1,234', count)).toEqual({ ok: true, value: 1234 });
    expect(parseCellInput('', count)).toEqual({ ok: true, value: null });
  });

  it('refuses letters, negatives and decimals in a count cell, saying why', () => {
    expect(parseCellInput('abc', count)).toMatchObject({ ok: false, problem: { 'zh-CN': '只能填写数字（没有的填 0）' } });
    expect(parseCellInput('-3', count)).toMatchObject({ ok: false, problem: { 'zh-CN': '件数不能为负数' } });
    expect(parseCellInput('1.5', count)).toMatchObject({ ok: false, problem: { 'zh-CN': '件数应为整数，不能有小数' } });
  });

  it('takes a comma only as a thousands separator, never joining digits it separates', () => {
    expect(parseCellInput('12,345', count)).toEqual({ ok: true, value: 12345 });
    expect(parseCellInput('1，234.5', amount)).toEqual({ ok: true, value: '1234.5' });
    for (const typo of ['1,2', '23,456,7', '1,23', ',5']) expect(parseCellInput(typo, count)).toMatchObject({ ok: false, problem: { 'zh-CN': expect.stringContaining('千位分隔') } });
  });

  it('accepts "/" only where the format allows it', () => {
    expect(parseCellInput('/', regulations)).toEqual({ ok: true, value: '/' });
    expect(parseCellInput('／', regulations)).toEqual({ ok: true, value: '/' });
    expect(parseCellInput('/', count).ok).toBe(false);
  });

  it('keeps 万元 amounts as typed text with up to 4 decimals, never rounded', () => {
    expect(parseCellInput('0.35', amount)).toEqual({ ok: true, value: '0.35' });
    expect(parseCellInput('186.5200', amount)).toEqual({ ok: true, value: '186.5200' });
    expect(parseCellInput('0.0001', amount)).toEqual({ ok: true, value: '0.0001' });
    expect(parseCellInput('0.00001', amount)).toMatchObject({ ok: false, problem: { 'zh-CN': '金额最多保留 4 位小数（0.0001 万元即 1 元）' } });
    expect(parseCellInput('-1', amount).ok).toBe(false);
    expect(parseCellInput('一万', amount).ok).toBe(false);
  });

  it('takes a signed change with a minus sign', () => {
    expect(parseCellInput('-2', signed)).toEqual({ ok: true, value: -2 });
    expect(parseCellInput('－2', signed)).toEqual({ ok: true, value: -2 });
    expect(parseCellInput('+2', signed).ok).toBe(false);
  });
});
