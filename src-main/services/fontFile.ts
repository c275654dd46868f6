import { open, stat } from 'node:fs/promises';
import type { Localized } from '../../src-core/index.js';
import { readFontFaces } from '../export/fonts/fontNames.js';

/** The first four bytes of the font files the PDF export can embed: TrueType, OpenType (CFF), old Mac TrueType, collections. */
const FONT_SIGNATURES = ['00010000', '4f54544f', '74727565', '74746366'];
/** The largest CJK collections are about 30 MB; a file far beyond that is not a font the export should load. */
export const MAX_FONT_FILE_BYTES = 100 * 1024 * 1024;

export type FontFileCheck = { ok: true; family: string } | { ok: false; reason: Localized };

const refuse = (zh: string, en: string): FontFileCheck => ({ ok: false, reason: { 'zh-CN': zh, en } });

/**
 * Whether a file the user chose can serve as an export font: a regular file (not a device, pipe or
 * folder) of a sane size that starts with a TrueType/OpenType signature and names its family.
 */
export async function checkFontFile(path: string): Promise<FontFileCheck> {
  const notFont = refuse(`“${path}”不是可用的字体文件（应为 .ttf、.otf 或 .ttc）。`, `"${path}" is not a usable font file (a .ttf, .otf or .ttc is expected).`);
  // stat first: opening a pipe or a device could block or never end.
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return notFont;
  if (info.size > MAX_FONT_FILE_BYTES) {
    return refuse(`字体文件“${path}”过大（${Math.round(info.size / 1048576)} MB，上限 100 MB）。`, `The font file "${path}" is too large (${Math.round(info.size / 1048576)} MB; at most 100 MB).`);
  }
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return notFont;
  try {
    const opened = await handle.stat();
    if (!opened.isFile() || opened.ino !== info.ino) return notFont;
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead < 4 || !FONT_SIGNATURES.includes(head.toString('hex'))) return notFont;
  } finally {
    await handle.close();
  }
  const family = readFontFaces(path)[0]?.families[0];
  return family ? { ok: true, family } : notFont;
}
