import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { convertToDocx, findSoffice } from './convertWithLibreOffice.js';
import { InputFileError, readInputBytes } from '../services/readInputFile.js';
import { readDocx } from './readDocx.js';
import { readerMessages } from './readerMessages.js';
import type { ReadResult } from './readResult.js';
import { readHtml } from './readHtml.js';
import { readPdf } from './readPdf.js';

type Format = 'docx' | 'pdf' | 'ole' | 'html';

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** What the bytes are, whatever the file is called: a .doc that is really a DOCX, an .html that is really a PDF… */
function sniff(bytes: Uint8Array): Format | undefined {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'docx';
  if (Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  if (/^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body|title)\b/i.test(head)) return 'html';
  return undefined;
}

/** NUL and other control bytes in the first 4 KB: binary, not a web page whatever its name says. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  const controls = head.filter((b) => b < 0x09 || (b > 0x0d && b < 0x20)).length;
  return head.includes(0) || controls > head.length / 100;
}

const BY_EXTENSION: Record<string, Format> = { '.docx': 'docx', '.docm': 'docx', '.wpsx': 'docx', '.pdf': 'pdf', '.doc': 'ole', '.wps': 'ole', '.html': 'html', '.htm': 'html', '.shtml': 'html', '.xhtml': 'html', '.mht': 'html' };

/** Old Word/WPS files go through LibreOffice when it is there; the DOCX it writes is read and thrown away. */
async function readOldWordFile(path: string, fileName: string, soffice: string | null): Promise<ReadResult> {
  if (!soffice) return { ok: false, message: readerMessages.docNeedsOffice(fileName) };
  const converted = await convertToDocx(soffice, path);
  if (!converted.ok) return { ok: false, message: readerMessages.docConversionFailed(fileName, converted.why) };
  try {
    const note = { 'zh-CN': '旧版 Word/WPS 文件已由 LibreOffice 转换为 .docx 后读取，版式可能略有出入。', en: 'The old Word/WPS file was converted to .docx by LibreOffice and read from that; layout details may differ.' };
    return readDocx(await readFile(converted.docx), fileName, 'doc', [note]);
  } finally {
    await converted.cleanup();
  }
}

/**
 * Reads an existing report (Word, a saved web page, a PDF with a text layer, an old .doc/.wps) into a
 * SourceDocument for recognition. The file is never modified; every failure is a message saying what to do.
 * Plain text and Markdown are not read here: they are decoded and split by the core's text reader.
 */
export async function readSourceFile(path: string, options: { soffice?: string | null } = {}): Promise<ReadResult> {
  const fileName = basename(path);
  let bytes: Buffer;
  try {
    bytes = await readInputBytes(path, 'import');
  } catch (error) {
    if (error instanceof InputFileError) return { ok: false, message: error.reason };
    throw error;
  }
  if (bytes.length === 0) return { ok: false, message: readerMessages.empty(fileName) };
  const byName = BY_EXTENSION[extname(path).toLowerCase()];
  switch (sniff(bytes) ?? (byName === 'html' && looksBinary(bytes) ? undefined : byName)) {
    case 'docx':
      return readDocx(bytes, fileName);
    case 'pdf':
      return readPdf(bytes, fileName);
    case 'ole':
      return readOldWordFile(path, fileName, options.soffice === undefined ? findSoffice() : options.soffice);
    case 'html':
      return readHtml(bytes, fileName);
    default:
      return { ok: false, message: readerMessages.unknownFormat(fileName) };
  }
}
