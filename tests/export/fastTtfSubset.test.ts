import { openSync, type Font } from 'fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { findBundledFonts } from '../../src-main/export/fonts/bundledFonts.js';
import { installFastTtfSubset } from '../../src-main/export/pdf/fastTtfSubset.js';
import { SAMPLE_FILES } from '../helpers.js';

const bundled = findBundledFonts(undefined);
/** A Latin font with composite glyphs (accented letters), shipped with pdfjs-dist. */
const liberation = createRequire(import.meta.url).resolve('pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf');

const sampleText = readFileSync(SAMPLE_FILES['gov-2021']!, 'utf8');
const latin = 'Ééàçñ ÅØü fi Ωπ “quotes” – 0123 ÀÁÂÃÄ';

/** The subset pdfkit would embed for `text`: glyph 0, then each glyph in the order it was first used. */
function subsetBytes(file: string, text: string): Uint8Array {
  const font = openSync(file) as Font;
  const subset = font.createSubset();
  for (const ch of text) if (font.hasGlyphForCodePoint(ch.codePointAt(0)!)) subset.includeGlyph(font.glyphForCodePoint(ch.codePointAt(0)!));
  return subset.encode();
}

describe('TrueType subsetting without decoding simple glyphs', () => {
  const cases: [string, string][] = [
    [bundled.serif, sampleText],
    [bundled.sans, sampleText],
    [liberation, latin],
  ];
  // fontkit's own bytes first, from the class before it is patched.
  const before = cases.map(([file, text]) => subsetBytes(file, text));

  it('applies to the pinned fontkit', () => {
    expect(installFastTtfSubset(openSync(bundled.serif) as Font)).toBe(true);
  });

  it('writes the bytes fontkit writes, composites (with renumbered components) included', () => {
    installFastTtfSubset(openSync(bundled.serif) as Font);
    cases.forEach(([file, text], i) => expect(Buffer.from(subsetBytes(file, text)).equals(Buffer.from(before[i]!)), file).toBe(true));
  });

  it('decodes only the composite glyphs', () => {
    installFastTtfSubset(openSync(bundled.serif) as Font);
    const font = openSync(liberation) as Font;
    const glyphClass = Object.getPrototypeOf(font.getGlyph(0)) as { _decode(): unknown };
    const decode = vi.spyOn(glyphClass, '_decode');
    try {
      const subset = font.createSubset();
      for (const ch of 'Aé') subset.includeGlyph(font.glyphForCodePoint(ch.codePointAt(0)!));
      subset.encode();
      // é is a composite of e and the acute accent: only it is decoded to renumber them.
      expect(decode.mock.contexts.map((glyph) => (glyph as { id: number }).id)).toEqual([font.glyphForCodePoint(0xe9).id]);
    } finally {
      decode.mockRestore();
    }
  });
});
