import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { pdfFonts } from '../export/readers.js';
import { closeSharedBrowser, createReportInUi, launchHarness } from '../harness/rendererHarness.js';

const SHOTS = join(ROOT, 'test-results');
const BUNDLED_SERIF = join(ROOT, 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
afterAll(closeSharedBrowser);


describe('报告信息 panel', () => {
  it('a new 机关全称 changes the title and the standard preamble, but never a hand-edited paragraph', async () => {
    const h = await launchHarness({ viewport: { width: 1440, height: 900 } });
    const { page } = h;
    try {
      await createReportInUi(h, '甲县公安局');
      // Edit the overview's last paragraph by hand.
      await page.locator('[data-section="overview"]').click();
      await page.getByTestId('narrative-overview').locator('p').last().click();
      await page.keyboard.press('End');
      await page.keyboard.insertText('（甲县公安局手写）');
      await page.locator('[data-section="meta"]').click();
      const panel = page.getByTestId('meta-panel');
      await panel.locator('input[name="orgName"]').fill('乙县公安局');
      await panel.locator('input[name="postcode"]').fill('12345');
      await expect.poll(async () => panel.getByTestId('fact-problem-postcode').textContent()).toContain('6 位数字');
      await panel.locator('input[name="signatureDate"]').fill('2026-03-15');
      await expect.poll(async () => panel.textContent()).toContain('晚于法定公布期限 2026年1月31日');
      await page.screenshot({ path: join(SHOTS, 'facts-panel.png') });
      expect(await page.locator('.doc-title').textContent()).toBe('乙县公安局2025年政府信息公开工作年度报告');
      await page.locator('[data-section="preamble"]').click();
      await expect.poll(async () => page.getByTestId('narrative-preamble').textContent()).toContain('乙县公安局编制了2025年政府信息公开工作年度报告');
      expect(await page.getByTestId('narrative-preamble').textContent()).not.toContain('甲县公安局');
      await page.locator('[data-section="overview"]').click();
      const overview = await page.getByTestId('narrative-overview').textContent();
      expect(overview).toContain('（甲县公安局手写）');
      expect(overview).toContain('2025年，乙县公安局');
    } finally {
      await h.close();
    }
  }, 90_000);
});

describe('preferences', () => {
  it('survive a restart, refuse invalid values, and the chosen font is the one in the next PDF', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'drs-prefs-'));
    const chosenFolder = mkdtempSync(join(tmpdir(), 'drs-prefs-folder-'));
    let h = await launchHarness({ dataDir, viewport: { width: 1440, height: 900 } });
    try {
      await h.page.getByTestId('preferences').click();
      const dialog = h.page.getByTestId('preferences-dialog');
      await dialog.locator('input[name="default-orgName"]').fill('丙县司法局');
      await dialog.locator('input[name="default-phone"]').fill('0839-1234567');
      await expect.poll(async () => dialog.locator('select[name="font-fangsong"] option').count()).toBeGreaterThan(2);
      await dialog.locator('select[name="font-fangsong"]').selectOption('Noto Sans SC');
      // Files and folders come from the native dialogs (answered here), never from a typed path.
      h.dialogs.fontFiles.push(BUNDLED_SERIF);
      await dialog.locator('button[name="font-file-hei"]').click();
      await expect.poll(async () => dialog.locator('select[name="font-hei"]').inputValue()).toBe(BUNDLED_SERIF);
      h.dialogs.exportFolders.push(chosenFolder);
      await dialog.getByRole('button', { name: '选择…' }).click();
      await expect.poll(async () => dialog.getByTestId('export-folder').textContent()).toBe(chosenFolder);
      await dialog.locator('input[name="autosaveSeconds"]').fill('0');
      await dialog.getByRole('button', { name: '保存设置' }).click();
      await expect.poll(async () => dialog.getByTestId('preferences-message').textContent()).toContain('设置未保存');
      expect(h.settings.get().autosaveSeconds).toBe(5);
      await dialog.locator('input[name="autosaveSeconds"]').fill('30');
      await dialog.getByRole('button', { name: '保存设置' }).click();
      await expect.poll(async () => dialog.getByTestId('preferences-message').textContent()).toBe('设置已保存');
      await h.page.screenshot({ path: join(SHOTS, 'preferences.png') });
    } finally {
      await h.close();
    }

    // A restart on the same data folder keeps them; a new report starts with the organisation's facts.
    h = await launchHarness({ dataDir });
    try {
      expect(h.settings.get()).toMatchObject({ autosaveSeconds: 30, exportFolder: chosenFolder, fonts: { fangsong: 'Noto Sans SC', hei: BUNDLED_SERIF }, defaultFacts: { orgName: '丙县司法局', phone: '0839-1234567' } });
      await expect.poll(async () => h.page.getByRole('textbox', { name: '机关全称' }).inputValue()).toBe('丙县司法局');
      await h.page.getByRole('button', { name: '创建' }).click();
      await h.page.getByTestId('editor').waitFor();
      await h.page.getByTestId('export').click();
      const folder = mkdtempSync(join(tmpdir(), 'drs-prefs-export-'));
      h.dialogs.exportFolders.push(folder);
      await h.page.getByTestId('export-dialog').getByRole('checkbox', { name: 'Word（.docx）' }).uncheck();
      await h.page.getByTestId('export-dialog').getByRole('button', { name: '导出草稿' }).click();
      await h.page.getByTestId('export-result').waitFor({ timeout: 60_000 });
      const pdf = readdirSync(folder).find((f) => f.endsWith('.pdf'));
      expect(pdf).toBeDefined();
      expect(pdfFonts(join(folder, pdf!)).map((f) => f.name).join(' ')).toContain('NotoSansSC');
    } finally {
      await h.close();
    }
  }, 150_000);

  it('a corrupt settings file is kept aside, the app starts with the defaults and says so', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'drs-corrupt-'));
    writeFileSync(join(dataDir, 'settings.json'), '{"locale": "en", ');
    const h = await launchHarness({ dataDir });
    try {
      await expect.poll(async () => h.page.locator('.banner').textContent()).toContain('设置文件已损坏');
      expect(await h.page.getByTestId('start-screen').isVisible()).toBe(true);
      const aside = readdirSync(dataDir).find((n) => n.startsWith('settings.corrupt-'));
      expect(aside && existsSync(join(dataDir, aside))).toBe(true);
    } finally {
      await h.close();
    }
  }, 60_000);

  it('the About box lists the open-source licences and the bundled fonts’ licence text', async () => {
    const h = await launchHarness();
    try {
      await h.page.getByTestId('about').click();
      const about = h.page.getByTestId('about-dialog');
      await expect.poll(async () => about.textContent()).toContain('lexical');
      expect(await about.textContent()).toContain('SIL Open Font License');
      expect(await about.textContent()).toContain('Noto Serif SC');
    } finally {
      await h.close();
    }
  }, 60_000);
});
