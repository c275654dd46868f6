import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDocumentModel, paginate, parseReport, tableGrid } from '../../src-core/index.js';
import { ROOT, template, templates, TEMPLATES_DIR } from '../helpers.js';
import { closeSharedBrowser, createReportInUi, launchHarness, type Harness } from '../harness/rendererHarness.js';

const SHOTS = join(ROOT, 'test-results');
afterAll(closeSharedBrowser);

const cell = (page: Page, rowId: string, colId: string, table = 'gov-2021.apply') => page.locator(`[data-cell="${table}|${rowId}|${colId}"]`);
const status = (page: Page) => page.getByTestId('status-bar').textContent();

/** Puts the caret at the end of an editor's last block, once the editor has taken the selection. */
async function caretAtEnd(page: Page, editor: Locator) {
  await editor.locator('p, h2, h3, li').last().click();
  await page.keyboard.press('End');
  await page.waitForTimeout(80);
}

async function typeInSection(page: Page, sectionId: string, text: string) {
  await page.locator(`[data-section="${sectionId}"]`).first().click();
  await caretAtEnd(page, page.getByTestId(`narrative-${sectionId}`));
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(text);
}

/** A sample report copied to a temp folder and opened as the OS would hand it over. */
async function openSample(h: Harness, name: string): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'drs-sample-')), name);
  copyFileSync(join(TEMPLATES_DIR, 'samples', name), file);
  // The app takes files once it has read its formats.
  await expect.poll(async () => h.page.getByTestId('format-list').locator('li').count()).toBeGreaterThan(0);
  await h.dropFiles([file]);
  await h.page.getByTestId('editor').waitFor();
  return file;
}

describe('one undo history per report, as in Word', () => {
  it('takes back text, a table cell and a fact in turn, going to each place; redo does them again', async () => {
    const h = await launchHarness();
    const { page } = h;
    try {
      await createReportInUi(h, '测试县公安局');
      await typeInSection(page, 'overview', '第一段新写的文字。');
      await expect.poll(async () => page.getByTestId('narrative-overview').textContent()).toContain('第一段新写的文字。');
      await page.waitForTimeout(1700);
      await page.locator('[data-section="apply"]').click();
      await cell(page, 'r1_new', 'natural').click();
      await page.keyboard.type('17');
      await page.keyboard.press('Enter');
      await page.locator('[data-section="meta"]').click();
      await page.locator('input[name="contactDept"]').fill('办公室');
      await page.locator('input[name="contactDept"]').blur();

      // The fact first, in 报告信息 where it is.
      await page.keyboard.press('Control+Z');
      await expect.poll(async () => page.locator('input[name="contactDept"]').inputValue()).toBe('');
      // The cell: back to 三、 with the table, the value gone and the total following.
      await page.keyboard.press('Control+Z');
      await page.waitForTimeout(500);
      await expect.poll(async () => cell(page, 'r1_new', 'natural').inputValue()).toBe('');
      // The text: the editor of 一、 shows it is gone (the Lexical editor reloads from the report).
      await page.keyboard.press('Control+Z');
      await expect.poll(async () => page.getByTestId('narrative-overview').textContent()).not.toContain('第一段新写的文字。');
      await expect(page.getByTestId('narrative-overview').isVisible()).resolves.toBe(true);

      // Redo from the toolbar, then Ctrl+Y: text, then the cell, each where it belongs.
      await page.getByTestId('redo').click();
      await expect.poll(async () => page.getByTestId('narrative-overview').textContent()).toContain('第一段新写的文字。');
      await page.keyboard.press('Control+Y');
      await expect.poll(async () => cell(page, 'r1_new', 'natural').inputValue()).toBe('17');

      // Typing in a section after undo clears the redo history; a burst of typing is one step.
      await page.locator('[data-section="problems"]').click();
      await caretAtEnd(page, page.getByTestId('narrative-problems'));
      await page.keyboard.insertText('甲');
      await page.waitForTimeout(400);
      await page.keyboard.insertText('乙');
      await expect.poll(async () => page.getByTestId('narrative-problems').textContent()).toContain('甲乙');
      await page.waitForTimeout(400);
      expect(await page.getByTestId('redo').isDisabled()).toBe(true);
      await page.keyboard.press('Control+Z');
      await expect.poll(async () => page.getByTestId('narrative-problems').textContent()).not.toContain('甲');
      // The earlier steps are still there.
      await page.getByTestId('undo').click();
      await expect.poll(async () => cell(page, 'r1_new', 'natural').inputValue()).toBe('');
    } finally {
      await h.close();
    }
  });
});

describe('find and replace across the report', () => {
  it('counts matches in facts, sections and tables, moves to each, replaces one and all, and undoes replace all in one step', async () => {
    const h = await launchHarness();
    const { page } = h;
    try {
      await createReportInUi(h, '测试县公安局');
      await typeInSection(page, 'overview', '政务公开专栏更新及时。');
      await typeInSection(page, 'problems', '政务公开专栏栏目设置不够合理。');
      await page.waitForTimeout(400);

      await page.keyboard.press('Control+H');
      await page.getByTestId('find-query').fill('政务公开专栏');
      await expect.poll(async () => page.getByTestId('find-count').textContent()).toMatch(/共 2 处/);
      await page.getByTestId('find-query').press('Enter');
      await expect.poll(async () => page.getByTestId('find-count').textContent()).toBe('第 1 处，共 2 处');
      await expect.poll(async () => page.getByTestId('narrative-overview').isVisible()).toBe(true);
      // The match is marked in the editor while the keyboard stays in the find bar.
      await expect.poll(() => page.evaluate(() => CSS.highlights.has('drs-find-current'))).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('find-query');
      await page.getByTestId('find-next').click();
      await expect.poll(async () => page.getByTestId('narrative-problems').isVisible()).toBe(true);
      await page.screenshot({ path: join(SHOTS, 'find-replace.png') });

      // Replace one: the match in 五、; replace all: the rest; one undo brings both back.
      await page.getByTestId('replace-with').fill('网站专栏');
      await page.getByTestId('replace-one').click();
      await expect.poll(async () => page.getByTestId('narrative-problems').textContent()).toContain('网站专栏栏目设置不够合理。');
      await expect.poll(async () => page.getByTestId('find-count').textContent()).toMatch(/共 1 处/);
      await page.getByTestId('replace-all').click();
      await expect.poll(async () => page.getByTestId('find-count').textContent()).toBe('无结果');
      await page.getByTestId('undo').click();
      await expect.poll(async () => page.getByTestId('find-count').textContent()).toMatch(/共 1 处/);
      await page.getByTestId('undo').click();
      await expect.poll(async () => page.getByTestId('find-count').textContent()).toMatch(/共 2 处/);

      // Facts are found and replaced too (the title follows); numbers in tables are found, not replaced.
      await page.getByTestId('find-query').fill('测试县');
      await expect.poll(async () => page.getByTestId('find-count').textContent()).toMatch(/共 \d+ 处/);
      await page.getByTestId('replace-with').fill('青川县');
      await page.getByTestId('replace-all').click();
      await expect.poll(async () => page.locator('.doc-title').textContent()).toContain('青川县公安局');
      await page.locator('[data-section="apply"]').click();
      await cell(page, 'r1_new', 'natural').click();
      await page.keyboard.type('42');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+F');
      await page.getByTestId('find-query').fill('42');
      await page.getByTestId('find-query').press('Enter');
      await expect.poll(async () => cell(page, 'r1_new', 'natural').evaluate((el) => el.classList.contains('find-current'))).toBe(true);
      await page.getByTestId('find-toggle-replace').click();
      await page.getByTestId('replace-with').fill('43');
      await page.getByTestId('replace-one').click();
      await expect.poll(async () => page.locator('.find-notice').textContent()).toContain('表格中的数字不能替换');
      expect(await cell(page, 'r1_new', 'natural').inputValue()).toBe('42');
    } finally {
      await h.close();
    }
  });
});

describe('page view and print', () => {
  it('lays out the report in the export pagination, zooms, goes to a clicked place, and Ctrl+P prints the pages', async () => {
    const h = await launchHarness({ viewport: { width: 1366, height: 768 } });
    const { page } = h;
    try {
      const file = await openSample(h, 'gov-2021-qingchuan-psb-2025.drs');
      const parsed = parseReport(readFileSync(file, 'utf8'), templates);
      if (!parsed.ok) throw new Error('sample does not parse');
      const expected = paginate(buildDocumentModel(template('gov-2021'), parsed.report, { draft: false, now: new Date() })).pageCount;

      await page.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.print = () => void ((window as unknown as { printed: number }).printed += 1);
      });
      await page.getByTestId('toggle-pages').click();
      await expect.poll(async () => page.getByTestId('page').count()).toBe(expected);
      expect(expected).toBeGreaterThan(2);
      await expect.poll(async () => page.getByTestId('page').nth(1).locator('.page-number').textContent()).toBe('— 2 —');
      await page.screenshot({ path: join(SHOTS, 'page-view.png') });
      const width = await page.getByTestId('page').first().evaluate((el) => el.getBoundingClientRect().width);
      await page.getByTestId('zoom-out').click();
      await expect.poll(async () => page.getByTestId('zoom-level').textContent()).toBe('90%');
      expect(await page.getByTestId('page').first().evaluate((el) => el.getBoundingClientRect().width)).toBeLessThan(width * 0.95);

      // A click on a paragraph of 五、 goes to the editor there, with the caret in that paragraph.
      const target = page.locator('.page-line[data-section="problems"]').nth(3);
      const text = (await target.textContent())!.slice(0, 6);
      await target.click();
      await expect.poll(async () => page.getByTestId('narrative-problems').isVisible()).toBe(true);
      await expect
        .poll(async () => page.evaluate(() => (document.getSelection()?.focusNode?.parentElement?.closest('p, h2, h3, li')?.textContent ?? '')))
        .toContain(text);

      // Ctrl+P: the page view, then the system print dialog; the export dialog does not open.
      await page.keyboard.press('Control+P');
      await expect.poll(async () => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
      expect(await page.getByTestId('page-view').isVisible()).toBe(true);
      expect(await page.getByTestId('export-dialog').count()).toBe(0);
      // The print stylesheet shows only the pages, one per sheet.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.toolbar-top').evaluate((el) => getComputedStyle(el).visibility)).toBe('hidden');
      expect(await page.getByTestId('page').first().evaluate((el) => [getComputedStyle(el).visibility, getComputedStyle(el).breakAfter])).toEqual(['visible', 'page']);
      await page.emulateMedia({ media: 'screen' });
    } finally {
      await h.close();
    }
  });
});

describe('leaving a report', () => {
  it('never marks an opened sample as changed, however it is viewed', async () => {
    const h = await launchHarness();
    const { page } = h;
    try {
      await openSample(h, 'gov-2008-qinghe-transport-2015.drs');
      expect(await status(page)).toContain('已保存');
      for (const id of await page.locator('.outline [data-section]').evaluateAll((els) => els.map((e) => e.getAttribute('data-section')!))) {
        await page.locator(`[data-section="${id}"]`).first().click();
        await page.waitForTimeout(350);
        const narrative = page.locator('.narrative-text');
        if (await narrative.count()) await narrative.first().click();
        await page.waitForTimeout(350);
        expect(await status(page), id).toContain('已保存');
      }
      await page.getByTestId('toggle-pages').click();
      await page.getByTestId('toggle-pages').click();
      expect(await status(page)).toContain('已保存');
      expect(h.window.dirty).toBe(false);
      // Leaving it asks nothing.
      await page.getByTestId('home').click();
      await page.getByTestId('start-screen').waitFor();
    } finally {
      await h.close();
    }
  });

  it('asks save / don’t save / cancel from 首页, 新建 and 打开, with the wording of closing', async () => {
    const h = await launchHarness();
    const { page } = h;
    try {
      const file = await openSample(h, 'gov-2019-chengguan-justice-2020.drs');
      await typeInSection(page, 'problems', '离开前新写的一句。');
      await page.getByTestId('home').click();
      const dialog = page.getByTestId('unsaved-changes');
      await expect.poll(async () => dialog.textContent()).toContain('报告有尚未保存的修改');
      expect(await dialog.getByRole('button').allTextContents()).toEqual(['保存', '不保存', '取消']);
      await page.getByTestId('leave-cancel').click();
      expect(await page.getByTestId('editor').isVisible()).toBe(true);

      // 新建 → 不保存: the start screen, the work kept in the recovery area.
      await h.sendCommand({ type: 'menu', command: 'new' });
      await page.getByTestId('leave-discard').click();
      await page.getByTestId('start-screen').waitFor();
      await expect.poll(async () => (await h.drafts.listRecovery()).length).toBe(1);

      // The file again: the kept work is offered back; then 打开 → 保存 writes the file before the open dialog.
      await page.getByTestId('recent-list').getByRole('button').first().click();
      await page.getByTestId('recovery-offer').getByRole('button').first().click();
      await page.locator('[data-section="problems"]').click();
      await expect.poll(async () => page.getByTestId('narrative-problems').textContent()).toContain('离开前新写的一句。');
      await typeInSection(page, 'problems', '保存后再打开别的。');
      await h.sendCommand({ type: 'menu', command: 'open' });
      await page.getByTestId('leave-save').click();
      await expect.poll(() => h.dialogs.asked.includes('open')).toBe(true);
      expect(readFileSync(file, 'utf8')).toContain('保存后再打开别的。');
      expect(readFileSync(file, 'utf8')).toContain('离开前新写的一句。');
    } finally {
      await h.close();
    }
  });
});

/** Pastes as Word or WPS put a copy on the clipboard: HTML and plain text. */
async function pasteInto(page: Page, editor: Locator, data: { html?: string; text: string }) {
  await editor.evaluate((el, d) => {
    const transfer = new DataTransfer();
    if (d.html) transfer.setData('text/html', d.html);
    transfer.setData('text/plain', d.text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

/** Table 三 of gov-2021 as Word copies it: the printed labels and merged cells, a number in every value cell. */
function wordTableThree(): { html: string; text: string; values: Map<string, number> } {
  const model = template('gov-2021').tableModels.get('gov-2021.apply')!;
  const values = new Map<string, number>();
  let n = 0;
  const rows = tableGrid(model).map(
    (row) =>
      `<tr>${row.cells
        .map((c) => {
          const spans = `rowspan="${c.rowspan}" colspan="${c.colspan}"`;
          if (c.kind !== 'data') return `<td ${spans}>${c.text ?? ''}</td>`;
          const value = model.cell(c.rowId!, c.colId!)?.kind === 'input' ? (n++ % 7) + 1 : 0;
          values.set(`${c.rowId}|${c.colId}`, value);
          return `<td ${spans}>${value}</td>`;
        })
        .join('')}</tr>`,
  );
  return { html: `<html><body><table>${rows.join('')}</table></body></html>`, text: 'table', values };
}

describe('pasting into a section’s text', () => {
  it('offers a pasted Word table to the matching statistical table, or keeps it as text', async () => {
    const h = await launchHarness();
    const { page } = h;
    try {
      await createReportInUi(h, '测试县公安局');
      await page.locator('[data-section="overview"]').click();
      const overview = page.getByTestId('narrative-overview');
      await caretAtEnd(page, overview);
      const table = wordTableThree();
      await pasteInto(page, overview, table);
      const offer = page.getByTestId('paste-offer');
      await expect.poll(async () => offer.textContent()).toMatch(/三|申请/);
      await page.screenshot({ path: join(SHOTS, 'paste-table-offer.png') });
      await page.getByTestId('paste-accept').click();
      await page.getByTestId('table-gov-2021.apply').waitFor();
      expect(await cell(page, 'r1_new', 'natural').inputValue()).toBe(String(table.values.get('r1_new|natural')));
      expect(await cell(page, 'r1_new', 'commercial').inputValue()).toBe(String(table.values.get('r1_new|commercial')));
      // One undo takes the whole table back.
      await page.getByTestId('undo').click();
      await expect.poll(async () => cell(page, 'r1_new', 'natural').inputValue()).toBe('');

      // Kept as text: pasted as Lexical pastes it, nothing lost.
      await page.locator('[data-section="overview"]').click();
      await caretAtEnd(page, page.getByTestId('narrative-overview'));
      await pasteInto(page, page.getByTestId('narrative-overview'), table);
      await page.getByTestId('paste-as-text').click();
      await expect.poll(async () => page.getByTestId('narrative-overview').textContent()).toContain('本年新收政府信息公开申请数量');

      // A table that matches no statistical table is pasted as text, with a notice saying so.
      await pasteInto(page, page.getByTestId('narrative-overview'), { html: '<table><tr><td>会议名称</td><td>日期</td></tr><tr><td>专题会</td><td>3月</td></tr></table>', text: '会议名称\t日期' });
      await expect.poll(async () => page.getByTestId('paste-offer').textContent()).toContain('已作为文字粘贴');
      await expect.poll(async () => page.getByTestId('narrative-overview').textContent()).toContain('专题会');
    } finally {
      await h.close();
    }
  });

  it('offers to split pasted text with several mandated headings into their sections', async () => {
    const h = await launchHarness();
    const { page } = h;
    try {
      await createReportInUi(h, '测试县公安局');
      await page.locator('[data-section="preamble"]').click();
      const preamble = page.getByTestId('narrative-preamble');
      await caretAtEnd(page, preamble);
      const text = ['一、总体情况', '本年度我局坚持以公开为常态。', '五、存在的主要问题及改进情况', '公开内容还不够全面。', '六、其他需要报告的事项', '本年度无其他需要报告的事项。'].join('\n');
      await pasteInto(page, preamble, { text });
      await expect.poll(async () => page.getByTestId('paste-offer').textContent()).toContain('3 个部分');
      await page.getByTestId('paste-accept').click();
      await page.locator('[data-section="problems"]').click();
      await expect.poll(async () => page.getByTestId('narrative-problems').textContent()).toContain('公开内容还不够全面。');
      await page.locator('[data-section="overview"]').click();
      await expect.poll(async () => page.getByTestId('narrative-overview').textContent()).toContain('本年度我局坚持以公开为常态。');
      await page.locator('[data-section="preamble"]').click();
      expect(await page.getByTestId('narrative-preamble').textContent()).not.toContain('五、存在的主要问题');
    } finally {
      await h.close();
    }
  });
});
