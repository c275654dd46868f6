import { basename } from 'node:path';
import type { Localized } from '../../src-core/index.js';
import { decodeText } from './decodeText.js';
import { readBoundedFile } from './readBoundedFile.js';
import { readerMessages } from './readerMessages.js';

/** A .txt/.md to import: bounded like every other input, decoded whatever its charset (UTF-8, UTF-16, GBK/GB18030). */
export async function readTextSource(path: string): Promise<{ ok: true; text: string; note?: Localized } | { ok: false; message: Localized }> {
  const read = await readBoundedFile(path);
  if (!read.ok) return read;
  const decoded = decodeText(read.bytes);
  if (decoded.text.trim() === '') return { ok: false, message: readerMessages.empty(basename(path)) };
  if (decoded.charset === 'UTF-8') return { ok: true, text: decoded.text };
  return {
    ok: true,
    text: decoded.text,
    note: { 'zh-CN': `文本文件按 ${decoded.charset} 编码读取。`, en: `The text file was read as ${decoded.charset}.` },
  };
}
