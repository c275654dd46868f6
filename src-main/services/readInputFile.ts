import type Chardet from 'chardet';
import { createRequire } from 'node:module';
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Localized } from '../../src-core/index.js';

/** What is being read decides how big it may be: one table, so every reader agrees. */
export const INPUT_SIZE_LIMITS = {
  report: 20 * 1024 * 1024,
  template: 2 * 1024 * 1024,
  import: 60 * 1024 * 1024,
  /** What the program keeps between runs to go faster (the installed fonts' names). */
  cache: 8 * 1024 * 1024,
} as const;

export type InputKind = keyof typeof INPUT_SIZE_LIMITS;

export type InputRefusal = 'io' | 'not-a-file' | 'too-large' | 'encoding';

/** A file that cannot be read as input, with the reason in words for the user. */
export class InputFileError extends Error {
  constructor(
    readonly refusal: InputRefusal,
    readonly reason: Localized,
    /** The system error code when the file system refused (ENOENT, EACCES …). */
    readonly errno?: string,
  ) {
    super(reason.en);
  }
}

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read in: 'UTF-8', 'UTF-16LE', 'UTF-16BE' or 'GB18030'. */
  encoding: string;
  /** Set when the file was not UTF-8: what was assumed, for the user to know. */
  note?: Localized;
}

// O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer (and holding a
// thread of libuv's small pool meanwhile). Windows has no FIFOs on ordinary paths and no such flag.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Reads a report, template or imported file: a regular file under its size limit, at most limit+1 bytes. */
export async function readInputBytes(path: string, kind: InputKind): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    throw ioError(path, error);
  }
  try {
    const limit = INPUT_SIZE_LIMITS[kind];
    const info = await handle.stat();
    refuseUnfit(path, info, limit);
    return await fill(handle, Math.min(info.size, limit) + 1, limit, path);
  } catch (error) {
    throw error instanceof InputFileError ? error : ioError(path, error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The same, for the few readers that must stay synchronous (the format library at start). */
export function readInputBytesSync(path: string, kind: InputKind): Buffer {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    throw ioError(path, error);
  }
  try {
    const limit = INPUT_SIZE_LIMITS[kind];
    const info = fstatSync(fd);
    refuseUnfit(path, info, limit);
    return fillSync(fd, Math.min(info.size, limit) + 1, limit, path);
  } catch (error) {
    throw error instanceof InputFileError ? error : ioError(path, error);
  } finally {
    closeSync(fd);
  }
}

export async function readInputText(path: string, kind: InputKind): Promise<DecodedText> {
  return decodeInputText(await readInputBytes(path, kind), path);
}

export function readInputTextSync(path: string, kind: InputKind): DecodedText {
  return decodeInputText(readInputBytesSync(path, kind), path);
}

const UTF32_LE_BOM = [0xff, 0xfe, 0x00, 0x00];
const UTF32_BE_BOM = [0x00, 0x00, 0xfe, 0xff];
const CHINESE_GB = new Set(['GB18030', 'GBK', 'GB2312']);

/**
 * Decodes strictly, never with U+FFFD replacement: UTF-8 (BOM or not); UTF-16 with a BOM; and,
 * when the bytes are not UTF-8, GB18030/GBK (common from older Chinese Windows) as detected.
 * Anything else, UTF-32 included, is refused naming the encoding, so the user can re-save as UTF-8.
 */
export function decodeInputText(bytes: Uint8Array, path: string): DecodedText {
  if (startsWith(bytes, UTF32_LE_BOM) || startsWith(bytes, UTF32_BE_BOM)) throw unsupportedEncoding(path, 'UTF-32');
  if (startsWith(bytes, [0xff, 0xfe])) return decodeAs(bytes, 'utf-16le', 'UTF-16LE', path);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeAs(bytes, 'utf-16be', 'UTF-16BE', path);
  const utf8 = strictDecode(bytes, 'utf-8');
  // NUL bytes in valid UTF-8 are the mark of UTF-16/32 without a BOM; text never holds them.
  if (utf8 !== undefined && !utf8.includes('\0')) return { text: utf8, encoding: 'UTF-8' };
  const detected = detectEncoding(bytes) ?? (utf8 === undefined ? 'unknown' : 'UTF-8');
  if (CHINESE_GB.has(detected.toUpperCase())) return decodeAs(bytes, 'gb18030', 'GB18030', path);
  if (/^UTF-16/i.test(detected)) return decodeAs(bytes, detected.toUpperCase() === 'UTF-16BE' ? 'utf-16be' : 'utf-16le', detected.toUpperCase(), path);
  if (/^UTF-32/i.test(detected)) throw unsupportedEncoding(path, detected.toUpperCase());
  if (utf8 !== undefined) return { text: utf8, encoding: 'UTF-8' };
  throw unsupportedEncoding(path, detected);
}

/**
 * chardet is loaded the first time a file is not UTF-8: nearly every file is, and loading it takes a few
 * milliseconds of every command's start. (Synchronous, as the readers using it are.)
 */
function detectEncoding(bytes: Uint8Array): string | null {
  const chardet = createRequire(import.meta.url)('chardet') as typeof Chardet;
  return chardet.detect(bytes);
}

function decodeAs(bytes: Uint8Array, label: string, name: string, path: string): DecodedText {
  const text = strictDecode(bytes, label);
  if (text === undefined) throw unsupportedEncoding(path, `${name}?`);
  return {
    text,
    encoding: name,
    note: {
      'zh-CN': `文件“${path}”的编码是 ${name}（不是 UTF-8），已按 ${name} 读取。`,
      en: `The file "${path}" is in ${name} (not UTF-8) and was read as ${name}.`,
    },
  };
}

function strictDecode(bytes: Uint8Array, label: string): string | undefined {
  try {
    // The decoder drops a leading BOM of its own encoding (ignoreBOM: false).
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

async function fill(handle: FileHandle, capacity: number, limit: number, path: string): Promise<Buffer> {
  let buffer: Buffer = Buffer.alloc(capacity);
  let length = 0;
  for (;;) {
    const { bytesRead: read } = await handle.read(buffer, length, buffer.length - length, null);
    if (read === 0) return buffer.subarray(0, length);
    length += read;
    if (length > limit) throw tooLarge(path, undefined, limit);
    if (length === buffer.length) buffer = grow(buffer, limit);
  }
}

function fillSync(fd: number, capacity: number, limit: number, path: string): Buffer {
  let buffer: Buffer = Buffer.alloc(capacity);
  let length = 0;
  for (;;) {
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) return buffer.subarray(0, length);
    length += read;
    if (length > limit) throw tooLarge(path, undefined, limit);
    if (length === buffer.length) buffer = grow(buffer, limit);
  }
}

/** Doubles the buffer, never past limit+1: one byte more than allowed is enough to know. */
function grow(buffer: Buffer, limit: number): Buffer {
  const bigger = Buffer.alloc(Math.min(buffer.length * 2, limit + 1));
  buffer.copy(bigger);
  return bigger;
}

function refuseUnfit(path: string, info: Stats, limit: number): void {
  if (!info.isFile()) {
    const what = info.isDirectory()
      ? { zh: '文件夹', en: 'a folder' }
      : info.isFIFO()
        ? { zh: '管道（FIFO）', en: 'a pipe (FIFO)' }
        : info.isCharacterDevice() || info.isBlockDevice()
          ? { zh: '设备', en: 'a device' }
          : info.isSocket()
            ? { zh: '套接字', en: 'a socket' }
            : { zh: '特殊文件', en: 'a special file' };
    throw new InputFileError('not-a-file', {
      'zh-CN': `“${path}”是${what.zh}，不是普通文件，未读取。请选择一个普通文件。`,
      en: `"${path}" is ${what.en}, not a regular file, and was not read. Choose a regular file.`,
    });
  }
  if (info.size > limit) throw tooLarge(path, info.size, limit);
}

/** `size` is undefined when the file grew while being read: only "more than the limit" is known. */
function tooLarge(path: string, size: number | undefined, limit: number): InputFileError {
  const sizeText = size === undefined ? `> ${mib(limit)}` : mib(size);
  return new InputFileError('too-large', {
    'zh-CN': `文件“${path}”太大（${sizeText}），超过上限 ${mib(limit)}，未读取。请确认选择的文件是否正确。`,
    en: `The file "${path}" is too large (${sizeText}; the limit is ${mib(limit)}) and was not read. Check that this is the right file.`,
  });
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MiB`;
}

function unsupportedEncoding(path: string, encoding: string): InputFileError {
  return new InputFileError('encoding', {
    'zh-CN': `文件“${path}”的编码是 ${encoding}，无法读取（支持 UTF-8、带 BOM 的 UTF-16 和 GB18030/GBK）。请用记事本等将其另存为 UTF-8 后再打开。`,
    en: `The file "${path}" is encoded in ${encoding}, which cannot be read (UTF-8, UTF-16 with a BOM and GB18030/GBK can). Re-save it as UTF-8, e.g. in Notepad, and open it again.`,
  });
}

function ioError(path: string, error: unknown): InputFileError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  const why: Localized =
    code === 'ENOENT'
      ? { 'zh-CN': '文件不存在', en: 'the file is not there' }
      : code === 'EACCES' || code === 'EPERM'
        ? { 'zh-CN': '没有读取权限', en: 'no permission to read it' }
        : code === 'EISDIR'
          ? { 'zh-CN': '这是文件夹', en: 'it is a folder' }
          : { 'zh-CN': '系统错误', en: 'system error' };
  return new InputFileError(
    'io',
    { 'zh-CN': `无法读取文件“${path}”（${why['zh-CN']}，${code}）。`, en: `The file "${path}" cannot be read (${why.en}, ${code}).` },
    code,
  );
}
