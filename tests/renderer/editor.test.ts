import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { docxPart, pdfRawText } from '../export/readers.js';
import { closeSharedBrowser, createReportInUi, launchHarness } from '../harness/rendererHarness.js';

const SHOTS = join(ROOT, 'test-results');
afterAll(closeSharedBrowser);

const cell = (page: Page, rowId: string, colId: string, table = 'gov-2021.apply') => page.locator(`[data-cell="${table}|${rowId}|${colId}"]`);

async function typeInCell(page: Page, rowId: string, colId: string, value: string) {
  await cell(page, rowId, colId).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
}

/** Pastes text as Excel or WPS put it on the clipboard. */
async function paste(page: Page, rowId: string, colId: string, text: string) {
  await cell(page, rowId, colId).focus();
  await cell(page, rowId, colId).evaluate((input, data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

/** Types Chinese the way an input method does: a composition that is then committed. */
async function typeWithIme(page: Page, pinyin: string, committed: string) {
  const cdp = await page.context().newCDPSession(page);
  for (let i = 1; i <= pinyin.length; i++) await cdp.send('Input.imeSetComposition', { text: pinyin.slice(0, i), selectionStart: i, selectionEnd: i });
  await cdp.send('Input.insertText', { text: committed });
  await cdp.detach();
}

/** Puts the caret at the end of an editor's last paragraph, once the editor has taken the selection. */
async function caretAtEnd(page: Page, editor: Locator) {
  await editor.locator('p').last().click();
  await page.keyboard.press('End');
  await expect
    .poll(async () => editor.evaluate((el) => {
      const selection = document.getSelection();
      const last = el.querySelector('p:last-of-type');
      return !!selection?.focusNode && !!last && last.contains(selection.focusNode) && selection.focusOffset === (selection.focusNode.textContent ?? '').length;
    }))
    .toBe(true);
  await page.waitForTimeout(50);
}


describe('the editor, end to end in Chromium on the real services', () => {
  it('writes a gov-2021 report, fills table 三, saves, reopens, recovers after a crash and exports', async () => {
    const h = await launchHarness({ viewport: { width: 1440, height: 900 } });
    h.settings.update({ autosaveSeconds: 2 });
    await h.page.reload();
    const { page } = h;
    try {
      await expect.poll(async () => page.getByTestId('format-list').locator('li').count()).toBe(3);
      await page.screenshot({ path: join(SHOTS, 'editor-start-screen.png') });
      await createReportInUi(h, '测试县公安局');
      expect(await page.getByTestId('editor').textContent()).toContain('测试县公安局2025年政府信息公开工作年度报告');

      // 一、总体情况: Chinese typed directly and through an input-method composition.
      await page.locator('[data-section="overview"]').click();
      const overview = page.getByTestId('narrative-overview');
      await caretAtEnd(page, overview);
      await page.keyboard.press('Enter');
      await page.keyboard.insertText('本年度主动公开政府信息１２３条，');
      await typeWithIme(page, 'gongkai', '公开');
      await page.keyboard.insertText('渠道进一步拓宽。');
      await expect.poll(async () => overview.textContent()).toContain('本年度主动公开政府信息１２３条，公开渠道进一步拓宽。');
      // Enter started a paragraph of its own, and the composition did not split or double any character.
      await expect.poll(async () => page.getByTestId('narrative-overview').locator('p', { hasText: /^本年度主动公开政府信息１２３条，公开渠道进一步拓宽。$/ }).count()).toBe(1);
      await page.screenshot({ path: join(SHOTS, 'editor-narrative.png') });

      // 三: typing, refused values, a pasted block, and a consistency error that appears and goes away.
      await page.locator('[data-section="apply"]').click();
      await typeInCell(page, 'r1_new', 'natural', '12');
      await expect.poll(async () => cell(page, 'r1_new', 'total').inputValue()).toBe('12');
      const p01 = page.getByTestId('findings').locator('[data-rule="P-01"]');
      await expect.poll(async () => p01.first().textContent()).toContain('自然人列：第一项加第二项之和（12）不等于第三项加第四项之和（0），相差 12');
      expect(await cell(page, 'r4_carry_out', 'natural').evaluate((el) => el.parentElement?.className)).toContain('mark-error');
      // Clicking the finding moves to the cell it is about.
      await p01.first().click();
      await expect.poll(async () => cell(page, 'r4_carry_out', 'natural').evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await cell(page, 'r4_carry_out', 'natural').evaluate((el) => el.parentElement?.title)).toContain('第一项加第二项之和（12）');
      await page.screenshot({ path: join(SHOTS, 'editor-table-error.png') });

      await typeInCell(page, 'r2_carried_in', 'natural', 'abc');
      await expect.poll(async () => page.getByTestId('cell-bubble').textContent()).toContain('只能填写数字');
      await page.keyboard.press('Escape');
      await typeInCell(page, 'r2_carried_in', 'natural', '-1');
      await expect.poll(async () => page.getByTestId('cell-bubble').textContent()).toContain('不能为负数');
      await page.keyboard.press('Escape');
      expect(await cell(page, 'r2_carried_in', 'natural').inputValue()).toBe('');

      await paste(page, 'r3_1_open', 'natural', '5\t1\n3\tx\n');
      await expect.poll(async () => page.getByTestId('cell-bubble').textContent()).toContain('第 2 行第 2 列');
      expect(await cell(page, 'r3_1_open', 'natural').inputValue()).toBe('');
      await paste(page, 'r3_1_open', 'natural', '5\t1\r\n3\t0\r\n');
      await expect.poll(async () => cell(page, 'r3_2_partial', 'natural').inputValue()).toBe('3');
      expect(await cell(page, 'r3_1_open', 'commercial').inputValue()).toBe('1');
      expect(await cell(page, 'r3_7_total', 'natural').inputValue()).toBe('8');
      await typeInCell(page, 'r1_new', 'commercial', '1');
      await typeInCell(page, 'r4_carry_out', 'natural', '4');
      await expect.poll(async () => p01.count()).toBe(0);
      expect(await cell(page, 'r4_carry_out', 'natural').evaluate((el) => el.parentElement?.className)).not.toContain('mark-error');
      expect(await cell(page, 'r3_7_total', 'total').getAttribute('readonly')).not.toBeNull();

      // Save (as the menu's 保存 does): the first save asks where, with the default name.
      const file = join(mkdtempSync(join(tmpdir(), 'drs-editor-')), '测试县公安局2025年政府信息公开工作年度报告.drs');
      h.dialogs.saves.push(file);
      await h.sendCommand({ type: 'menu', command: 'save' });
      await expect.poll(async () => page.getByTestId('status-bar').textContent()).toContain('已保存');
      expect(h.dialogs.asked).toContain('save:测试县公安局2025年政府信息公开工作年度报告.drs');
      expect(h.window).toMatchObject({ dirty: false, title: '测试县公安局2025年政府信息公开工作年度报告.drs' });

      // Reload the page, reopen the file from the recent list: every character and number is back.
      await page.reload();
      await page.getByTestId('recent-list').getByRole('button').first().click();
      await page.locator('[data-section="overview"]').click();
      await expect.poll(async () => page.getByTestId('narrative-overview').textContent()).toContain('本年度主动公开政府信息１２３条，公开渠道进一步拓宽。');
      await page.locator('[data-section="apply"]').click();
      expect(await cell(page, 'r3_2_partial', 'natural').inputValue()).toBe('3');
      expect(await cell(page, 'r4_carry_out', 'natural').inputValue()).toBe('4');

      // Edit, let autosave run, then kill the renderer: the work comes back at the next start.
      await page.locator('[data-section="problems"]').click();
      await caretAtEnd(page, page.getByTestId('narrative-problems'));
      await page.keyboard.insertText('崩溃前输入的内容。');
      await expect.poll(async () => (await h.drafts.listRecovery()).length, { timeout: 10_000 }).toBe(1);
      const crashed = new Promise((resolve) => page.once('crash', resolve));
      page.goto('chrome://crash').catch(() => undefined);
      await crashed;
      const next = await h.reopen();
      await next.getByTestId('recovery-list').getByRole('button', { name: '恢复' }).click();
      await next.locator('[data-section="problems"]').click();
      await expect.poll(async () => next.getByTestId('narrative-problems').textContent()).toContain('崩溃前输入的内容。');
      expect(await next.getByTestId('status-bar').textContent()).toContain('未保存');

      // Export: the report still has errors, so the dialog offers a draft.
      await next.getByTestId('export').click();
      const dialog = next.getByTestId('export-dialog');
      expect(await dialog.textContent()).toContain('只能导出为草稿');
      await next.screenshot({ path: join(SHOTS, 'editor-export-dialog.png') });
      const folder = mkdtempSync(join(tmpdir(), 'drs-editor-export-'));
      h.dialogs.exportFolders.push(folder);
      await dialog.getByRole('button', { name: '导出草稿' }).click();
      await next.getByTestId('export-result').waitFor({ timeout: 60_000 });
      const pdf = join(folder, '测试县公安局2025年政府信息公开工作年度报告.pdf');
      const docx = join(folder, '测试县公安局2025年政府信息公开工作年度报告.docx');
      const pdfText = pdfRawText(pdf).replace(/\s+/g, '');
      expect(pdfText).toContain('本年度主动公开政府信息１２３条，公开渠道进一步拓宽。');
      expect(pdfText).toContain('崩溃前输入的内容。');
      // 自然人 12, 商业企业 1, the other applicant columns left empty, 总计 13.
      expect(pdfText).toContain("一、本年新收政府信息公开申请数量12113");
      expect(docxPart(docx, 'word/document.xml')).toContain('崩溃前输入的内容。');
      await next.screenshot({ path: join(SHOTS, 'editor-export-done.png') });
      await dialog.getByRole('button', { name: '打开文件' }).first().click();
      await expect.poll(() => h.desktop.opened.length).toBe(1);
      await dialog.getByRole('button', { name: '关闭' }).click();

      // English and back.
      await next.getByTestId('language').click();
      await expect.poll(async () => next.getByTestId('save').textContent()).toBe('Save');
      expect(await next.getByTestId('findings').textContent()).toMatch(/Checks/);
      await next.getByTestId('language').click();
      await expect.poll(async () => next.getByTestId('save').textContent()).toBe('保存');
      expect(h.settings.get().locale).toBe('zh-CN');
    } finally {
      await h.close();
    }
  }, 180_000);

  it('shows why a file cannot be opened and offers its newest backup, leaving the file as it is', async () => {
    const h = await launchHarness();
    const { page } = h;
    try {
      const file = join(mkdtempSync(join(tmpdir(), 'drs-broken-')), 'r.drs');
      await createReportInUi(h, '测试县公安局');
      h.dialogs.saves.push(file);
      await h.sendCommand({ type: 'menu', command: 'save' });
      await expect.poll(async () => page.getByTestId('status-bar').textContent()).toContain('已保存');
      await page.locator('[data-section="apply"]').click();
      await typeInCell(page, 'r1_new', 'natural', '7');
      await h.sendCommand({ type: 'menu', command: 'save' });
      await expect.poll(async () => (await h.drafts.listBackups(file)).length).toBe(1);
      const { writeFileSync } = await import('node:fs');
      writeFileSync(file, '{"schemaVersion": 1, "templateId": "gov-20');
      await h.sendCommand({ type: 'openFile', path: file });
      const dialog = page.getByTestId('load-failure');
      await expect.poll(async () => dialog.textContent()).toContain('文件内容不完整');
      await dialog.getByRole('button', { name: /打开最新备份/ }).click();
      await page.getByTestId('editor').waitFor();
      expect(readFileSync(file, 'utf8')).toBe('{"schemaVersion": 1, "templateId": "gov-20');
    } finally {
      await h.close();
    }
  }, 120_000);
});
