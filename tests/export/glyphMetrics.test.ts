import { create, openSync, type Font, type Glyph } from 'fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { findBundledFonts } from '../../src-main/export/fonts/bundledFonts.js';
import { GlyphMetrics } from '../../src-main/export/pdf/glyphMetrics.js';
import { SAMPLE_FILES } from '../helpers.js';

const bundled = findBundledFonts(undefined);
/** A Latin font with composite glyphs and a hmtx shorter than its glyph count, shipped with pdfjs-dist. */
const liberation = createRequire(import.meta.url).resolve('pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf');

/** Every character of the sample reports, and runs of CJK, Latin, punctuation and code points no font has. */
function codePoints(): number[] {
  const points = new Set<number>();
  for (const file of Object.values(SAMPLE_FILES)) for (const ch of readFileSync(file, 'utf8')) points.add(ch.codePointAt(0)!);
  const ranges: [number, number][] = [
    [0x20, 0x24f],
    [0x2000, 0x206f],
    [0x2460, 0x24ff],
    [0x3000, 0x303f],
    [0x4e00, 0x5200],
    [0x9f00, 0x9fff],
    [0xe000, 0xe010],
    [0xff00, 0xffef],
    [0x20000, 0x20010],
  ];
  for (const [from, to] of ranges) for (let cp = from; cp <= to; cp++) points.add(cp);
  return [...points];
}

/** fontkit's own answers, from a font object of its own so that no cache is shared. */
function fontkitAnswers(file: string) {
  const font = openSync(file) as Font;
  return {
    font,
    has: (cp: number) => font.hasGlyphForCodePoint(cp),
    glyph: (cp: number) => font.glyphForCodePoint(cp),
    metrics: (gid: number) => {
      // fontkit keeps the left side bearing in its (internal) metrics record only.
      const glyph = font.getGlyph(gid) as Glyph & { _getMetrics(): { leftBearing: number } };
      return { advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
    },
  };
}

describe('glyph metrics read from the cmap and hmtx tables', () => {
  const points = codePoints();
  for (const file of [bundled.serif, bundled.serifBold, bundled.sans, liberation]) {
    it(`give fontkit's answers for ${file.split('/').pop()}`, () => {
      const fast = GlyphMetrics.of(openSync(file) as Font);
      const reference = fontkitAnswers(file);
      for (const cp of points) {
        expect(fast.has(cp), `has U+${cp.toString(16)}`).toBe(reference.has(cp));
        const glyph = reference.glyph(cp);
        expect(fast.glyphFor(cp), `glyph of U+${cp.toString(16)}`).toBe(glyph.id);
        expect(fast.advanceOf(cp), `advance of U+${cp.toString(16)}`).toBe(glyph.advanceWidth);
      }
      // Past the last long metric (the tail shares one advance and has bearings of its own), and the ends.
      const { numberOfMetrics } = reference.font.hhea;
      const last = reference.font.numGlyphs - 1;
      const gids = [0, 1, 2, numberOfMetrics - 2, numberOfMetrics - 1, numberOfMetrics, numberOfMetrics + 1, last - 1, last];
      for (const gid of new Set(gids.filter((g) => g >= 0 && g <= last))) expect(fast.horizontal(gid), `glyph ${gid}`).toEqual(reference.metrics(gid));
    });
  }

  it('leave a damaged hmtx (shorter than its long metrics) to fontkit, as before, instead of failing', () => {
    const bytes = readFileSync(liberation);
    // The table directory's entry for hmtx: its length field says 16 bytes, far fewer than the font's metrics.
    const tables = bytes.readUInt16BE(4);
    const entry = Array.from({ length: tables }, (_, i) => 12 + 16 * i).find((at) => bytes.toString('latin1', at, at + 4) === 'hmtx')!;
    bytes.writeUInt32BE(16, entry + 12);
    const damaged = create(bytes) as Font;
    const reference = create(Buffer.from(bytes)) as Font;
    const fast = GlyphMetrics.of(damaged);
    for (const ch of 'Aé漢 1') {
      const cp = ch.codePointAt(0)!;
      expect(() => fast.advanceOf(cp)).not.toThrow();
      expect(fast.advanceOf(cp)).toBe(reference.glyphForCodePoint(cp).advanceWidth);
    }
    expect(fast.horizontal(reference.glyphForCodePoint(0x41).id)).toBeUndefined();
  });

  it('are the same object for the same font, so each code point is looked up once per process', () => {
    const font = openSync(bundled.sans) as Font;
    expect(GlyphMetrics.of(font)).toBe(GlyphMetrics.of(font));
  });
});
