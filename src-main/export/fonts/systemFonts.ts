import { execFile, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { extname, join } from 'node:path';
import type { FontFaceCache } from './fontFaceCache.js';
import { readFontFaces, readFontFacesInBackground, type FontFace } from './fontNames.js';

const FONT_EXTENSIONS = new Set(['.ttf', '.otf', '.ttc', '.otc']);

/** Where fonts live on Windows, macOS and Linux (UOS and Kylin use the usual Linux folders). */
export function fontFolders(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'win32') {
    const windir = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
    return [join(windir, 'Fonts'), ...(env.LOCALAPPDATA ? [join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts')] : [])];
  }
  if (platform === 'darwin') return ['/System/Library/Fonts', '/System/Library/Fonts/Supplemental', '/Library/Fonts', join(homedir(), 'Library/Fonts')];
  return ['/usr/share/fonts', '/usr/local/share/fonts', join(homedir(), '.fonts'), join(homedir(), '.local/share/fonts')];
}

function walk(folder: string, out: string[], depth = 0): void {
  if (depth > 6) return;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(folder, name);
    if (FONT_EXTENSIONS.has(extname(name).toLowerCase())) out.push(path);
    else {
      try {
        if (statSync(path).isDirectory()) walk(path, out, depth + 1);
      } catch {
        // unreadable entries are skipped
      }
    }
  }
}

const FC_LIST = ['fc-list', ['--format', '%{file}\\n']] as const;
const FC_LIST_TIMEOUT_MS = 15_000;

function fontFilesIn(fcListOutput: string): string[] {
  return fcListOutput.split('\n').filter((f) => FONT_EXTENSIONS.has(extname(f).toLowerCase()));
}

/** fc-list knows the fonts fontconfig knows (also ones in extra folders), when it is there. */
function fontFilesFromFcList(): string[] | undefined {
  const result = spawnSync(...FC_LIST, { encoding: 'utf8', timeout: FC_LIST_TIMEOUT_MS });
  if (result.status !== 0 || !result.stdout) return undefined;
  return fontFilesIn(result.stdout);
}

function fontFilesFromFcListInBackground(signal: AbortSignal | undefined): Promise<string[] | undefined> {
  return new Promise((resolve) => {
    execFile(...FC_LIST, { encoding: 'utf8', timeout: FC_LIST_TIMEOUT_MS, ...(signal ? { signal } : {}) }, (error, stdout) => resolve(error || !stdout ? undefined : fontFilesIn(stdout)));
  });
}

/** The font files in fontconfig's list and the font folders, each once, in a stable order. */
function fontFiles(platform: NodeJS.Platform, fromFcList: string[] | undefined): string[] {
  const files = new Set<string>(fromFcList ?? []);
  const walked: string[] = [];
  for (const folder of fontFolders(platform)) walk(folder, walked);
  for (const file of walked) files.add(file);
  return [...files].sort();
}

const usesFcList = (platform: NodeJS.Platform) => platform !== 'win32' && platform !== 'darwin';

/** Faces just read, kept in the cache (when there is one) for the next run. */
const remembered = (cache: FontFaceCache | undefined, file: string, faces: FontFace[]): FontFace[] => cache?.store(file, faces) ?? faces;

/** Every installed font face with its names. Slow-ish (reads name tables, or takes them from `cache`); callers keep the result. */
export function installedFontFaces(platform: NodeJS.Platform = process.platform, cache?: FontFaceCache): FontFace[] {
  const files = fontFiles(platform, usesFcList(platform) ? fontFilesFromFcList() : undefined);
  const faces = files.flatMap((file) => cache?.lookup(file) ?? remembered(cache, file, readFontFaces(file)));
  void cache?.save();
  return faces;
}

/** Name tables read at once, at most: enough to keep the thread pool busy, well under macOS's 256 open files. */
const FILES_AT_ONCE = 16;

/**
 * installedFontFaces without blocking: fc-list runs as its own process and the name tables are read on
 * the thread pool, so a PDF export can scan while it loads its code. Same faces, same order. `signal`
 * stops it (fc-list is killed) when its result is no longer wanted.
 */
export async function installedFontFacesInBackground(platform: NodeJS.Platform = process.platform, signal?: AbortSignal, cache?: FontFaceCache): Promise<FontFace[]> {
  const files = fontFiles(platform, usesFcList(platform) ? await fontFilesFromFcListInBackground(signal) : undefined);
  const faces: FontFace[][] = [];
  for (let i = 0; i < files.length; i += FILES_AT_ONCE) {
    signal?.throwIfAborted();
    const batch = files.slice(i, i + FILES_AT_ONCE);
    faces.push(...(await Promise.all(batch.map(async (file) => cache?.lookup(file) ?? remembered(cache, file, await readFontFacesInBackground(file))))));
  }
  void cache?.save();
  return faces.flat();
}
