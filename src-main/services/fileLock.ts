import { readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { nameStemFitting, nodeSaveIo, type SaveIo } from './atomicWrite.js';
import { processAlive } from './processAlive.js';

/** A lock older than this belongs to a process that died mid-save. */
const STALE_MS = 30_000;
/** A lock without readable content: its owner died between creating and writing it (microseconds apart). */
const UNREADABLE_STALE_MS = 1_000;

const inProcess = new Map<string, Promise<unknown>>();

async function acquire(lockPath: string, timeoutMs: number, io: SaveIo): Promise<void> {
  const started = Date.now();
  for (;;) {
    let handle;
    try {
      handle = await io.open(lockPath, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (handle) {
      try {
        await handle.writeFile(JSON.stringify({ pid: process.pid, at: Date.now() }));
        await handle.close();
        return;
      } catch (error) {
        // A full disk can refuse even these few bytes: leave neither the descriptor nor an empty lock behind.
        await handle.close().catch(() => undefined);
        await io.rm(lockPath, { force: true }).catch(() => undefined);
        throw error;
      }
    }
    if (await isStale(lockPath)) {
      await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() - started > timeoutMs) throw Object.assign(new Error(`file is locked: ${lockPath}`), { code: 'ELOCKED' });
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function isStale(lockPath: string): Promise<boolean> {
  try {
    const info = JSON.parse(await readFile(lockPath, 'utf8')) as { pid?: number; at?: number };
    if (typeof info.pid === 'number' && info.pid !== process.pid && !processAlive(info.pid)) return true;
    return Date.now() - (info.at ?? (await stat(lockPath)).mtimeMs) > STALE_MS;
  } catch {
    // Unreadable: it is being written right now, or it is debris; only age can tell.
    try {
      return Date.now() - (await stat(lockPath)).mtimeMs > UNREADABLE_STALE_MS;
    } catch {
      return true;
    }
  }
}

/**
 * Runs `work` while holding `<path>.lock`: saves of one file by two windows (one process) or two
 * processes never interleave their backup-then-replace steps.
 */
export async function withFileLock<T>(path: string, work: () => Promise<T>, { timeoutMs = 10_000, io = nodeSaveIo }: { timeoutMs?: number; io?: SaveIo } = {}): Promise<T> {
  const previous = inProcess.get(path) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(async () => {
    const lockPath = join(dirname(path), `${nameStemFitting(basename(path), '.lock'.length)}.lock`);
    await acquire(lockPath, timeoutMs, io);
    try {
      return await work();
    } finally {
      await rm(lockPath, { force: true });
    }
  });
  inProcess.set(path, run);
  try {
    return await run;
  } finally {
    if (inProcess.get(path) === run) inProcess.delete(path);
  }
}
