import type * as fontkit from 'fontkit';

/** The parts of a fontkit 2.0.4 font (pinned in package.json) read and filled here. */
interface FontTables {
  stream: { buffer: Uint8Array };
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  _tables: Record<string, unknown>;
  head: { indexToLocFormat: number };
}

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
  const tables = font as unknown as FontTables;
  const loca = tables.directory.tables.loca;
  if (!loca || !tables.directory.tables.glyf || !tables.directory.tables.head || 'loca' in tables._tables) return;
  const bytes = tables.stream.buffer;
  if (loca.offset + loca.length > bytes.length) return;
  const view = new DataView(bytes.buffer, bytes.byteOffset + loca.offset, loca.length);
  const version = tables.head.indexToLocFormat;
  const long = version !== 0;
  const offsets = new Array<number>(Math.floor(loca.length / (long ? 4 : 2)));
  for (let i = 0; i < offsets.length; i++) offsets[i] = long ? view.getUint32(4 * i) : view.getUint16(2 * i) * 2;
  const decoded: LocaTable = long ? { version, offsets } : { version, offsets, _processed: true };
  tables._tables.loca = decoded;
}
