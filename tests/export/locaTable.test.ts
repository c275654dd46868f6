import { openSync, type Font } from 'fontkit';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { findBundledFonts } from '../../src-main/export/fonts/bundledFonts.js';
import { primeLocaTable } from '../../src-main/export/pdf/locaTable.js';

const bundled = findBundledFonts(undefined);
const standardFont = (name: string) => createRequire(import.meta.url).resolve(`pdfjs-dist/standard_fonts/${name}`);

interface Loca {
  version: number;
  offsets: number[];
  _processed?: boolean;
}
const tablesOf = (font: Font) => (font as unknown as { _tables: Record<string, unknown> })._tables;

describe('the loca table read straight from the font bytes', () => {
  // Long offsets (the bundled CJK fonts) and short ones (LiberationSans Regular stores offsets / 2).
  const files = [bundled.serif, bundled.serifBold, bundled.sans, standardFont('LiberationSans-Regular.ttf'), standardFont('LiberationSans-Italic.ttf')];

  it.each(files)('equals fontkit’s own decoding: %s', (file) => {
    const expected = (openSync(file) as Font & { loca: Loca }).loca;
    const font = openSync(file) as Font & { loca: Loca };
    primeLocaTable(font);
    expect('loca' in tablesOf(font)).toBe(true);
    const primed = font.loca;
    expect(primed.version).toBe(expected.version);
    expect(primed._processed).toBe(expected._processed);
    expect(primed.offsets).toEqual(expected.offsets);
    // Every glyph's outline is found where fontkit finds it: same bounding boxes.
    for (const id of [0, 1, 100, font.numGlyphs - 1]) expect(font.getGlyph(id).bbox).toEqual((openSync(file) as Font).getGlyph(id).bbox);
  });

  it('covers both offset formats', () => {
    expect(new Set(files.map((file) => (openSync(file) as Font & { head: { indexToLocFormat: number } }).head.indexToLocFormat))).toEqual(new Set([0, 1]));
  });

  it('leaves a table fontkit has already decoded alone', () => {
    const font = openSync(bundled.sans) as Font & { loca: Loca };
    const decoded = font.loca;
    primeLocaTable(font);
    expect(font.loca).toBe(decoded);
  });
});
