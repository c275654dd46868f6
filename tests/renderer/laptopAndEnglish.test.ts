import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { tableGrid } from '../../src-core/index.js';
import { ROOT, SHARED_DIR, templates } from '../helpers.js';
import { closeSharedBrowser, createReportInUi, launchHarness } from '../harness/rendererHarness.js';

const SHOTS = join(ROOT, 'test-results');
afterAll(closeSharedBrowser);

describe('office laptops: 1366×768 at 100 % and at 125 % (1093×614 CSS pixels)', () => {
  for (const [name, viewport] of [
    ['100', { width: 1366, height: 768 }],
    ['125', { width: 1093, height: 614 }],
  ] as const) {
    it(`keeps the document column wide and the table headers readable at ${name} %`, async () => {
      const h = await launchHarness({ viewport });
      const { page } = h;
      try {
        await createReportInUi(h, '测试县公安局');
        await page.locator('[data-section="apply"]').click();
        await page.getByTestId('table-gov-2021.apply').waitFor();
        await page.screenshot({ path: join(SHOTS, `laptop-${name}-table.png`) });
        // The writing column keeps most of the window; the side panels give way.
        const column = await page.locator('.section-area').evaluate((el) => el.getBoundingClientRect().width);
        expect(column).toBeGreaterThan(viewport.width * 0.6);
        // No header cell squeezed to one character a line: each is at least two characters wide,
        // and the table scrolls sideways inside its frame instead of the page.
        const narrowest = await page.locator('.stat-table td.header, .stat-table td.caption').evaluateAll((cells) => Math.min(...cells.map((c) => c.getBoundingClientRect().width / parseFloat(getComputedStyle(c).fontSize))));
        expect(narrowest).toBeGreaterThanOrEqual(2);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        if (name === '125') {
          // Guidance and checks open as a panel from the toolbar.
          expect(await page.locator('.side').isVisible()).toBe(false);
          await page.getByTestId('side-toggle').click();
          await expect.poll(async () => page.getByTestId('findings').isVisible()).toBe(true);
          await page.screenshot({ path: join(SHOTS, `laptop-${name}-side-open.png`) });
        } else {
          expect(await page.getByTestId('findings').isVisible()).toBe(true);
        }
        // Ctrl+= (Electron's zoom role) narrows the CSS width the same way: the layout follows.
        await page.setViewportSize({ width: Math.round(viewport.width / 1.25), height: Math.round(viewport.height / 1.25) });
        await expect.poll(async () => page.locator('.section-area').evaluate((el) => el.getBoundingClientRect().width / window.innerWidth)).toBeGreaterThan(0.6);
      } finally {
        await h.close();
      }
    });
  }
});

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/u;

/**
 * The visible interface text with report content taken out: what the user wrote or imported (report
 * text, facts, the title, table labels and the page view), the mandated headings and format names.
 */
async function interfaceText(page: Page, allowed: readonly string[]): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const content = '[lang|="zh"], [contenteditable], .stat-table, .page-view, .doc-title, .outline .name, .mandated-heading, [data-content], input, textarea, select, .path, .lx-paragraph';
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(content) || !parent.checkVisibility()) continue;
      const text = node.textContent?.trim();
      if (text) found.push(text);
    }
    for (const el of document.querySelectorAll<HTMLElement>('[title], [aria-label], [placeholder]')) {
      if (el.closest('.stat-table, .page-view') || !el.checkVisibility()) continue;
      for (const name of ['title', 'aria-label', 'placeholder']) if (el.getAttribute(name)) found.push(el.getAttribute(name)!);
    }
    return found;
  });
  const strip = (text: string) => allowed.reduce((t, a) => t.split(a).join(''), text).replace(/【[^】]*】|“[^”]*”|"[^"]*"/g, '');
  return texts.filter((t) => CJK.test(strip(t)));
}

describe('the English interface', () => {
  it('has no Chinese outside report content, mandated headings and format names, on every screen and dialog', async () => {
    const h = await launchHarness({ viewport: { width: 1366, height: 768 } });
    const { page } = h;
    const formats = [...templates.values()];
    const tableLabels = formats.flatMap((t) => [...t.tableModels.values()].flatMap((m) => tableGrid(m).flatMap((row) => row.cells.map((c) => c.text ?? ''))));
    // Longest first, so a heading is taken out whole before a shorter label inside it.
    const allowed = [
      ...formats.flatMap((t) => [t.name.en, t.name['zh-CN'], ...t.sections.map((s) => s.heading ?? '')]),
      ...tableLabels,
      ...formats.flatMap((t) => [...t.tableModels.values()].map((m) => m.def.title)),
      '（二）', // the guidance names the mandated row label
      '淮安市洪泽区人民政府', // read from the imported file
      '测试县公安局2025年政府信息公开工作年度报告',
      '测试县公安局',
      'e.g. 青川县公安局', // an example of what to type: the agency's name as printed
      '中文', // the language switch names the other language in that language
    ]
      .filter((s) => s.trim() !== '')
      .sort((a, b) => b.length - a.length);
    const problems: Record<string, string[]> = {};
    const look = async (screen: string) => {
      const found = await interfaceText(page, allowed);
      if (found.length > 0) problems[screen] = found;
    };
    try {
      h.settings.update({ locale: 'en' });
      await page.reload();
      await expect.poll(async () => page.getByTestId('format-list').locator('li').count()).toBe(3);
      await expect.poll(async () => page.getByTestId('start-screen').textContent()).toContain('New report');
      await look('start');
      await page.getByTestId('preferences').click();
      await page.getByTestId('preferences-dialog').waitFor();
      await look('preferences');
      await page.keyboard.press('Escape');
      await page.getByTestId('about').click();
      await page.getByTestId('about-dialog').waitFor();
      await look('about');
      await page.keyboard.press('Escape');

      h.dialogs.imports.push(join(SHARED_DIR, 'reference-reports/published/hongze-gov-2023.txt'));
      await page.getByTestId('import-button').click();
      await page.getByTestId('import-report').waitFor({ timeout: 20_000 });
      await look('import');
      await page.getByTestId('import-dialog').getByRole('button', { name: 'Cancel' }).last().click();

      await page.getByRole('textbox', { name: 'Full name of the agency' }).fill('测试县公安局');
      await page.getByRole('button', { name: 'Create' }).click();
      await page.getByTestId('editor').waitFor();
      for (const id of await page.locator('.outline [data-section]').evaluateAll((els) => els.map((e) => e.getAttribute('data-section')!))) {
        await page.locator(`[data-section="${id}"]`).first().click();
        await look(`editor:${id}`);
      }
      await page.keyboard.press('Control+H');
      await page.getByTestId('find-query').fill('zzz');
      await look('find');
      await page.keyboard.press('Escape');
      await page.getByTestId('toggle-pages').click();
      await page.getByTestId('page-view').waitFor();
      await look('page view');
      await page.getByTestId('export').click();
      await page.getByTestId('export-dialog').waitFor();
      await look('export');
      await page.keyboard.press('Escape');
      await page.getByTestId('toggle-pages').click();
      await page.locator('[data-section="problems"]').click();
      await page.getByTestId('narrative-problems').click();
      await page.keyboard.insertText('x');
      await page.getByTestId('home').click();
      await page.getByTestId('unsaved-changes').waitFor();
      await look('unsaved changes');
      await page.screenshot({ path: join(SHOTS, 'english-unsaved-changes.png') });
      expect([...new Set(Object.values(problems).flat())]).toEqual([]);
      expect(problems).toEqual({});
    } finally {
      await h.close();
    }
  });
});
