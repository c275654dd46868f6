import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

/** One face in a font file (a .ttc holds several). */
export interface FontFace {
  file: string;
  /** The face's PostScript name, which picks it out of a collection. */
  postscriptName: string;
  /** Family names in every language the file gives (e.g. "SimSun" and "宋体"). */
  families: string[];
  bold: boolean;
}

/**
 * The name-table reader asks for the byte ranges it needs one at a time (yield [offset, length], get the
 * bytes, shorter at the end of the file), so the same parsing runs on blocking reads or on the thread pool.
 */
type Reads<T> = Generator<[offset: number, length: number], T, Buffer>;

function decodeName(platformId: number, bytes: Buffer): string | undefined {
  if (platformId === 3 || platformId === 0) {
    const swapped = Buffer.from(bytes);
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (platformId === 1) return bytes.toString('latin1');
  return undefined;
}

function* readFace(file: string, offset: number): Reads<FontFace | undefined> {
  const header = yield [offset, 12];
  if (header.length < 12) return undefined;
  const numTables = header.readUInt16BE(4);
  const directory = yield [offset + 12, numTables * 16];
  let nameOffset = -1;
  let nameLength = 0;
  let os2Offset = -1;
  for (let i = 0; i < numTables; i++) {
    const tag = directory.toString('latin1', i * 16, i * 16 + 4);
    if (tag === 'name') {
      nameOffset = directory.readUInt32BE(i * 16 + 8);
      nameLength = directory.readUInt32BE(i * 16 + 12);
    } else if (tag === 'OS/2') os2Offset = directory.readUInt32BE(i * 16 + 8);
  }
  if (nameOffset < 0) return undefined;
  const table = yield [nameOffset, nameLength];
  const count = table.readUInt16BE(2);
  const storage = table.readUInt16BE(4);
  const families = new Set<string>();
  let postscriptName = '';
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 12;
    if (at + 12 > table.length) break;
    const platformId = table.readUInt16BE(at);
    const nameId = table.readUInt16BE(at + 6);
    const length = table.readUInt16BE(at + 8);
    const start = storage + table.readUInt16BE(at + 10);
    if (![1, 4, 6, 16].includes(nameId)) continue;
    const name = decodeName(platformId, table.subarray(start, start + length))?.replace(/\0/g, '').trim();
    if (!name) continue;
    if (nameId === 6) postscriptName ||= name;
    else if (nameId === 1 || nameId === 16) families.add(name);
  }
  let bold = /bold|heavy|black|粗/i.test(postscriptName);
  if (os2Offset >= 0) {
    const os2 = yield [os2Offset, 6];
    if (os2.length >= 6) bold ||= os2.readUInt16BE(4) >= 700;
  }
  return { file, postscriptName, families: [...families], bold };
}

function* readFaces(file: string): Reads<FontFace[]> {
  const tag = yield [0, 12];
  if (tag.length < 12) return [];
  if (tag.toString('latin1', 0, 4) === 'ttcf') {
    const count = tag.readUInt32BE(8);
    const offsets = yield [12, count * 4];
    const faces: FontFace[] = [];
    for (let i = 0; i < count; i++) {
      const face = yield* readFace(file, offsets.readUInt32BE(i * 4));
      if (face) faces.push(face);
    }
    return faces;
  }
  const face = yield* readFace(file, 0);
  return face ? [face] : [];
}

/**
 * Reads the family names of a font file from its `name` table without loading the whole file,
 * so scanning a Windows Fonts folder stays fast. Returns no faces for files it cannot read.
 */
export function readFontFaces(file: string): FontFace[] {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const reads = readFaces(file);
    for (let step = reads.next(Buffer.alloc(0)); ; ) {
      if (step.done) return step.value;
      const [offset, length] = step.value;
      const buffer = Buffer.alloc(length);
      step = reads.next(buffer.subarray(0, readSync(fd, buffer, 0, length, offset)));
    }
  } catch {
    return [];
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** readFontFaces on the thread pool: the process goes on with other work meanwhile. */
export async function readFontFacesInBackground(file: string): Promise<FontFace[]> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, 'r');
    const reads = readFaces(file);
    for (let step = reads.next(Buffer.alloc(0)); ; ) {
      if (step.done) return step.value;
      const [offset, length] = step.value;
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(length), 0, length, offset);
      step = reads.next(buffer.subarray(0, bytesRead));
    }
  } catch {
    return [];
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
