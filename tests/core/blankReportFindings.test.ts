import { describe, expect, it } from 'vitest';
import { checkReport, createReport, lexicalToPlainText } from '../../src-core/index.js';
import { template } from '../helpers.js';

const gov2021 = template('gov-2021');
const blank = () => createReport(gov2021, { orgName: '瑞安市公安局', year: 2025, unitType: 'department', hasRulemakingPower: false }, new Date('2026-01-10T00:00:00Z'));

describe('the findings of a blank report', () => {
  it('empty cells are one warning per table, with the count, pointing at its first empty cell', () => {
    const report = blank();
    const v04 = checkReport(gov2021, report).filter((f) => f.ruleId === 'V-04');
    expect(v04.map((f) => ('tableId' in f.location ? f.location.tableId : ''))).toEqual([...gov2021.tableModels.keys()]);
    const apply = v04.find((f) => 'tableId' in f.location && f.location.tableId === 'gov-2021.apply')!;
    expect(apply.location).toEqual({ tableId: 'gov-2021.apply', rowId: 'r1_new', colId: 'natural' });
    expect(apply.message).toBe('三、收到和处理政府信息公开申请情况：表中有 144 个单元格未填写，第一个是「一、本年新收政府信息公开申请数量 · 自然人」；请填写数字（没有的填 0）。');
    const review = v04.find((f) => 'tableId' in f.location && f.location.tableId === 'gov-2021.review')!;
    expect(review.message).toContain('有 12 个单元格未填写，第一个是「政府信息公开行政复议、行政诉讼情况 · 行政复议 · 结果维持」');
  });

  it('every 【请填写】 gap of the starter wording is listed, each once', () => {
    const report = blank();
    const gaps = Object.values(report.sections).flatMap((state) => lexicalToPlainText(state).match(/【请填写[^】]*】/g) ?? []);
    expect(gaps.length).toBeGreaterThan(5);
    const c04 = checkReport(gov2021, report).filter((f) => f.ruleId === 'C-04');
    expect(c04.map((f) => f.actual).sort()).toEqual([...gaps].sort());
  });
});
