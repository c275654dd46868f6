import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, sample } from '../helpers.js';

/** The Electron binary, if one is installed (it cannot be downloaded on our own machines). */
function electronBinary(): string | undefined {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
if (!binary) console.log('Electron e2e skipped: no Electron binary is installed here (node_modules/electron/dist is missing; `npx install-electron` fetches it where there is internet).');

describe.skipIf(!binary)('the packaged flows in real Electron', () => {
  it('opens the window with the start screen, the preload API and a report named on the command line', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'drs-e2e-'));
    const file = join(dataDir, '报告.drs');
    writeFileSync(file, JSON.stringify(sample('gov-2021')));
    const app = await _electron.launch({ executablePath: binary, args: [ROOT, file], env: { ...process.env, DRS_USER_DATA: dataDir } });
    try {
      const page = await app.firstWindow();
      await expect.poll(async () => page.getByTestId('format-list').locator('li').count(), { timeout: 15_000 }).toBe(3);
      const nodeVisible = await page.evaluate(() => typeof (globalThis as { require?: unknown }).require);
      expect(nodeVisible).toBe('undefined');
      // The command line hands the file over; the page is only told to open it.
      await page.getByTestId('editor').waitFor({ timeout: 15_000 });
      const isolated = await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process);
      expect(isolated).toBe('undefined');
    } finally {
      await app.close();
    }
  }, 60_000);
});
