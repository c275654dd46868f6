import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { extname, join } from 'node:path';
import { readFontFaces, type FontFace } from './fontNames.js';

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

/** fc-list knows the fonts fontconfig knows (also ones in extra folders), when it is there. */
function fontFilesFromFcList(): string[] | undefined {
  const result = spawnSync('fc-list', ['--format', '%{file}\\n'], { encoding: 'utf8', timeout: 15_000 });
  if (result.status !== 0 || !result.stdout) return undefined;
  return result.stdout.split('\n').filter((f) => FONT_EXTENSIONS.has(extname(f).toLowerCase()));
}

/** Every installed font face with its names. Slow-ish (reads name tables); callers cache it. */
export function installedFontFaces(platform: NodeJS.Platform = process.platform): FontFace[] {
  const files = new Set<string>(platform === 'win32' || platform === 'darwin' ? [] : (fontFilesFromFcList() ?? []));
  const walked: string[] = [];
  for (const folder of fontFolders(platform)) walk(folder, walked);
  for (const file of walked) files.add(file);
  return [...files].sort().flatMap((file) => readFontFaces(file));
}
