import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blockText, lexicalToBlocks, priorYearOf, type Report } from '../../src-core/index.js';
import { closeSharedBrowser, launchHarness } from '../harness/rendererHarness.js';
import { ROOT, sample, setText, template } from '../helpers.js';

afterAll(closeSharedBrowser);

const LAST = join(ROOT, 'tests/fixtures/gov-2021-qingchuan-psb-2024.drs');

/** The 2025 sample linked to its 2024 predecessor, with one paragraph of 2024's 总体情况 copied in. */
function linkedWithCopy(): string {
  const last = JSON.parse(readFileSync(LAST, 'utf8')) as Report;
  const report = sample('gov-2021');
  report.priorYear = priorYearOf(last, template('gov-2021'), { fileName: 'gov-2021-qingchuan-psb-2024.drs', kind: 'drs' }, new Date('2026-01-05T08:00:00Z'));
  const own = lexicalToBlocks(report.sections.overview).map((b) => (b.kind === 'heading' ? { heading: blockText(b) } : blockText(b)));
  setText(report, 'overview', [...own.slice(0, 4), '修订了《青川县公安局政府信息公开保密审查办法》，对拟公开信息实行承办民警初审、部门负责人复核、分管领导审定的三级审查。', ...own.slice(4)]);
  const file = join(mkdtempSync(join(tmpdir(), 'drs-lastyear-ui-')), 'linked.drs');
  writeFileSync(file, JSON.stringify(report));
  return file;
}

describe('last year beside this year in the app (issue #13)', () => {
  it('从上年报告开始: the new report carries 上年结转 over and 报告信息 shows the link, which can be removed', async () => {
    const h = await launchHarness({ viewport: { width: 1440, height: 900 } });
    const { page } = h;
    try {
      h.dialogs.lastYears.push(LAST);
      await page.getByTestId('start-from-last-year').click();
      await page.getByTestId('editor').waitFor();
      await page.locator('[data-section="apply"]').click();
      await expect.poll(() => page.locator('[data-cell="gov-2021.apply|r2_carried_in|natural"]').inputValue()).toBe('2');
      expect(await page.locator('[data-cell="gov-2021.apply|r2_carried_in|legal_service"]').inputValue()).toBe('1');
      await page.locator('[data-section="meta"]').click();
      expect(await page.getByTestId('prior-year-state').textContent()).toContain('已关联：gov-2021-qingchuan-psb-2024.drs（2024 年度');
      await page.screenshot({ path: 'test-results/prior-year-link.png' });
      await page.getByTestId('prior-year-remove').click();
      expect(await page.getByTestId('prior-year-state').textContent()).toContain('未关联上年报告');
      expect(h.window.dirty).toBe(true);
    } finally {
      await h.close();
    }
  }, 90_000);

  it('shows last year\'s section in a side pane and marks the paragraph copied from it; the tables show last year\'s values', async () => {
    const h = await launchHarness({ viewport: { width: 1600, height: 1000 } });
    const { page } = h;
    try {
      // The page opens a dropped file once it has the formats.
      await expect.poll(async () => page.getByTestId('format-list').locator('li').count(), { timeout: 10_000 }).toBe(3);
      await h.dropFiles([linkedWithCopy()]);
      await page.getByTestId('editor').waitFor();
      await page.locator('[data-section="overview"]').click();
      const repeated = page.getByTestId('narrative-overview').locator('.repeated-prior');
      await expect.poll(() => repeated.count()).toBe(1);
      expect(await repeated.getAttribute('title')).toMatch(/本段有 100% 的文字与2024年度报告相同/);
      await page.getByTestId('prior-pane-toggle').click();
      await repeated.scrollIntoViewIfNeeded();
      const pane = page.getByTestId('prior-pane');
      expect(await pane.textContent()).toContain('全年在门户网站发布警务信息1094条');
      expect(await pane.getByTestId('copy-prior-paragraph').count()).toBe(6);
      await page.screenshot({ path: 'test-results/prior-year-side-pane.png' });

      await page.locator('[data-section="apply"]').click();
      const carried = page.locator('td:has([data-cell="gov-2021.apply|r2_carried_in|total"])');
      expect(await carried.getAttribute('title')).toContain('上年：1　增减：+2');
      expect(await page.getByTestId('prior-value').count()).toBe(0);
      await page.getByTestId('prior-values-gov-2021.apply').click();
      expect(await carried.getByTestId('prior-value').textContent()).toBe('1 · +2');
      await page.screenshot({ path: 'test-results/prior-year-table-toggle.png' });
    } finally {
      await h.close();
    }
  }, 90_000);
});
