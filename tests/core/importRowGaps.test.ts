import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recognizeReport, sourceFromText } from '../../src-core/index.js';
import { HONGZE } from '../fixtures/hongzeTables.js';
import { ROOT, templates } from '../helpers.js';

const TEXT = readFileSync(`${ROOT}tests/fixtures/import-text/hongze-gov-2024.txt`, 'utf8');
const NOW = new Date('2025-02-01T00:00:00Z');

function importText(text: string) {
  const result = recognizeReport(sourceFromText(text, 'hongze-2024.txt'), templates, { now: NOW });
  if (!result.ok) throw new Error(result.message.en);
  return result;
}

describe('a row whose label the layout scattered', () => {
  it('between two recognised rows, its numbers take the one row left in between, and the import says so', () => {
    // A merged group label printed one character per line can leave a row with a fragment of it as its only label.
    const scattered = TEXT.replace('3.补正后申请内容仍不明确', '理结果');
    expect(scattered).not.toBe(TEXT);
    const { report, importReport } = importText(scattered);
    expect(report.tables['gov-2021.apply']!.r3_4_3).toEqual(HONGZE[2024].apply.r3_4_3);
    expect(importReport.unplaced).toEqual([]);
    expect(importReport.assumptions.map((a) => a['zh-CN'])).toContain('原表行名“理结果”按格式的“3.补正后申请内容仍不明确”读取');
  });

  it('is not guessed when the count of numbers does not fit the row: the numbers are listed as unplaced', () => {
    const short = TEXT.replace(/3\.补正后申请内容仍不明确(\s+)0(\s+)0/, '理结果$1$2');
    expect(short).not.toBe(TEXT);
    const { report, importReport } = importText(short);
    expect(Object.values(report.tables['gov-2021.apply']!.r3_4_3 ?? {}).every((v) => v === null)).toBe(true);
    expect(importReport.unplaced.some((u) => u.kind === 'number')).toBe(true);
  });
});
