import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file-system calls a save makes; tests swap in failing ones (full disk, read-only folder). */
export interface SaveIo {
  open(path: string, flags: string): Promise<FileHandle>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options?: { force?: boolean }): Promise<void>;
}

export const nodeSaveIo: SaveIo = {
  open: (path, flags) => nodeFs.open(path, flags),
  rename: (from, to) => nodeFs.rename(from, to),
  rm: (path, options) => nodeFs.rm(path, options),
};

const RETRYABLE_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES']);

/**
 * Replaces `path` with `data` so that a crash at any moment leaves either the old file or the
 * new one, whole: temp file in the same folder → fsync → rename over the target → fsync the folder.
 * On Windows a rename can fail while an indexer or antivirus holds the file (EPERM/EBUSY), so it
 * is retried for about two seconds.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, io: SaveIo = nodeSaveIo, platform: NodeJS.Platform = process.platform): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await io.open(temp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await renameWithRetry(temp, path, io, platform);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await io.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(path), platform);
}

async function renameWithRetry(from: string, to: string, io: SaveIo, platform: NodeJS.Platform): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await io.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (platform !== 'win32' || !RETRYABLE_RENAME.has(code) || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * (attempt + 1)));
    }
  }
}

/** Makes the rename itself durable. Windows cannot open a folder for fsync; NTFS journals it. */
async function syncFolder(folder: string, platform: NodeJS.Platform): Promise<void> {
  if (platform === 'win32') return;
  const handle = await nodeFs.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
