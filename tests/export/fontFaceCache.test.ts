import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCacheDir, FontFaceCache } from '../../src-main/export/fonts/fontFaceCache.js';
import type { FontFace } from '../../src-main/export/fonts/fontNames.js';
import { installedFontFaces, installedFontFacesInBackground } from '../../src-main/export/fonts/systemFonts.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'drs-font-cache-'));
const uncached = installedFontFaces();
const someFont = uncached[0]!.file;

interface CacheFile {
  version: number;
  files: Record<string, { size: number; mtimeMs: number; faces: { postscriptName: string; families: string[]; bold: boolean }[] }>;
}
const readCache = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
/** A scan with the cache kept in `file`, its write finished. */
async function scan(file: string): Promise<FontFace[]> {
  const cache = FontFaceCache.open(file);
  const faces = await installedFontFacesInBackground(process.platform, undefined, cache);
  await cache.save();
  return faces;
}
const plant = (file: string, size: number, family: string) => {
  const { mtimeMs } = statSync(someFont);
  writeFileSync(file, JSON.stringify({ version: 1, files: { [someFont]: { size, mtimeMs, faces: [{ postscriptName: 'Planted', families: [family], bold: false }] } } }));
};

describe('the installed fonts’ names kept between runs', () => {
  it('needs installed fonts to test with', () => {
    expect(uncached.length).toBeGreaterThan(0);
  });

  it('gives the same faces as reading every font, and keeps them for the next run', async () => {
    const file = join(tmp(), 'installed-fonts.json');
    expect(await scan(file)).toEqual(uncached);
    expect(new Set(Object.keys(readCache(file).files))).toEqual(new Set(uncached.map((face) => face.file)));
    expect(await scan(file)).toEqual(uncached);
    expect(installedFontFaces(process.platform, FontFaceCache.open(file))).toEqual(uncached);
  });

  it('takes a font’s names from the cache while the file is unchanged, and reads it again once it changed', async () => {
    const file = join(tmp(), 'installed-fonts.json');
    plant(file, statSync(someFont).size, 'Planted Family');
    const fromCache = await scan(file);
    expect(fromCache.find((face) => face.file === someFont)?.families).toEqual(['Planted Family']);

    // Another size: the file changed since, so its names are read again and the cache is corrected.
    plant(file, statSync(someFont).size + 1, 'Planted Family');
    expect(await scan(file)).toEqual(uncached);
    expect(readCache(file).files[someFont]?.size).toBe(statSync(someFont).size);
    expect(readCache(file).files[someFont]?.faces[0]?.families).not.toContain('Planted Family');
  });

  it('drops fonts no longer installed', async () => {
    const file = join(tmp(), 'installed-fonts.json');
    writeFileSync(file, JSON.stringify({ version: 1, files: { '/no/such/font.ttf': { size: 1, mtimeMs: 1, faces: [] } } }));
    await scan(file);
    expect(readCache(file).files[someFont]).toBeDefined();
    expect(readCache(file).files['/no/such/font.ttf']).toBeUndefined();
  });

  it.each([
    ['not JSON', '\u0000\u0001garbage'],
    ['another shape', JSON.stringify({ version: 1, files: { x: 'y' } })],
    ['a newer version', JSON.stringify({ version: 2, files: {} })],
  ])('reads the fonts as before when the cache file is %s, and writes a good one', async (_what, content) => {
    const file = join(tmp(), 'installed-fonts.json');
    writeFileSync(file, content);
    expect(await scan(file)).toEqual(uncached);
    expect(readCache(file).version).toBe(1);
  });

  it('works without a place to keep the cache (the folder cannot be made)', async () => {
    const blocker = join(tmp(), 'a-file');
    writeFileSync(blocker, '');
    const file = join(blocker, 'cache', 'installed-fonts.json');
    const cache = FontFaceCache.open(file);
    expect(await installedFontFacesInBackground(process.platform, undefined, cache)).toEqual(uncached);
    await expect(cache.save()).resolves.toBeUndefined();
  });

  it('lives in the platform’s cache folder, or DRS_CACHE_DIR', () => {
    expect(defaultCacheDir('linux', { XDG_CACHE_HOME: '/x/cache' })).toBe('/x/cache/disclosure-report-studio');
    expect(defaultCacheDir('win32', { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' })).toBe(join('C:\\Users\\u\\AppData\\Local', 'disclosure-report-studio', 'Cache'));
    expect(defaultCacheDir('linux', { DRS_CACHE_DIR: '/tmp/drs-cache' })).toBe('/tmp/drs-cache');
  });
});
