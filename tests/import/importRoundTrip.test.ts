import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveComputedCells, lexicalToPlainText, type Report } from '../../src-core/index.js';
import { importFile } from '../../src-main/import/importFile.js';
import { exportBoth, exporter } from '../export/exportHelpers.js';
import { sample, template, templates } from '../helpers.js';

/** The text a reader compares: no spaces or line breaks (the page layout adds and removes them). */
const squeeze = (text: string) => text.replace(/\s+/g, '');

function sectionTexts(report: Report): Record<string, string> {
  return Object.fromEntries(Object.entries(report.sections).map(([id, state]) => [id, squeeze(lexicalToPlainText(state))]));
}

/** Our DOCX and PDF, the web page, and the PDF's text as a user pastes it (poppler's `pdftotext -layout`). */
async function exportAll(report: Report, name: string): Promise<Record<'docx' | 'pdf' | 'html' | 'pasted text', string>> {
  const { docxPath, pdfPath, dir } = await exportBoth(report, { name });
  const htmlPath = join(dir, `${name}.html`);
  const html = await exporter.exportReport({ report, template: template(report.templateId), htmlPath, draft: false, now: new Date('2026-01-20T09:00:00+08:00') });
  if (html.status !== 'exported') throw new Error(`HTML export ${html.status}`);
  const textPath = join(dir, `${name}.txt`);
  execFileSync('pdftotext', ['-layout', pdfPath, textPath]);
  return { docx: docxPath, pdf: pdfPath, html: htmlPath, 'pasted text': textPath };
}

describe.each(['gov-2021', 'gov-2019', 'gov-2008'])('our own %s export, imported again', (templateId) => {
  const original = sample(templateId);
  const expectedTables = deriveComputedCells(template(templateId), original.tables);
  const exported = exportAll(original, templateId);

  it.each(['docx', 'pdf', 'html', 'pasted text'] as const)('%s gives back the format, the facts, every section text and every cell', async (format) => {
    const result = await importFile((await exported)[format], templates);
    if (!result.ok) throw new Error(result.message.en);
    const { report, importReport } = result;
    expect(report.templateId).toBe(templateId);
    const { orgName, year, signatureOrg, signatureDate } = original.meta;
    expect(report.meta).toMatchObject({ orgName, year, signatureOrg, signatureDate });
    expect(sectionTexts(report)).toEqual(sectionTexts(original));
    for (const [tableId, rows] of Object.entries(expectedTables)) expect(report.tables[tableId], tableId).toEqual(rows);
    expect(report.cellUnits).toEqual(original.cellUnits);
    expect(importReport.unplaced).toEqual([]);
    expect(importReport.missingCells).toEqual([]);
    // Our labels are the format's own: read from real table cells, no row is read as another ("原表行名…按格式的…读取").
    if (format === 'docx' || format === 'html') expect(importReport.assumptions.map((a) => a['zh-CN']).filter((a) => a.startsWith('原表行名'))).toEqual([]);
    // The title, the signature and the unit notes are the export's own printing: listed as removed, never in the text.
    const removed = importReport.removed.map((r) => squeeze(r.text));
    expect(removed).toEqual(expect.arrayContaining([signatureOrg, expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日$/)]));
    for (const units of Object.values(original.cellUnits ?? {})) {
      for (const unit of Object.values(units).flatMap((cols) => Object.values(cols))) expect(removed.some((text) => text.startsWith('注：') && text.includes(`单位为${unit}`))).toBe(true);
    }
  }, 60_000);
});

describe('a draft export (草稿 across every PDF page, the note above the web page), imported again', () => {
  const original = sample('gov-2019');
  const exported = (async () => {
    const { docxPath, pdfPath, dir } = await exportBoth(original, { name: 'draft', draft: true });
    const htmlPath = join(dir, 'draft.html');
    await exporter.exportReport({ report: original, template: template('gov-2019'), htmlPath, draft: true });
    return { docx: docxPath, pdf: pdfPath, html: htmlPath, 'web page body': htmlPath.replace(/\.html$/, '.body.html') };
  })();

  it.each(['docx', 'pdf', 'html', 'web page body'] as const)('%s: the draft marking is listed as removed, never in the text or a table', async (format) => {
    const result = await importFile((await exported)[format], templates);
    if (!result.ok) throw new Error(result.message.en);
    expect(sectionTexts(result.report)).toEqual(sectionTexts(original));
    expect(result.report.tables).toEqual(deriveComputedCells(template('gov-2019'), original.tables));
    expect(result.importReport.unplaced).toEqual([]);
    if (format !== 'docx') expect(result.importReport.removed.map((r) => r.text)).toContain(format === 'pdf' ? '草稿' : '草稿（未通过检查，不得发布）');
  }, 60_000);
});
