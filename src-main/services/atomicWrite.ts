import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import * as nodeFs from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { processAlive } from './processAlive.js';

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

/** Codes of the refusals below, for the messages in saveErrors.ts. */
export const READ_ONLY_FILE = 'EREADONLY';
export const HARD_LINKED_FILE = 'EHARDLINK';

const RETRYABLE_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES']);
/** `.<name>.<pid>.<8 hex>.tmp`: the temp file of one write of <name>. */
const TEMP_FILE = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;
/** No write takes this long: a temp file this old is debris even if its pid now belongs to another process. */
const TEMP_STALE_MS = 10 * 60_000;

/**
 * Replaces `path` with `data` so that a crash at any moment leaves either the old file or the
 * new one, whole: temp file in the same folder → fsync → rename over the target → fsync the folder.
 * The file keeps what makes it the user's file: a symlink is written through to its target, the
 * mode and owner are carried over; a read-only or hard-linked file is refused rather than silently
 * replaced (a rename would overwrite the one and detach the other). Temp files of writes killed
 * earlier are removed first. On Windows a rename can fail while an indexer or antivirus holds the
 * file (EPERM/EBUSY), so it is retried for about two seconds.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, io: SaveIo = nodeSaveIo, platform: NodeJS.Platform = process.platform): Promise<void> {
  const target = await saveTarget(path);
  await removeAbandonedTempFiles(dirname(target.path), basename(target.path));
  const temp = join(dirname(target.path), `.${tempStem(basename(target.path))}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    handle = await io.open(temp, 'wx');
    if (target.existing) await carryOverIdentity(handle, target.existing, platform);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await renameWithRetry(temp, target.path, io, platform);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await io.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(target.path), platform);
}

/** The file a write replaces: through a symlink (even a dangling one) to its target, with what is there now. */
async function saveTarget(path: string): Promise<{ path: string; existing: Stats | undefined }> {
  let real = resolve(path);
  try {
    real = await nodeFs.realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const link = await nodeFs.lstat(path).catch(() => undefined);
    if (link?.isSymbolicLink()) real = resolve(dirname(path), await nodeFs.readlink(path));
  }
  const existing = await nodeFs.stat(real).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing?.isFile()) {
    // Mode bits, not access(): an administrator (root) may write anything, yet a read-only mark is the user's wish.
    if ((existing.mode & 0o200) === 0) throw Object.assign(new Error(`read-only file: ${real}`), { code: READ_ONLY_FILE, path: real });
    if (existing.nlink > 1) throw Object.assign(new Error(`hard-linked file: ${real}`), { code: HARD_LINKED_FILE, path: real, links: existing.nlink });
  }
  return { path: real, existing: existing?.isFile() ? existing : undefined };
}

async function carryOverIdentity(handle: FileHandle, existing: Stats, platform: NodeJS.Platform): Promise<void> {
  await handle.chmod(existing.mode & 0o7777);
  // Only an administrator may give a file away; for anyone else the file is theirs already.
  if (platform !== 'win32') await handle.chown(existing.uid, existing.gid).catch(() => undefined);
}

/**
 * Removes temp files that killed writes left in `folder`: only those of `name` in a user's folder,
 * all of them in a folder the app owns (backups get a new name every time). A temp file whose
 * writer still runs is left alone unless it is too old to be a write in progress.
 */
export async function removeAbandonedTempFiles(folder: string, name?: string): Promise<void> {
  for (const entry of await nodeFs.readdir(folder).catch(() => [] as string[])) {
    const match = TEMP_FILE.exec(entry);
    if (!match || (name !== undefined && match[1] !== tempStem(name))) continue;
    const pid = Number(match[2]);
    const file = join(folder, entry);
    const writerGone = pid !== process.pid && !processAlive(pid);
    if (writerGone || Date.now() - ((await nodeFs.stat(file).catch(() => undefined))?.mtimeMs ?? Date.now()) > TEMP_STALE_MS) await nodeFs.rm(file, { force: true });
  }
}

/** The target's name as it appears in its temp file's name, short enough for that name to fit. */
function tempStem(name: string): string {
  return nameStemFitting(name, Buffer.byteLength(`..${2 ** 32}.00000000.tmp`));
}

/**
 * `name`, cut between characters if needed, so that it plus `extraBytes` of additions fits the
 * 255 bytes a file name may have: the temp and lock files of a long-named file can be created too.
 */
export function nameStemFitting(name: string, extraBytes: number): string {
  const room = 255 - extraBytes;
  if (Buffer.byteLength(name) <= room) return name;
  let stem = '';
  for (const character of name) {
    if (Buffer.byteLength(stem + character) > room) break;
    stem += character;
  }
  return stem;
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
