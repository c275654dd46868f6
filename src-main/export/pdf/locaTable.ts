import type * as fontkit from 'fontkit';
import { hasDecoded, setDecoded, tableBytes, viewOf } from './fontTables.js';

/** fontkit's decoded loca: where each glyph starts in glyf, in bytes (short offsets already doubled). */
interface LocaTable {
  version: number;
  offsets: number[];
  /** fontkit's mark that short offsets were doubled. */
  _processed?: boolean;
}

/**
 * Decodes a TrueType font's loca table straight from its bytes into the object fontkit would make, and
 * leaves it where fontkit keeps decoded tables. fontkit decodes it value by value through its generic
 * table reader the first time any glyph's metrics or outline is asked for: for the ~31 000 glyphs of a
 * CJK font that is a few milliseconds a font, paid on every `drs export --pdf`. A font without glyf or
 * head, or one fontkit has already decoded, is left alone.
 */
export function primeLocaTable(font: fontkit.Font): void {
  const loca = tableBytes(font, 'loca');
  if (!loca || !tableBytes(font, 'glyf') || !tableBytes(font, 'head') || hasDecoded(font, 'loca')) return;
  const view = viewOf(loca);
  const version = (font as unknown as { head: { indexToLocFormat: number } }).head.indexToLocFormat;
  const long = version !== 0;
  const offsets = new Array<number>(Math.floor(loca.length / (long ? 4 : 2)));
  for (let i = 0; i < offsets.length; i++) offsets[i] = long ? view.getUint32(4 * i) : view.getUint16(2 * i) * 2;
  const decoded: LocaTable = long ? { version, offsets } : { version, offsets, _processed: true };
  setDecoded(font, 'loca', decoded);
}
