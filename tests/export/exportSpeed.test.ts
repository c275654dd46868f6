import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { FontResolver } from '../../src-main/export/fonts/FontResolver.js';
import { Exporter } from '../../src-main/export/Exporter.js';
import { FontSet } from '../../src-main/export/pdf/fontSet.js';
import { renderPdf } from '../../src-main/export/pdf/renderPdf.js';
import { drawGlyphRun, drawText, type PlacedText } from '../../src-main/export/pdf/glyphRun.js';
import { buildDocumentModel } from '../../src-core/index.js';
import { sample, template } from '../helpers.js';

const bundled = new FontResolver({ installedFaces: () => [] }).bundled;
/** A resolver that sees only these installed faces (no scan of the machine). */
const withInstalled = (...faces: { family: string; file: string }[]) =>
  new FontResolver({ bundled, installedFaces: () => faces.map((f) => ({ file: f.file, postscriptName: '', families: [f.family], bold: false })) });

describe('font strategy', () => {
  it('uses the bundled TrueType cut in place of an installed Noto CJK collection, without opening the collection', () => {
    const resolver = withInstalled({ family: 'Noto Serif CJK SC', file: '/nonexistent/NotoSerifCJK-Regular.ttc' }, { family: 'Noto Sans CJK SC', file: '/nonexistent/NotoSansCJK-Regular.ttc' });
    const { faces, substitutions } = resolver.resolve();
    expect(faces.song).toMatchObject({ file: bundled.serif, family: 'Noto Serif SC', source: 'bundled' });
    expect(faces.hei).toMatchObject({ file: bundled.sans, family: 'Noto Sans SC' });
    expect(faces.xiaobiaosong).toMatchObject({ file: bundled.serifBold, family: 'Noto Serif SC Bold' });
    expect(resolver.parsedCount).toBe(0);
    expect(substitutions.map((s) => s['zh-CN'])).toContain('页码和表格未找到宋体，已使用 Noto Serif SC');
  });

  it('still prefers an installed official font, in the role order, with no note for it', () => {
    const resolver = withInstalled({ family: 'Noto Serif CJK SC', file: '/nonexistent/NotoSerifCJK-Regular.ttc' }, { family: '宋体', file: bundled.sans });
    const { faces, substitutions } = resolver.resolve();
    expect(faces.song).toMatchObject({ family: '宋体', file: bundled.sans, source: 'system' });
    expect(substitutions.some((s) => s['zh-CN'].startsWith('页码和表格'))).toBe(false);
  });

  it('registers each font once however many roles share it', async () => {
    const resolver = new FontResolver({ bundled, installedFaces: () => [] });
    const fonts = await FontSet.load(resolver.resolve(), resolver);
    // Five roles and two fallbacks, drawn with three files: serif, serif bold, sans.
    expect(fonts.all().map((f) => f.key).sort()).toEqual([bundled.sans, bundled.serif, bundled.serifBold].map((f) => `${f}#`).sort());
    expect(fonts.role('kai')).toBe(fonts.role('fangsong'));
  });
});

describe('text runs', () => {
  /** The content stream of one page with `draw` on it, uncompressed. */
  async function pageContent(draw: (doc: PDFKit.PDFDocument, fonts: FontSet) => void): Promise<string> {
    const resolver = new FontResolver({ bundled, installedFaces: () => [] });
    const fonts = await FontSet.load(resolver.resolve(), resolver);
    const doc = new PDFDocument({ size: 'A4', margin: 0, compress: false });
    for (const font of fonts.all()) doc.registerFont(font.key, font.font as never);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => doc.on('end', resolve));
    draw(doc, fonts);
    doc.end();
    await done;
    return Buffer.concat(chunks).toString('latin1');
  }

  it('puts every glyph where one text() call per piece would, in a single text object', async () => {
    // Plain CJK (no shaping), Latin with kerning ("AV"), digits and a gap between pieces.
    const pieces: PlacedText[] = [
      { text: '政', x: 100 },
      { text: '府', x: 116 },
      { text: 'AVATAR', x: 140 },
      { text: '2025', x: 200.5 },
      { text: '。', x: 240 },
    ];
    const glyphs = (content: string) => [...content.matchAll(/\[(.*)\] TJ/g)].flatMap((tj) => [...tj[1]!.matchAll(/<([0-9a-f]+)>/g)].map((m) => m[1])).join('');
    const run = await pageContent((doc, fonts) => drawGlyphRun(doc, fonts.role('fangsong'), 16, false, 300, pieces));
    const oneByOne = await pageContent((doc, fonts) => pieces.forEach((p) => drawText(doc, fonts.role('fangsong'), p.text, p.x, 300, 16, false)));
    expect(run.match(/\bBT\b/g)).toHaveLength(1);
    expect(oneByOne.match(/\bBT\b/g)).toHaveLength(pieces.length);
    expect(glyphs(run)).toBe(glyphs(oneByOne));
    // The x of each piece, replayed from the TJ array, matches the x each text() call was given.
    const [, tm, tj] = /1 0 0 1 ([\d.]+) [\d.]+ Tm\n\/F\d+ 16 Tf\n\[(.*)\] TJ/.exec(run)!;
    const widths = await glyphWidths();
    let x = Number(tm);
    const starts: number[] = [];
    for (const token of tj!.match(/<[0-9a-f]+>|-?[\d.]+/g)!) {
      if (token.startsWith('<')) {
        for (let i = 1; i < token.length - 1; i += 4) {
          if (starts.length < 16) starts.push(x);
          x += (widths.get(token.slice(i, i + 4)) ?? 0) * 0.016;
        }
      } else x -= Number(token) * 0.016;
    }
    const pieceStarts = [0, 1, 2, 8, 12].map((glyphIndex) => starts[glyphIndex]!);
    pieceStarts.forEach((start, i) => expect(start).toBeCloseTo(pieces[i]!.x, 4));

    async function glyphWidths(): Promise<Map<string, number>> {
      const widthsOut = new Map<string, number>();
      await pageContent((doc, fonts) => {
        drawGlyphRun(doc, fonts.role('fangsong'), 16, false, 300, pieces);
        const internal = (doc as unknown as { _font: { widths: number[] } })._font;
        internal.widths.forEach((w, gid) => widthsOut.set(gid.toString(16).padStart(4, '0'), w));
      });
      return widthsOut;
    }
  });
});

describe('long reports', () => {
  it('draws each page once it is complete instead of laying out the whole report first', async () => {
    const base = buildDocumentModel(template('gov-2021'), sample('gov-2021'), { draft: false, now: new Date('2026-01-02') });
    const body = base.blocks.slice(1, -1);
    const model = { ...base, blocks: [base.blocks[0]!, ...Array.from({ length: 6 }, () => body).flat(), base.blocks.at(-1)!] };
    const resolver = new FontResolver({ bundled, installedFaces: () => [] });
    const fonts = await FontSet.load(resolver.resolve(), resolver);
    // Laying a line out picks the font of each character: count those picks as the layout's progress.
    let picks = 0;
    const fontFor = fonts.fontFor.bind(fonts);
    fonts.fontFor = (role, text) => (picks++, fontFor(role, text));
    let picksAtFirstPage = 0;
    let pages = 0;
    await renderPdf(model, fonts, (done, total) => {
      if (done === 1) picksAtFirstPage = picks;
      pages = total;
    });
    expect(pages).toBeGreaterThan(20);
    // Page 1 is drawn (and its steps let go) after about one page's layout, not the whole report's.
    expect(picksAtFirstPage).toBeLessThan(picks / 10);
  });
});

describe('warm-up', () => {
  it('parses the fonts and runs the layout once, so the first export parses nothing new and writes nothing extra', async () => {
    const exporter = new Exporter(new FontResolver({ bundled, installedFaces: () => [] }));
    expect(exporter.fonts.parsedCount).toBe(0);
    await exporter.warmUp(template('gov-2021'));
    const parsed = exporter.fonts.parsedCount;
    expect(parsed).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'drs-warm-'));
    const result = await exporter.exportReport({ report: sample('gov-2021'), template: template('gov-2021'), pdfPath: join(dir, 'r.pdf'), draft: false });
    expect(result.status).toBe('exported');
    expect(exporter.fonts.parsedCount).toBe(parsed);
  });
});
