import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedBrowser, launchHarness } from '../harness/rendererHarness.js';
import { SHARED_DIR } from '../helpers.js';

afterAll(closeSharedBrowser);

const HONGZE_2023 = join(SHARED_DIR, 'reference-reports', 'published', 'hongze-gov-2023.pdf');

describe('importing an existing report in the app', () => {
  it('reads a published PDF, shows the import report with its table errors, and opens it as a new unsaved report', async () => {
    const h = await launchHarness();
    try {
      const before = statSync(HONGZE_2023).mtimeMs;
      h.dialogs.imports.push(HONGZE_2023);
      await h.page.getByTestId('import-button').click();
      const report = h.page.getByTestId('import-report');
      await report.waitFor({ timeout: 30_000 });
      expect(await h.page.getByTestId('import-year').textContent()).toBe('2023');
      expect(await h.page.getByTestId('import-org').textContent()).toContain('淮安市洪泽区人民政府');
      expect(await h.page.getByTestId('import-sections').locator('li').count()).toBeGreaterThanOrEqual(6);
      // The published 表四 does not add up (行政复议 总计 0 against 10 + 1): the checks say so before accepting.
      expect(await h.page.getByTestId('import-checks').textContent()).toMatch(/[1-9]\d* 个错误/);
      await h.page.screenshot({ path: 'test-results/import-dialog.png' });
      await h.page.getByTestId('import-accept').click();
      await h.page.locator('[data-section="review"]').click();
      await expect.poll(() => h.page.locator('[data-cell="gov-2021.review|count|rv_upheld"]').inputValue()).toBe('10');
      // The printed total stays as printed, marked as the error it is.
      expect(await h.page.locator('[data-cell="gov-2021.review|count|rv_total"]').inputValue()).toBe('0');
      expect(await h.page.locator('[data-cell="gov-2021.review|count|rv_total"]').getAttribute('aria-invalid')).toBe('true');
      await h.page.screenshot({ path: 'test-results/import-accepted-review.png' });
      expect(h.window.dirty).toBe(true);
      expect(statSync(HONGZE_2023).mtimeMs).toBe(before);
    } finally {
      await h.close();
    }
  }, 90_000);

  it('says why a file cannot be imported, and opens nothing', async () => {
    const h = await launchHarness();
    try {
      const empty = join(h.dataDir, 'empty.docx');
      (await import('node:fs')).writeFileSync(empty, '');
      h.dialogs.imports.push(empty);
      await h.page.getByTestId('import-button').click();
      const failure = h.page.getByTestId('import-failure');
      await failure.waitFor({ timeout: 20_000 });
      expect((await failure.textContent())?.length).toBeGreaterThan(5);
      expect(existsSync(empty)).toBe(true);
      await h.page.getByTestId('import-dialog').getByRole('button').click();
      expect(await h.page.getByTestId('start-screen').isVisible()).toBe(true);
    } finally {
      await h.close();
    }
  }, 60_000);
});
