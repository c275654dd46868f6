import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeSharedBrowser, createReportInUi, launchHarness } from '../harness/rendererHarness.js';

afterAll(closeSharedBrowser);


const cell = (page: Page, table: string, rowId: string, colId: string) => page.locator(`[data-cell="${table}|${rowId}|${colId}"]`);
const focused = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.cell ?? null);

describe('editor details', () => {
  it('keeps only what the report prints when text is pasted from Word or a web page', async () => {
    const h = await launchHarness();
    try {
      await createReportInUi(h, '细节测试局');
      await h.page.locator('[data-section="problems"]').click();
      const editor = h.page.getByTestId('narrative-problems');
      await editor.locator('p').last().click();
      await h.page.keyboard.press('End');
      const html =
        '<p style="font-family:宋体;color:red;text-align:center;margin-left:40px"><span style="font-size:30px;color:blue"><b>加粗的</b><i>斜体的</i><u>下划线</u>文字</span></p>' +
        '<img src="https://example.com/x.png"><table><tr><td>表格里的字</td></tr></table><h1>一级标题</h1><h4>四级标题</h4>';
      await editor.evaluate((el, data) => {
        const transfer = new DataTransfer();
        transfer.setData('text/html', data);
        transfer.setData('text/plain', '加粗的斜体的下划线文字');
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      }, html);
      await expect.poll(async () => editor.textContent()).toContain('加粗的斜体的下划线文字');
      const dom = await editor.innerHTML();
      expect(dom).not.toMatch(/style="[^"]*(color|font|margin|text-align)/);
      expect(dom).not.toContain('<img');
      expect(dom).not.toContain('<table');
      expect(dom).not.toMatch(/<em|<i[ >]|<u[ >]|underline/);
      expect(dom).toMatch(/<strong[^>]*>加粗的<\/strong>|class="lx-bold"[^>]*>加粗的/);
      expect(await editor.locator('h2').filter({ hasText: '一级标题' }).count()).toBe(1);
      expect(await editor.locator('h3').filter({ hasText: '四级标题' }).count()).toBe(1);
    } finally {
      await h.close();
    }
  }, 60_000);

  it('inserts the standard wording filled from the report’s facts', async () => {
    const h = await launchHarness();
    try {
      await createReportInUi(h, '某某市统计局');
      await h.page.locator('[data-section="preamble"]').click();
      const editor = h.page.getByTestId('narrative-preamble');
      await editor.click();
      await h.page.keyboard.press('Control+A');
      await h.page.keyboard.press('Delete');
      await expect.poll(async () => (await editor.textContent())?.trim()).toBe('');
      await h.page.getByTestId('tb-starter').click();
      await expect.poll(async () => editor.textContent()).toContain('某某市统计局编制了2025年政府信息公开工作年度报告');
      expect(await editor.textContent()).toContain('统计期限自2025年1月1日起至2025年12月31日止');
    } finally {
      await h.close();
    }
  }, 60_000);

  it('moves like a spreadsheet: Tab skips totals, arrows and Enter move, Delete clears, 万元 takes four decimals', async () => {
    const h = await launchHarness();
    const { page } = h;
    try {
      await createReportInUi(h, '细节测试局');
      await page.locator('[data-section="apply"]').click();
      await cell(page, 'gov-2021.apply', 'r1_new', 'other_org').click();
      await page.keyboard.press('Tab');
      // 总计 is computed: Tab goes on to the next line's first input.
      expect(await focused(page)).toBe('gov-2021.apply|r2_carried_in|natural');
      await page.keyboard.press('Shift+Tab');
      expect(await focused(page)).toBe('gov-2021.apply|r1_new|other_org');
      await page.keyboard.press('ArrowDown');
      expect(await focused(page)).toBe('gov-2021.apply|r2_carried_in|other_org');
      await page.keyboard.type('9');
      await page.keyboard.press('Enter');
      expect(await focused(page)).toBe('gov-2021.apply|r3_1_open|other_org');
      await page.keyboard.press('ArrowUp');
      expect(await cell(page, 'gov-2021.apply', 'r2_carried_in', 'other_org').inputValue()).toBe('9');
      expect(await cell(page, 'gov-2021.apply', 'r2_carried_in', 'total').inputValue()).toBe('9');
      await page.keyboard.press('Delete');
      await expect.poll(async () => cell(page, 'gov-2021.apply', 'r2_carried_in', 'other_org').inputValue()).toBe('');

      await page.locator('[data-section="active"]').click();
      const fee = cell(page, 'gov-2021.active', 'admin_fee', 'fee_amount');
      await fee.click();
      await page.keyboard.type('12.34567');
      await page.keyboard.press('Enter');
      await expect.poll(async () => page.getByTestId('cell-bubble').textContent()).toContain('最多保留 4 位小数');
      await page.keyboard.press('Escape');
      await fee.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('12.3456');
      await page.keyboard.press('Enter');
      await expect.poll(async () => fee.inputValue()).toBe('12.3456');
      expect(await cell(page, 'gov-2021.active', 'regulations', 'made').getAttribute('readonly')).toBeNull();
    } finally {
      await h.close();
    }
  }, 60_000);

  it('saves a value still being typed in a cell, and offers newer unsaved work when the file is opened again', async () => {
    const h = await launchHarness();
    const { page } = h;
    try {
      await createReportInUi(h, '未提交测试局');
      await page.locator('[data-section="apply"]').click();
      await cell(page, 'gov-2021.apply', 'r1_new', 'natural').click();
      await page.keyboard.type('21');
      const file = join(mkdtempSync(join(tmpdir(), 'drs-pending-')), 'r.drs');
      h.dialogs.saves.push(file);
      await h.sendCommand({ type: 'menu', command: 'save' });
      await expect.poll(async () => page.getByTestId('status-bar').textContent()).toContain('已保存');
      expect(JSON.parse(readFileSync(file, 'utf8')).tables['gov-2021.apply'].r1_new.natural).toBe(21);

      // Unsaved edit, kept by autosave; then the file is opened again from the recent list.
      await cell(page, 'gov-2021.apply', 'r2_carried_in', 'natural').click();
      await page.keyboard.type('5');
      await page.keyboard.press('Enter');
      await page.evaluate(() => window.dispatchEvent(new Event('blur')));
      await expect.poll(async () => (await h.drafts.listRecovery()).length).toBe(1);
      await page.reload();
      await page.getByTestId('recent-list').getByRole('button').first().click();
      const offer = page.getByTestId('recovery-offer');
      await offer.getByRole('button', { name: '恢复未保存的修改' }).click();
      await page.locator('[data-section="apply"]').click();
      await expect.poll(async () => cell(page, 'gov-2021.apply', 'r2_carried_in', 'natural').inputValue()).toBe('5');
    } finally {
      await h.close();
    }
  }, 90_000);
});
