import { closeSync, openSync, readSync } from 'node:fs';

/** One face in a font file (a .ttc holds several). */
export interface FontFace {
  file: string;
  /** The face's PostScript name, which picks it out of a collection. */
  postscriptName: string;
  /** Family names in every language the file gives (e.g. "SimSun" and "宋体"). */
  families: string[];
  bold: boolean;
}

function read(fd: number, offset: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const got = readSync(fd, buffer, 0, length, offset);
  return buffer.subarray(0, got);
}

function decodeName(platformId: number, bytes: Buffer): string | undefined {
  if (platformId === 3 || platformId === 0) {
    const swapped = Buffer.from(bytes);
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (platformId === 1) return bytes.toString('latin1');
  return undefined;
}

function readFace(fd: number, file: string, offset: number): FontFace | undefined {
  const header = read(fd, offset, 12);
  if (header.length < 12) return undefined;
  const numTables = header.readUInt16BE(4);
  const directory = read(fd, offset + 12, numTables * 16);
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
  const table = read(fd, nameOffset, nameLength);
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
    const os2 = read(fd, os2Offset, 6);
    if (os2.length >= 6) bold ||= os2.readUInt16BE(4) >= 700;
  }
  return { file, postscriptName, families: [...families], bold };
}

/**
 * Reads the family names of a font file from its `name` table without loading the whole file,
 * so scanning a Windows Fonts folder stays fast. Returns no faces for files it cannot read.
 */
export function readFontFaces(file: string): FontFace[] {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const tag = read(fd, 0, 12);
    if (tag.length < 12) return [];
    if (tag.toString('latin1', 0, 4) === 'ttcf') {
      const count = tag.readUInt32BE(8);
      const offsets = read(fd, 12, count * 4);
      const faces: FontFace[] = [];
      for (let i = 0; i < count; i++) {
        const face = readFace(fd, file, offsets.readUInt32BE(i * 4));
        if (face) faces.push(face);
      }
      return faces;
    }
    const face = readFace(fd, file, 0);
    return face ? [face] : [];
  } catch {
    return [];
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
