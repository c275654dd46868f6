import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Localized } from '../../src-core/index.js';
import { readerMessages } from './readerMessages.js';

/** No annual report comes near this; a bigger file is the wrong file, and reading it would only stall the app. */
export const IMPORT_SIZE_LIMIT = 60 * 1024 * 1024;

/**
 * Reads a whole file, refusing anything but a regular file up to `limit` bytes. Opening with
 * O_NONBLOCK and checking with fstat on the open handle means a FIFO or device never blocks us and
 * a file swapped between check and read is still the one checked. The file is only ever read.
 */
export async function readBoundedFile(path: string, limit = IMPORT_SIZE_LIMIT): Promise<{ ok: true; bytes: Buffer } | { ok: false; message: Localized }> {
  const name = basename(path);
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, message: readerMessages.unreadable(name, (error as NodeJS.ErrnoException).code ?? String(error)) };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { ok: false, message: readerMessages.notAFile(name) };
    if (stats.size > limit) return { ok: false, message: readerMessages.tooLarge(name, stats.size, limit) };
    // Read what fstat promised and no more: a file still growing cannot push us past the limit.
    const buffer = Buffer.alloc(stats.size);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { ok: false, message: readerMessages.unreadable(name, (error as NodeJS.ErrnoException).code ?? String(error)) };
  } finally {
    await handle.close();
  }
}
