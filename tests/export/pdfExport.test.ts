import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellText, HANGING_PUNCTUATION, NO_LINE_END, NO_LINE_START, PAGE, MM_TO_PT, type Report } from '../../src-core/index.js';
import { sample, template } from '../helpers.js';
import { ARTIFACTS, exportBoth } from './exportHelpers.js';
import { pdfBoxes, pdfFonts, pdfInfo, pdfRawText, renderPages, type PdfPage, type Word } from './readers.js';

let report: Report;
let pdfPath: string;
let pages: PdfPage[];

beforeAll(async () => {
  report = sample('gov-2021');
  const exported = await exportBoth(report, { name: '青川县公安局2025年政府信息公开工作年度报告' });
  expect(exported.result.status).toBe('exported');
  pdfPath = exported.pdfPath;
  pages = pdfBoxes(pdfPath);
}, 120_000);

// poppler boxes: 5号 table text is about 15 pt high, 3号 body text about 23 pt, 4号 page numbers about 20 pt.
const isTableText = (w: Word) => w.yMax - w.yMin < 17;
const isNumber = (w: Word) => /^(-?\d+(\.\d+)?|\/)$/.test(w.text);

/** The numbers printed on a table row, found by position to the right of its (possibly wrapped) label. */
function numbersBeside(label: string): string[] | undefined {
  for (const page of pages) {
    const words = page.words.filter((w) => isTableText(w) && !isNumber(w)).sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
    for (let i = 0; i < words.length; i++) {
      const first = words[i]!;
      if (!label.startsWith(first.text)) continue;
      const parts = [first];
      let joined = first.text;
      for (let j = i + 1; j < words.length && joined.length < label.length; j++) {
        const next = words[j]!;
        if (Math.abs(next.xMin - first.xMin) < 1.5 && next.yMin > parts.at(-1)!.yMin && label.startsWith(joined + next.text)) {
          parts.push(next);
          joined += next.text;
        }
      }
      if (joined !== label) continue;
      const top = first.yMin;
      const bottom = parts.at(-1)!.yMax;
      const right = Math.max(...parts.map((w) => w.xMax));
      return page.words
        .filter((w) => isTableText(w) && isNumber(w) && w.xMin > right && (w.yMin + w.yMax) / 2 > top - 1 && (w.yMin + w.yMax) / 2 < bottom + 1)
        .sort((a, b) => a.xMin - b.xMin)
        .map((w) => w.text);
    }
  }
  return undefined;
}

/** Width of a line in full-width characters: Latin letters and digits count half. */
const units = (text: string) => [...text.replace(/\s/g, '')].reduce((n, ch) => n + (/[\x21-\x7e]/.test(ch) ? 0.5 : 1), 0);

describe('the PDF export of the gov-2021 sample, read back with poppler', () => {
  it('holds the title, every mandated heading and every table label verbatim', () => {
    const text = pdfRawText(pdfPath).replace(/\s+/g, '');
    expect(text).toContain('青川县公安局2025年政府信息公开工作年度报告');
    for (const section of template('gov-2021').sections) if (section.heading) expect(text).toContain(section.heading);
    for (const model of template('gov-2021').tableModels.values()) {
      for (const block of model.def.blocks) {
        for (const label of [block.caption, ...block.header.map((h) => h.text), ...block.rows.map((r) => r.label)]) if (label) expect(text, label).toContain(label);
      }
    }
  });

  it('prints each number on its own row, in column order', () => {
    for (const id of ['gov-2021.active', 'gov-2021.apply']) {
      const model = template('gov-2021').tableModels.get(id)!;
      for (const line of model.lines) {
        if (!line.row.label) continue;
        const expected = line.block.columns.filter((c) => c.kind === 'input' || c.kind === 'computed').map((c) => cellText(model, line.row.id, c.id, report));
        expect(numbersBeside(line.row.label), `${id} ${line.row.label}`).toEqual(expected);
      }
    }
    const review = template('gov-2021').tableModels.get('gov-2021.review')!;
    const values = review.dataColumnIds().map((c) => cellText(review, 'count', c, report));
    // The review table has no row label: its one row is the 15 numbers side by side on one baseline.
    const rows = pages.flatMap((p) => {
      const byY = new Map<number, Word[]>();
      for (const w of p.words.filter((w) => isTableText(w) && isNumber(w))) byY.set(Math.round(w.yMin), [...(byY.get(Math.round(w.yMin)) ?? []), w]);
      return [...byY.values()].map((ws) => ws.sort((a, b) => a.xMin - b.xMin).map((w) => w.text));
    });
    expect(rows).toContainEqual(values);
  });

  it('embeds every font as a subset', () => {
    const fonts = pdfFonts(pdfPath);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font, font.name).toMatchObject({ embedded: true, subset: true });
  });

  it('is A4 with the report’s metadata', () => {
    const info = pdfInfo(pdfPath);
    expect(info['Page size']).toContain('595.28 x 841.89');
    expect(info.Title).toBe('青川县公安局2025年政府信息公开工作年度报告');
    expect(info.Author).toBe('青川县公安局');
    expect(info.Subject).toBe('2025年政府信息公开工作年度报告');
    expect(info.Keywords).toContain('政府信息公开');
    expect(info.CreationDate).toMatch(/^2026-01-20T01:00:00/);
  });

  it('numbers every page "— N —" on the outer side, odd right and even left', () => {
    expect(pages.length).toBeGreaterThan(3);
    const typeRight = (PAGE.marginLeftMm + PAGE.typeWidthMm) * MM_TO_PT;
    const typeLeft = PAGE.marginLeftMm * MM_TO_PT;
    const typeBottom = (PAGE.marginTopMm + PAGE.typeHeightMm) * MM_TO_PT;
    pages.forEach((page, i) => {
      const below = page.lines.filter((l) => l.yMin > typeBottom);
      expect(below.map((l) => l.text.replace(/\s/g, '')), `page ${i + 1}`).toEqual([`—${i + 1}—`]);
      const [number] = below;
      if ((i + 1) % 2 === 1) expect(typeRight - number!.xMax).toBeLessThan(20);
      else expect(number!.xMin - typeLeft).toBeLessThan(20);
    });
  });

  it('sets body text on the 28-character line and breaks no line before closing or after opening punctuation', () => {
    const body = pages.flatMap((p) => p.lines).filter((l) => l.yMax - l.yMin > 21 && l.yMax - l.yMin < 25);
    expect(body.length).toBeGreaterThan(100);
    const full = body.filter((l) => units(l.text) >= 26);
    expect(full.length).toBeGreaterThan(50);
    // A comma or stop at a line's end hangs past the 28 characters (as Word and LibreOffice set it).
    const hanging = full.filter((l) => HANGING_PUNCTUATION.has(l.text.trim().at(-1) ?? ''));
    expect(hanging.length).toBeGreaterThan(0);
    for (const line of full) expect(units(line.text) - (hanging.includes(line) ? 1 : 0), line.text).toBeLessThanOrEqual(28.5);
    for (const line of body) {
      const text = line.text.replace(/\s/g, '');
      expect(NO_LINE_START.has(text[0] ?? ''), `starts with closing punctuation: ${text}`).toBe(false);
      expect(NO_LINE_END.has(text.at(-1) ?? ''), `ends with opening punctuation: ${text}`).toBe(false);
    }
  });

  it('repeats the header rows of the requests table on each page it spans', () => {
    const headerPages = pages.filter((p) => p.lines.some((l) => l.text.replace(/\s/g, '').startsWith('（本列数据的勾稽关系为')));
    const tablePages = pages.filter((p) => p.lines.some((l) => /^(一、本年新收|四、结转下年度|（七）总计)/.test(l.text.replace(/\s/g, ''))));
    expect(tablePages.length).toBeGreaterThanOrEqual(1);
    for (const page of tablePages) expect(headerPages).toContain(page);
  });

  it('renders the first page and the table pages for people to look at', () => {
    renderPages(pdfPath, join(ARTIFACTS, 'export-gov-2021'), 1, pages.length);
    expect(existsSync(join(ARTIFACTS, `export-gov-2021-${String(1).padStart(String(pages.length).length, '0')}.png`))).toBe(true);
  });
});
