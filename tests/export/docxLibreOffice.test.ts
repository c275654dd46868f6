import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockLines, buildDocumentModel, paginate, PAGE, type DocTable, type DocumentModel } from '../../src-core/index.js';
import { renderDocx } from '../../src-main/export/docx/renderDocx.js';
import { FontSet } from '../../src-main/export/pdf/fontSet.js';
import { renderPdf } from '../../src-main/export/pdf/renderPdf.js';
import { findSoffice } from '../../src-main/import/convertWithLibreOffice.js';
import { sample, template } from '../helpers.js';
import { exporter, shiftedTables } from './exportHelpers.js';
import { pdfBoxes, pdfFonts, pdfInfo } from './readers.js';

/**
 * The DOCX as LibreOffice lays it out (DOCX → PDF in one `soffice` run for every document here),
 * read back with poppler and compared with our own PDF: the same pages, every table row on the same
 * page, 22 body lines a page, no text lost, the fonts by role.
 */
const SOFFICE = findSoffice();
const now = new Date('2026-01-20T09:00:00+08:00');
const SAMPLES = ['gov-2021', 'gov-2019', 'gov-2008'] as const;
/** Lines before the first table: it starts at the top, in the middle and near the foot of a page. */
const SWEEP = [0, 4, 9, 13, 17, 20];

const modelOf = (id: string): DocumentModel => {
  const report = sample(id);
  return buildDocumentModel(template(report.templateId), report, { draft: false, now });
};

/** The gov-2021 sample with its sections written three times: a long report, its tables on later pages too. */
function longReport(): DocumentModel {
  const base = modelOf('gov-2021');
  const body = base.blocks.slice(1, -1);
  return { ...base, blocks: [base.blocks[0]!, ...body, ...body, ...body, base.blocks.at(-1)!] };
}

interface Case {
  name: string;
  model: DocumentModel;
  /** Our PDF is rendered too (the sweep compares LibreOffice with the pagination the PDF draws). */
  pdf: boolean;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');
const pageTexts = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f').slice(0, -1);

/** A caption or header row (a row of column headings and blanks). */
const headerLike = (table: DocTable, r: number) => table.rows[r]!.cells.every((c) => c.heading === 'col' || c.text === '');

/** The text that identifies a data row on a page: its innermost label's first line, or (a row of numbers only) its numbers in a row. */
function rowMarker(table: DocTable, r: number): string | undefined {
  const cells = table.rows[r]!.cells;
  const label = cells.filter((c) => c.heading === 'row' && c.lines.length > 0).at(-1);
  const values = squeeze(cells.map((c) => c.text).join(''));
  return label ? squeeze(label.lines[0]!) : values.length > 2 ? values : undefined;
}

/**
 * The page (1-based) of each data row of each table, found in reading order through the pages'
 * text (header rows are left out: their words recur in the text around the table). A row without
 * a label of its own takes its previous row's page.
 */
function rowPages(pages: string[], tables: DocTable[]): number[][] {
  const text = pages.map(squeeze);
  let page = 0;
  let offset = 0;
  return tables.map((table) =>
    table.rows.flatMap((_, r) => {
      if (headerLike(table, r)) return [];
      const marker = rowMarker(table, r);
      if (!marker) return [page + 1];
      for (let p = page; p < text.length; p++) {
        const at = text[p]!.indexOf(marker, p === page ? offset : 0);
        if (at >= 0) {
          page = p;
          offset = at + marker.length;
          return [p + 1];
        }
      }
      return [-1];
    }),
  );
}

/** The page's last line of text (above its page number) holds nothing but words of a table's caption or header. */
function endsWithHeader(page: string, tables: DocTable[]): boolean {
  const lines = page.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^—\s*\d+\s*—$/.test(l));
  const words = (lines.at(-1) ?? '').split(/\s+/);
  const headings = tables.flatMap((t) => t.rows.flatMap((_, r) => (headerLike(t, r) ? t.rows[r]!.cells.map((c) => squeeze(c.text)) : [])));
  return words.every((w) => headings.some((h) => h.includes(w)));
}

const tablesOf = (model: DocumentModel) => model.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));

let dir: string;
const cases: Case[] = [];
const pdfOf = (name: string) => join(dir, 'pdf', `${name}.pdf`);
const loPdfOf = (name: string) => join(dir, 'lo', `${name}.pdf`);

describe.skipIf(!SOFFICE)('the DOCX in LibreOffice (skipped: soffice is not installed)', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'drs-lo-docx-'));
    for (const sub of ['docx', 'pdf', 'lo']) mkdirSync(join(dir, sub));
    for (const id of SAMPLES) cases.push({ name: id, model: modelOf(id), pdf: true });
    cases.push({ name: 'long', model: longReport(), pdf: true });
    for (const extra of SWEEP) cases.push({ name: `sweep-${extra}`, model: shiftedTables(modelOf('gov-2021'), extra), pdf: false });
    const fonts = await FontSet.load(exporter.fonts.resolve(), exporter.fonts);
    for (const c of cases) {
      writeFileSync(join(dir, 'docx', `${c.name}.docx`), await renderDocx(c.model));
      if (c.pdf) writeFileSync(pdfOf(c.name), await renderPdf(c.model, fonts));
    }
    // One LibreOffice run converts every document, with a private profile (no clash with an open LibreOffice).
    const docs = cases.map((c) => join(dir, 'docx', `${c.name}.docx`));
    execFileSync(SOFFICE!, ['--headless', '--norestore', `-env:UserInstallation=file:///tmp/lo-${process.pid}`, '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), ...docs], { timeout: 120_000, stdio: 'ignore' });
  }, 180_000);

  afterAll(() => {
    rmSync(`/tmp/lo-${process.pid}`, { recursive: true, force: true });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every table row on the page the pagination gives it, and never ends a page with a header alone, wherever the first table starts', () => {
    for (const extra of SWEEP) {
      const c = cases.find((k) => k.name === `sweep-${extra}`)!;
      const tables = tablesOf(c.model);
      const pagination = paginate(c.model);
      const expected = pagination.blocks.filter((b) => b.table).map((b, t) => b.table!.rows.flatMap((spots, r) => (headerLike(tables[t]!, r) ? [] : [spots[0]!.page + 1])));
      const pages = pageTexts(loPdfOf(c.name));
      expect(rowPages(pages, tables), `first table after ${extra} extra lines`).toEqual(expected);
      expect(pages.length, `first table after ${extra} extra lines`).toBe(pagination.pageCount);
      pages.forEach((page, p) => expect(endsWithHeader(page, tables), `page ${p + 1} ends with a table header (extra ${extra})`).toBe(false));
    }
  });

  it('has 22 body lines on a full body page', () => {
    const c = cases.find((k) => k.name === 'gov-2021')!;
    const pagination = paginate(c.model);
    // A page the pagination fills with body text only (no title, table or signature).
    const full = Array.from({ length: pagination.pageCount }, (_, p) => p).find((p) => {
      const here = pagination.blocks.filter((b) => b.at.some((a) => a.page === p) || b.table?.rows.some((spots) => spots.some((s) => s.page === p)));
      return here.every((b) => !b.table) && pagination.blocks.flatMap((b) => b.at).filter((a) => a.page === p).length === PAGE.linesPerPage && !here.includes(pagination.blocks[0]!);
    });
    expect(full, 'a full body page in the sample').toBeDefined();
    const lineTops = (file: string) => {
      const page = pdfBoxes(file)[full!]!;
      // Body lines are 3号 (boxes over 17 pt high); the page number sits below the type area.
      const bottom = (PAGE.heightMm - PAGE.marginBottomMm) * (72 / 25.4) + 2;
      return new Set(page.lines.filter((l) => l.yMax - l.yMin > 17 && l.yMax < bottom).map((l) => Math.round(l.yMin))).size;
    };
    expect(lineTops(loPdfOf(c.name)), 'LibreOffice').toBe(PAGE.linesPerPage);
    expect(lineTops(pdfOf(c.name)), 'our PDF').toBe(PAGE.linesPerPage);
  });

  it.each([...SAMPLES, 'long'])('%s: the same page count as the PDF, every table row on the same page', (name) => {
    const c = cases.find((k) => k.name === name)!;
    const ours = pageTexts(pdfOf(name));
    const theirs = pageTexts(loPdfOf(name));
    expect(Number(pdfInfo(loPdfOf(name)).Pages)).toBe(Number(pdfInfo(pdfOf(name)).Pages));
    expect(theirs.length).toBe(ours.length);
    const tables = tablesOf(c.model);
    const inPdf = rowPages(ours, tables);
    expect(inPdf.flat(), 'every row found in our PDF').not.toContain(-1);
    expect(rowPages(theirs, tables)).toEqual(inPdf);
  });

  it.each([...SAMPLES, 'long'])('%s: LibreOffice’s text holds every paragraph and heading with all its punctuation', (name) => {
    const c = cases.find((k) => k.name === name)!;
    // Page numbers (— 3 —) stand between a paragraph's lines where it crosses a page.
    const text = squeeze(pageTexts(loPdfOf(name)).join('')).replace(/—\d+—/g, '');
    for (const block of c.model.blocks) {
      if (block.kind === 'table') continue;
      const expected = squeeze(blockLines(block).map((line) => line.map((a) => a.text).join('')).join(''));
      expect(text, `${block.kind}: ${expected.slice(0, 30)}…`).toContain(expected);
    }
  });

  // Here (no 仿宋_GB2312/方正 fonts, fonts-noto-cjk installed) LibreOffice 7.4 sets all CJK text in Noto Sans CJK and Latin in DejaVu Serif.
  it('sets the text in more than one font, Latin digits in a serif', () => {
    const families = pdfFonts(loPdfOf('gov-2021')).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    console.info(`LibreOffice's fonts for the gov-2021 DOCX: ${[...new Set(families)].join(', ')}`);
    expect(new Set(families.map((f) => f.replace(/-.*$/, ''))).size).toBeGreaterThan(1);
    expect(families.some((f) => /Serif|Song|Ming|Times|FangSong|Fangsong/i.test(f))).toBe(true);
  });
});
