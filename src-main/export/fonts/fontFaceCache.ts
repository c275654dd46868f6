import { statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../services/atomicWrite.js';
import { readInputBytesSync } from '../../services/readInputFile.js';
import type { FontFace } from './fontNames.js';

/** Where the program keeps what it can always rebuild: DRS_CACHE_DIR, else the platform's cache folder. */
export function defaultCacheDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (env.DRS_CACHE_DIR) return env.DRS_CACHE_DIR;
  const app = 'disclosure-report-studio';
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), app, 'Cache');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', app);
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), app);
}

const VERSION = 1;

const cacheFileSchema = z.object({
  version: z.literal(VERSION),
  files: z.record(
    z.string(),
    z.object({
      size: z.number(),
      mtimeMs: z.number(),
      faces: z.array(z.object({ postscriptName: z.string(), families: z.array(z.string()), bold: z.boolean() })),
    }),
  ),
});
type CachedFiles = z.infer<typeof cacheFileSchema>['files'];

/** What identifies a version of a font file: a changed file has another size or modification time. */
interface FileVersion {
  size: number;
  mtimeMs: number;
}

/**
 * The faces read from each installed font file, kept between runs: scanning reads the name table of
 * every font (hundreds of files in a Windows Fonts folder) on each export, while fonts are rarely
 * installed or removed. A file is read again when its size or modification time changes. The cache is
 * only ever a speed-up: a file that is missing, damaged or not writable means reading the fonts as before.
 */
export class FontFaceCache {
  private readonly known: CachedFiles;
  private readonly seen: CachedFiles = {};
  private readonly versions = new Map<string, FileVersion>();
  private changed = false;
  private saving: Promise<void> | undefined;

  private constructor(
    private readonly file: string,
    known: CachedFiles,
  ) {
    this.known = known;
  }

  /** The cache kept in `file` (no file, or one that is not a cache, starts empty). */
  static open(file: string = join(defaultCacheDir(), 'installed-fonts.json')): FontFaceCache {
    let known: CachedFiles = {};
    try {
      const parsed = cacheFileSchema.safeParse(JSON.parse(readInputBytesSync(file, 'cache').toString('utf8')));
      if (parsed.success) known = parsed.data.files;
    } catch {
      // not there yet, unreadable or not JSON: read the fonts
    }
    return new FontFaceCache(file, known);
  }

  /** The faces of `file` as last read, if the file has not changed since (then `store` keeps what is read now). */
  lookup(file: string): FontFace[] | undefined {
    let version: FileVersion;
    try {
      const { size, mtimeMs } = statSync(file);
      version = { size, mtimeMs };
    } catch {
      return undefined;
    }
    this.versions.set(file, version);
    const entry = Object.hasOwn(this.known, file) ? this.known[file] : undefined;
    if (!entry || entry.size !== version.size || entry.mtimeMs !== version.mtimeMs) return undefined;
    this.seen[file] = entry;
    return entry.faces.map((face) => ({ file, ...face }));
  }

  /** Remembers the faces just read from `file` (looked up before), and gives them back. */
  store(file: string, faces: FontFace[]): FontFace[] {
    const version = this.versions.get(file);
    if (version) {
      this.seen[file] = { ...version, faces: faces.map(({ postscriptName, families, bold }) => ({ postscriptName, families, bold })) };
      this.changed = true;
    }
    return faces;
  }

  /**
   * Writes the files seen in this scan (fonts removed since drop out), when anything changed. Never throws.
   * Once per cache: a later call gives the same write to wait for.
   */
  save(): Promise<void> {
    this.saving ??= this.write();
    return this.saving;
  }

  private async write(): Promise<void> {
    const removed = Object.keys(this.known).some((file) => !Object.hasOwn(this.seen, file));
    if (!this.changed && !removed) return;
    try {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, JSON.stringify({ version: VERSION, files: this.seen }));
    } catch {
      // a read-only home or a full disk: the next run reads the fonts again
    }
  }
}
