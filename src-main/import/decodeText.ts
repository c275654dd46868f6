import { detect } from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The charset used, as named to the user. */
  charset: string;
  /** How it was decided. */
  source: 'bom' | 'declared' | 'detected';
}

/** GB2312 and GBK pages are read as GB18030, their superset: a page "in GB2312" often uses GBK characters. */
function canonical(name: string): string {
  const lower = name.trim().toLowerCase();
  if (['gb2312', 'gbk', 'gb_2312-80', 'x-gbk', 'cp936', 'euc-cn', 'gb18030'].includes(lower)) return 'gb18030';
  if (lower === 'utf8') return 'utf-8';
  return lower;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The charset a page declares in its first bytes: <meta charset>, or http-equiv content-type. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
}

/**
 * Decodes a web page (or text) whatever its charset: a byte-order mark wins, then the charset the
 * page declares (unless the bytes contradict a UTF-8 declaration, a common mistake on government
 * sites), then what chardet makes of the bytes.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return { text: buffer.subarray(3).toString('utf8'), charset: 'UTF-8', source: 'bom' };
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), charset: 'UTF-16LE', source: 'bom' };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { text: iconv.decode(buffer.subarray(2), 'utf-16be'), charset: 'UTF-16BE', source: 'bom' };

  const declared = declaredCharset(buffer);
  if (declared) {
    const name = canonical(declared);
    const trustworthy = name === 'utf-8' ? isValidUtf8(buffer) : iconv.encodingExists(name);
    if (trustworthy) return { text: iconv.decode(buffer, name), charset: declared.toUpperCase(), source: 'declared' };
  }
  if (isValidUtf8(buffer)) return { text: buffer.toString('utf8'), charset: 'UTF-8', source: 'detected' };
  const guessed = detect(buffer);
  const name = guessed && iconv.encodingExists(canonical(guessed)) ? canonical(guessed) : 'gb18030';
  return { text: iconv.decode(buffer, name), charset: (guessed ?? 'GB18030').toUpperCase(), source: 'detected' };
}
