import type PDFDocument from 'pdfkit';
import { isPlainCjk, type PdfFont } from './fontSet.js';
import { GlyphMetrics } from './glyphMetrics.js';

type Doc = InstanceType<typeof PDFDocument>;

/** One piece of text (a layout atom) and the x where its first glyph starts, in points. */
export interface PlacedText {
  text: string;
  x: number;
}

/** A glyph as pdfkit's layout gives it, in thousandths of an em. */
interface GlyphPosition {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

/**
 * The parts of pdfkit 0.20's embedded font and document that `text()` itself uses (pinned in
 * package.json). Writing a whole run in one text object through them skips `text()`'s per-call
 * line-wrapping machinery; the glyphs, subset and widths are exactly those `text()` would produce.
 */
interface EmbeddedFont {
  id: string;
  scale: number;
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
  encode(text: string): [string[], GlyphPosition[]];
}
interface DocInternals {
  _font: EmbeddedFont;
  page: { height: number; fonts: Record<string, unknown> };
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
const hex4 = (gid: number) => gid.toString(16).padStart(4, '0');

/** A plain CJK character needs no shaping: its glyph is the cmap's. */
function encodePlainCjk(font: EmbeddedFont, fontkitFont: PdfFont['font'], text: string): [string[], GlyphPosition[]] {
  const codePoint = text.codePointAt(0)!;
  const metrics = GlyphMetrics.of(fontkitFont);
  const gid = font.subset.includeGlyph(metrics.glyphFor(codePoint));
  const advance = metrics.advanceOf(codePoint) * font.scale;
  font.widths[gid] ??= advance;
  // The code points fontkit's glyph object carries (those it was first created for), as text() writes them.
  font.unicode[gid] ??= fontkitFont.glyphForCodePoint(codePoint).codePoints;
  return [[hex4(gid)], [{ xAdvance: advance, advanceWidth: advance, xOffset: 0, yOffset: 0 }]];
}

/**
 * Draws pieces of text in one font on one baseline as a single text object: each glyph lands where
 * `doc.text(piece, x)` would put it, the gaps between pieces written as TJ adjustments. Bold is fill
 * plus a thin stroke, as word processors draw it for fonts without a bold face.
 */
export function drawGlyphRun(doc: Doc, font: PdfFont, size: number, bold: boolean, baseline: number, pieces: readonly PlacedText[]): void {
  if (pieces.length === 0) return;
  doc.font(font.key).fontSize(size);
  const internals = doc as unknown as DocInternals;
  const embedded = internals._font;
  const encoded = pieces.map((piece) => (isPlainCjk(piece.text) ? encodePlainCjk(embedded, font.font, piece.text) : embedded.encode(piece.text)));
  // A glyph moved off its advance (marks, some Latin shaping) is drawn the usual way.
  if (encoded.some(([, positions]) => positions.some((p) => p.xOffset || p.yOffset))) {
    for (const piece of pieces) drawText(doc, font, piece.text, piece.x, baseline, size, bold);
    return;
  }
  if (bold) doc.lineWidth(size / 40).strokeColor('black');
  const { page } = internals;
  page.fonts[embedded.id] ??= embedded.ref();
  const perUnit = size / 1000;
  const parts: string[] = [];
  let pen = pieces[0]!.x;
  pieces.forEach((piece, i) => {
    const [hexes, positions] = encoded[i]!;
    if (i > 0) {
      const shift = round(-(piece.x - pen) / perUnit);
      if (shift !== 0) parts.push(String(shift));
      pen -= shift * perUnit;
    }
    const advances = positions.map((p) => p.xAdvance - p.advanceWidth);
    let group = '';
    hexes.forEach((hex, k) => {
      group += hex;
      const kern = round(-advances[k]!);
      pen += positions[k]!.advanceWidth * perUnit;
      if (kern !== 0 && k < hexes.length - 1) {
        parts.push(`<${group}>`, String(kern));
        pen -= kern * perUnit;
        group = '';
      }
    });
    if (group) parts.push(`<${group}>`);
  });
  doc.save();
  doc.transform(1, 0, 0, -1, 0, page.height);
  doc.addContent('BT');
  doc.addContent(`1 0 0 1 ${round(pieces[0]!.x)} ${round(page.height - baseline)} Tm`);
  doc.addContent(`/${embedded.id} ${round(size)} Tf`);
  if (bold) doc.addContent('2 Tr');
  doc.addContent(`[${parts.join(' ')}] TJ`);
  doc.addContent('ET');
  doc.restore();
}

/** One piece through pdfkit's own `text()`. */
export function drawText(doc: Doc, font: PdfFont, text: string, x: number, baseline: number, size: number, bold: boolean): void {
  doc.font(font.key).fontSize(size);
  if (bold) doc.lineWidth(size / 40).strokeColor('black');
  doc.text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic', fill: true, stroke: bold });
}
