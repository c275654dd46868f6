import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkReport, deriveComputedCells, lexicalToPlainText, recognizeReport, sourceFromText, type ImportResult, type Report } from '../../src-core/index.js';
import { findSoffice } from '../../src-main/import/convertWithLibreOffice.js';
import { importFile } from '../../src-main/import/importFile.js';
import { readSourceFile } from '../../src-main/import/readSourceFile.js';
import { exporter } from '../export/exportHelpers.js';
import { HONGZE } from '../fixtures/hongzeTables.js';
import { unaccounted } from '../fixtures/importAccounting.js';
import { ROOT, SHARED_DIR, sample, template, templates } from '../helpers.js';

/** Real inputs on the import road the app and `drs import` take (importFile): readers, then recognition. */
const REFERENCE = join(SHARED_DIR, 'reference-reports');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const SOFFICE = findSoffice();
const NOW = new Date('2025-02-01T00:00:00Z');

async function imported(path: string): Promise<Extract<ImportResult, { ok: true }>> {
  const result = await importFile(path, templates);
  if (!result.ok) throw new Error(`${path}: ${result.message.en}`);
  return result;
}

const plain = (report: Report, sectionId: string) => lexicalToPlainText(report.sections[sectionId]);
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe.skipIf(!SOFFICE)('a Word file made by an office suite (LibreOffice, from a web page with merged header cells)', () => {
  it('gives back every cell of the four tables, every section text, the facts, and nothing unplaced', async () => {
    const original = sample('gov-2021');
    const dir = mkdtempSync(join(tmpdir(), 'drs-import-word-'));
    const page = join(dir, 'report.html');
    expect((await exporter.exportReport({ report: original, template: template('gov-2021'), htmlPath: page, draft: false, now: NOW })).status).toBe('exported');
    execFileSync(SOFFICE!, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, page], { timeout: 120_000, stdio: 'ignore' });

    const { report, importReport } = await imported(join(dir, 'report.docx'));
    expect(report.templateId).toBe('gov-2021');
    expect(report.meta).toMatchObject({ orgName: original.meta.orgName, year: original.meta.year, signatureDate: original.meta.signatureDate });
    for (const [tableId, rows] of Object.entries(deriveComputedCells(template('gov-2021'), original.tables))) expect(report.tables[tableId], tableId).toEqual(rows);
    for (const section of template('gov-2021').sections) expect(squeeze(plain(report, section.id)), section.id).toBe(squeeze(plain(original, section.id)));
    expect(importReport.unplaced).toEqual([]);
    expect(importReport.missingCells).toEqual([]);
  }, 180_000);
});

describe('a report page saved from a government website, in GBK, with its chrome', () => {
  const page = (async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'drs-import-page-')), '南河县2023年报.html');
    writeFileSync(path, iconv.encode(readFileSync(join(FIXTURES, 'import', 'gov-page.utf8.html'), 'utf8'), 'gbk'));
    return imported(path);
  })();

  it('puts the text in its sections and the 表三 rows the page prints in their cells; the rest is listed missing', async () => {
    const { report, importReport } = await page;
    expect(report.meta).toMatchObject({ orgName: '南河县人民政府', year: 2023, unitType: 'people_government' });
    expect(plain(report, 'preamble')).toBe('本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）编制，全文包括总体情况、主动公开政府信息情况等部分。');
    expect(plain(report, 'overview')).toBe('2023年，南河县人民政府坚持以习近平新时代中国特色社会主义思想为指导，全年主动公开政府信息2356条。\n（一）主动公开\n依托政府门户网站发布政策文件47件。\n开展政策解读12次。');
    expect(importReport.sections.find((s) => s.sectionId === 'apply')?.sourceHeading).toBe('三、收到和处理政府信息公开申请情况');
    expect(report.tables['gov-2021.apply']?.r1_new).toEqual({ natural: 12, commercial: 3, research: 0, public_welfare: 0, legal_service: 1, other_org: 0, total: 16 });
    expect(report.tables['gov-2021.apply']?.r2_carried_in).toEqual({ natural: 2, commercial: 0, research: 0, public_welfare: 0, legal_service: 0, other_org: 0, total: 2 });
    expect(importReport.missingCells.filter((m) => m.tableId === 'gov-2021.apply' && m.rowId.startsWith('r1'))).toEqual([]);
    expect(importReport.missingCells.some((m) => m.tableId === 'gov-2021.apply' && m.rowId === 'r4_carry_out')).toBe(true);
    expect(importReport.unplaced).toEqual([]);
  });

  it('notes the charset, and none of the page chrome is in the report', async () => {
    const { report, importReport } = await page;
    expect(importReport.assumptions.map((a) => a.en).join('\n')).toMatch(/GB2312/);
    const text = Object.keys(report.sections).map((id) => plain(report, id)).join('\n');
    for (const chrome of ['首页', '当前位置', '索引号', '字体', '语音播报', '分享到', '打印', '关闭窗口', '相关链接', '主办单位']) expect(text, chrome).not.toContain(chrome);
  });
});

describe('a copy that stops in the middle of 表三', () => {
  const full = readFileSync(join(FIXTURES, 'import-text', 'hongze-gov-2023.txt'), 'utf8').split('\n');
  const cut = full.findIndex((line) => line.includes('1.本机关不掌握相关政府信息'));
  const result = (async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'drs-import-cut-')), 'hongze-cut.txt');
    writeFileSync(path, full.slice(0, cut + 1).join('\n'));
    return imported(path);
  })();

  it('imports what is there, cell for cell, and lists every cell after the cut as missing', async () => {
    const { report, importReport } = await result;
    expect(report.tables['gov-2021.active']).toEqual(HONGZE[2023].active);
    const apply = HONGZE[2023].apply;
    const present = ['r1_new', 'r2_carried_in', 'r3_1_open', 'r3_2_partial', 'r3_3_1', 'r3_3_2', 'r3_3_3', 'r3_3_4', 'r3_3_5', 'r3_3_6', 'r3_3_7', 'r3_3_8', 'r3_4_1'];
    for (const rowId of present) expect(report.tables['gov-2021.apply']?.[rowId], rowId).toEqual(apply[rowId]);
    const missingRows = new Set(importReport.missingCells.filter((m) => m.tableId === 'gov-2021.apply').map((m) => m.rowId));
    expect([...missingRows].sort()).toEqual(Object.keys(apply).filter((rowId) => !present.includes(rowId)).sort());
    expect(importReport.missingCells.filter((m) => m.tableId === 'gov-2021.review')).toHaveLength(15);
    expect(importReport.unplaced).toEqual([]);
  });

  it('runs the checks on what it has: the missing sections and the blank cells are found', async () => {
    const { report } = await result;
    const findings = checkReport(template('gov-2021'), report);
    const at = (f: (typeof findings)[number]) => ('sectionId' in f.location ? f.location.sectionId : 'tableId' in f.location ? `${f.location.tableId}/${f.location.rowId}` : '');
    const found = findings.map((f) => `${f.ruleId} ${at(f)}`);
    // Blank cells are one finding per table, at its first blank cell: 表三 is cut after r3_4_1.
    expect(found).toEqual(expect.arrayContaining(['C-01 problems', 'C-01 other', 'V-04 gov-2021.apply/r3_4_2', 'V-04 gov-2021.review/count']));
    const blanks = findings.find((f) => f.ruleId === 'V-04' && 'tableId' in f.location && f.location.tableId === 'gov-2021.apply');
    expect(blanks?.message).toMatch(/表中有 (\d{2,}) 个单元格未填写/);
  });
});

describe('seeds 004 and 002 on the road `drs import` takes', () => {
  /** The same text given to recognition directly: the file road must add only its reading (decoding) to it. */
  const direct = (path: string) => recognizeReport(sourceFromText(readFileSync(path, 'utf8'), path.split('/').at(-1)!), templates, { now: NOW });

  it('seed 004: six sections, converted from traditional characters and noted, as recognition reads the text', async () => {
    const path = join(REFERENCE, '004_4d7b91a10315bc31.txt');
    const { report, importReport } = await imported(path);
    expect(importReport.sections.filter((s) => s.sourceHeading !== null).map((s) => s.sectionId)).toEqual(['overview', 'active', 'apply', 'review', 'problems', 'other']);
    expect(importReport.assumptions.map((a) => a['zh-CN'])).toContain('原文含繁体字，已转换为简体');
    expect(Object.keys(report.sections).map((id) => plain(report, id)).join('')).not.toMatch(/[們這個現關區與為開]/);
    const reference = direct(path);
    if (!reference.ok) throw new Error(reference.message.en);
    expect(report.sections).toEqual(reference.report.sections);
    expect(unaccounted(readFileSync(path, 'utf8'), { ok: true, report, importReport })).toEqual([]);
  });

  it('seed 002: the merged gov-2008 outline, the chrome removed, nothing lost', async () => {
    const path = join(REFERENCE, '002_fa40b4f9f2c43c8b.txt');
    const { report, importReport } = await imported(path);
    expect(report.templateId).toBe('gov-2008');
    expect(report.meta).toMatchObject({ orgName: '安康市公安局', year: 2015 });
    expect(importReport.sections.map((s) => s.sectionId)).toEqual(['preamble', 'overview', 'active', 'problems']);
    expect(report.outline?.headings?.active).toMatch(/^二、主动和依申请公开政府信息/);
    expect(importReport.removed.map((r) => r.text)).toEqual(expect.arrayContaining(['扫一扫在手机打开当前页', '点击我为您语音播报']));
    expect(unaccounted(readFileSync(path, 'utf8'), { ok: true, report, importReport })).toEqual([]);
  });
});

/**
 * pdfjs (5.6) drops glyphs of the label stacked one character per line in 表三's merged cell
 * ("三、本年度办理结果"; Identity-V font, flipped text matrix); poppler reads them. A table label, no number.
 */
const PDFJS_DROPS: Record<2023 | 2024, string[]> = { 2023: ['度×1', '办×1', '理×1', '结×1', '果×1'], 2024: ['年×1', '度×1', '办×1', '理×1', '结×1', '果×1'] };

describe.each([2023, 2024] as const)('the published 洪泽区 %i PDF', (year) => {
  const pdf = join(REFERENCE, 'published', `hongze-gov-${year}.pdf`);

  it('loses no character the PDF reader gives: every one is in a section, a cell, unplaced or removed', async () => {
    const read = await readSourceFile(pdf);
    if (!read.ok) throw new Error(read.message.en);
    const laidOut = read.source.blocks.map((b) => (b.kind === 'line' ? b.cells.join('  ') : b.kind === 'paragraph' ? b.text : '')).join('\n');
    const result = await imported(pdf);
    expect(unaccounted(laidOut, result)).toEqual([]);
    expect(result.report.tables['gov-2021.apply']).toEqual(HONGZE[year].apply);
  }, 60_000);

  it('against poppler’s reading of the text layer, misses only the glyphs pdfjs drops', async () => {
    const result = await imported(pdf);
    expect(unaccounted(readFileSync(join(REFERENCE, 'published', `hongze-gov-${year}.txt`), 'utf8'), result)).toEqual(PDFJS_DROPS[year]);
  }, 60_000);
});
