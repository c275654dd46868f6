import { describe, expect, it } from 'vitest';
import { applyFactsChange, createReport, lexicalToPlainText, plainBlocksToLexical } from '../../src-core/index.js';
import { template } from '../helpers.js';

const meta = { orgName: '甲县公安局', year: 2025, unitType: 'department' as const, hasRulemakingPower: false, website: 'http://a.example.gov.cn', signatureOrg: '甲县公安局' };

describe('standard wording follows the report facts', () => {
  it('rewrites untouched starter paragraphs with the new facts, and the signing agency with the name', () => {
    const t = template('gov-2021');
    const report = createReport(t, meta, new Date('2026-01-01T00:00:00Z'));
    const next = { ...meta, orgName: '乙县公安局', website: 'http://b.example.gov.cn' };
    const changed = applyFactsChange(t, { ...report, meta: next }, meta, next);
    const preamble = lexicalToPlainText(changed.sections.preamble);
    expect(preamble).toContain('乙县公安局编制了2025年政府信息公开工作年度报告');
    expect(preamble).toContain('http://b.example.gov.cn');
    expect(preamble).not.toContain('甲县公安局');
    expect(lexicalToPlainText(changed.sections.overview)).toContain('2025年，乙县公安局');
    expect(changed.meta.signatureOrg).toBe('乙县公安局');
  });

  it('leaves wording the user edited by hand alone', () => {
    const t = template('gov-2021');
    const report = createReport(t, meta, new Date('2026-01-01T00:00:00Z'));
    report.sections.preamble = plainBlocksToLexical(['根据《条例》，甲县公安局自行编写的引言。']);
    const next = { ...meta, orgName: '乙县公安局', signatureOrg: '甲县公安局办公室' };
    const changed = applyFactsChange(t, { ...report, meta: next }, { ...meta, signatureOrg: '甲县公安局办公室' }, next);
    expect(lexicalToPlainText(changed.sections.preamble)).toBe('根据《条例》，甲县公安局自行编写的引言。');
    expect(changed.meta.signatureOrg).toBe('甲县公安局办公室');
  });
});
