import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedBrowser, createReportInUi, launchHarness } from '../harness/rendererHarness.js';
import { ROOT, template } from '../helpers.js';

afterAll(closeSharedBrowser);

const SHOTS = join(ROOT, 'test-results');

describe('the findings of a blank report, as a clerk works through them', () => {
  it('errors come first; empty cells are one warning per table that jumps to its first empty cell; every gap is listed; no internal id; the panel folds', async () => {
    const h = await launchHarness({ viewport: { width: 1440, height: 900 } });
    const { page } = h;
    try {
      await createReportInUi(h, '瑞安市公安局');
      const panel = page.getByTestId('findings');
      const items = panel.locator('li:not(.group)');
      await expect.poll(async () => items.count()).toBeGreaterThan(0);
      const severities = await items.evaluateAll((lis) => lis.map((li) => li.className.split(' ')[0]));
      // Gaps of one section come under one heading with their number.
      const introGaps = panel.locator('li.group').first();
      expect(await introGaps.textContent()).toMatch(/^错误引言：以下 5 处【请填写：门户网站地址】【请填写：联系部门】/);
      const firstWarning = severities.indexOf('warning');
      expect(severities.slice(0, firstWarning).every((s) => s === 'error')).toBe(true);
      expect(severities.slice(firstWarning).every((s) => s === 'warning')).toBe(true);

      const tables = [...template('gov-2021').tableModels.keys()];
      const empty = panel.locator('[data-rule="V-04"]');
      expect(await empty.count()).toBe(tables.length);
      expect(await empty.nth(1).textContent()).toContain('表中有 144 个单元格未填写');

      // No message shows a row or column id of the template.
      const ids = tables.flatMap((id) => template('gov-2021').tableModels.get(id)!.def.blocks.flatMap((b) => [...b.rows.map((r) => r.id), ...b.columns.map((c) => c.id)]));
      const texts = await items.allTextContents();
      for (const text of texts) for (const id of ids) expect(text).not.toMatch(new RegExp(`(?<![A-Za-z0-9_-])${id}(?![A-Za-z0-9_])`));

      // Every 【请填写】 gap of the starter wording has its own line.
      const gaps = await panel.locator('[data-rule="C-04"]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('title')));
      expect(gaps.length).toBeGreaterThan(5);
      expect(new Set(gaps).size).toBe(gaps.length);
      await page.screenshot({ path: join(SHOTS, 'findings-blank-report.png') });

      // 表四's empty cells: the warning selects its first empty cell, ready to type over.
      await empty.nth(2).click();
      await expect.poll(async () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.cell ?? null)).toBe('gov-2021.review|count|rv_upheld');
      await page.keyboard.type('0');
      await page.keyboard.press('Tab');
      await expect.poll(async () => empty.nth(2).textContent()).toContain('表中有 11 个单元格未填写');

      // Folded, the list gives the report its room; unfolded, it is back.
      await page.getByTestId('findings-toggle').click();
      expect(await items.count()).toBe(0);
      expect(await panel.textContent()).toContain('个错误');
      await page.getByTestId('findings-toggle').click();
      expect(await items.count()).toBeGreaterThan(0);
    } finally {
      await h.close();
    }
  }, 60_000);

  it('takes a website written without http:// and completes it', async () => {
    const h = await launchHarness();
    const { page } = h;
    try {
      await createReportInUi(h, '瑞安市公安局');
      await page.locator('[data-section="meta"]').click();
      const website = page.locator('input[name="website"]');
      await website.fill('www.ruian.gov.cn');
      expect(await page.getByText('网址格式不正确').count()).toBe(0);
      await website.press('Tab');
      await expect.poll(async () => website.inputValue()).toBe('http://www.ruian.gov.cn');
      await website.fill('ruian gov');
      await expect.poll(async () => page.getByText('网址格式不正确').count()).toBe(1);
    } finally {
      await h.close();
    }
  }, 60_000);
});
