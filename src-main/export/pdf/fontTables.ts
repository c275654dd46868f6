import type * as fontkit from 'fontkit';

/**
 * The parts of a fontkit 2.0.4 font (pinned in package.json) that the fast paths beside this file use:
 * the file's bytes, where each table lies in them, the tables fontkit has decoded so far, and whether
 * the font is an instance of a variable font (whose metrics and outlines fontkit computes, not reads).
 */
interface FontInternals {
  stream: { buffer: Uint8Array };
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  _tables: Record<string, unknown>;
  _variationProcessor: unknown;
}

const internals = (font: fontkit.Font) => font as unknown as FontInternals;

/** The bytes of table `tag`, when the font has it whole inside its file. */
export function tableBytes(font: fontkit.Font, tag: string): Uint8Array | undefined {
  const { stream, directory } = internals(font);
  const table = directory.tables[tag];
  if (!table || table.offset + table.length > stream.buffer.length) return undefined;
  return stream.buffer.subarray(table.offset, table.offset + table.length);
}

/** A big-endian view of the same bytes, as the tables are written. */
export const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** An instance of a variable font: fontkit adjusts its metrics and outlines, so they are not read from the tables. */
export const isVariableInstance = (font: fontkit.Font): boolean => Boolean(internals(font)._variationProcessor);

/** Whether fontkit has decoded table `tag` already. */
export const hasDecoded = (font: fontkit.Font, tag: string): boolean => tag in internals(font)._tables;

/** Leaves `decoded` where fontkit keeps its decoded tables: fontkit then uses it as its own. */
export function setDecoded(font: fontkit.Font, tag: string, decoded: unknown): void {
  internals(font)._tables[tag] = decoded;
}
