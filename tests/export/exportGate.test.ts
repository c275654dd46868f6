import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainBlocksToLexical } from '../../src-core/index.js';
import { addToCell, derive, sample } from '../helpers.js';
import { ARTIFACTS, exportBoth, exporter } from './exportHelpers.js';
import { docxPart, pdfInfo, pdfRawText, renderPages } from './readers.js';

describe('the export gate', () => {
  it('refuses a final export of a report with errors and lists them', async () => {
    const report = sample('gov-2021');
    addToCell(report, 'gov-2021.apply', 'r1_new', 'natural', 1);
    const { result, pdfPath, docxPath } = await exportBoth(report);
    expect(result.status).toBe('blocked');
    if (result.status !== 'blocked') return;
    expect(result.errors.map((e) => e.ruleId)).toContain('P-01');
    expect(existsSync(pdfPath) || existsSync(docxPath)).toBe(false);
  });

  it('exports a draft with 草稿 on every PDF page and in the DOCX header, listing the errors', async () => {
    const report = sample('gov-2021');
    derive((addToCell(report, 'gov-2021.apply', 'r4_carry_out', 'natural', 5), report));
    const { result, pdfPath, docxPath } = await exportBoth(report, { draft: true });
    expect(result).toMatchObject({ status: 'exported', draft: true });
    if (result.status !== 'exported') return;
    expect(result.errors.map((e) => e.ruleId)).toContain('P-01');
    const pages = Number(pdfInfo(pdfPath).Pages);
    for (let page = 1; page <= pages; page++) expect(pdfRawText(pdfPath, page), `page ${page}`).toMatch(/草\s*稿/);
    const headers = ['word/header1.xml', 'word/header2.xml'].map((p) => docxPart(docxPath, p)).join('');
    expect(headers).toContain('草稿');
    renderPages(pdfPath, join(ARTIFACTS, 'export-draft'), 1, 1);
  });

  it('a clean report exports without the draft mark; warnings are listed and never block', async () => {
    const report = sample('gov-2021');
    delete report.meta.phone;
    const { result, pdfPath } = await exportBoth(report);
    expect(result).toMatchObject({ status: 'exported', draft: false });
    if (result.status !== 'exported') return;
    expect(result.warnings.map((w) => w.ruleId)).toContain('C-02');
    expect(pdfRawText(pdfPath)).not.toContain('草稿');
  });

  it('says which fonts stood in for the official ones, in plain words', async () => {
    const { result } = await exportBoth(sample('gov-2021'));
    if (result.status !== 'exported') throw new Error(result.status);
    const official = ['方正小标宋简体', '黑体', '楷体_GB2312', '仿宋_GB2312', '宋体'];
    for (const note of result.notes) expect(note['zh-CN']).toMatch(/^(标题|一级标题|二级标题|正文|页码和表格)未找到(.+)，已使用 .+$/);
    // On a machine without the official fonts every role names its substitute.
    const missingOfficial = official.filter((f) => !exporter.fonts.installedFaces().some((face) => face.families.includes(f)));
    expect(result.notes.length).toBe(missingOfficial.length);
  });
});

describe('every format exports', () => {
  for (const id of ['gov-2021', 'gov-2019', 'gov-2008']) {
    it(`${id}: PDF and DOCX with its headings and tables`, async () => {
      const report = sample(id);
      const { result, pdfPath } = await exportBoth(report);
      expect(result.status).toBe('exported');
      const text = pdfRawText(pdfPath).replace(/\s+/g, '');
      expect(text).toContain(`${report.meta.orgName}${report.meta.year}年政府信息公开工作年度报告`);
      if (id === 'gov-2008') expect(text).toContain('收到政府信息公开申请总数');
      if (id === 'gov-2019') expect(text).toContain('第二十条第（九）项');
      renderPages(pdfPath, join(ARTIFACTS, `export-${id}`), 1, 1);
    }, 120_000);
  }

  it('a 200-page report exports without error', async () => {
    const report = sample('gov-2021');
    report.sections.overview = plainBlocksToLexical(
      Array.from({ length: 1500 }, (_, i) =>
        i % 20 === 0 ? { heading: `（${i / 20 + 1}）第${i / 20 + 1}部分` } : `第${i}段：本年度，我局持续推进政府信息公开工作，完善主动公开目录，规范依申请公开办理流程，加强政务新媒体管理，主动回应社会关切。`,
      ),
    );
    const started = performance.now();
    const { result, pdfPath } = await exportBoth(report);
    expect(result.status).toBe('exported');
    expect(Number(pdfInfo(pdfPath).Pages)).toBeGreaterThanOrEqual(200);
    console.log(`200-page export: ${pdfInfo(pdfPath).Pages} pages in ${Math.round(performance.now() - started)} ms (DOCX + PDF)`);
  }, 300_000);
});
