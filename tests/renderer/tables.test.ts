import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cellText, tableGrid, type Report, type TableModel } from '../../src-core/index.js';
import { closeSharedBrowser, createReportInUi, launchHarness } from '../harness/rendererHarness.js';
import { ROOT, sample, setCell, template } from '../helpers.js';

afterAll(closeSharedBrowser);

const SHOTS = join(ROOT, 'test-results');
const APPLY = 'gov-2021.apply';
const cell = (page: Page, table: string, rowId: string, colId: string) => page.locator(`[data-cell="${table}|${rowId}|${colId}"]`);
const mode = (page: Page, table: string, rowId: string, colId: string) => cell(page, table, rowId, colId).evaluate((el) => el.parentElement?.dataset.mode ?? null);
const focused = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.cell ?? null);
const bubble = (page: Page) => page.getByTestId('cell-bubble').textContent();

/** Pastes text as Excel or WPS put it on the clipboard, on the cell that has the focus. */
async function paste(page: Page, text: string) {
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

/** A table as the clerk's Excel sheet has it (headers, labels, totals), as Excel copies it. */
function excelSheet(model: TableModel, report: Report, headers = true): string {
  return tableGrid(model)
    .filter((row) => headers || row.cells.some((c) => c.kind === 'data'))
    .map((row) => {
      const cells = Array.from({ length: model.def.gridCols }, () => '');
      for (const c of row.cells) cells[c.col] = c.kind === 'data' ? cellText(model, c.rowId!, c.colId!, report) : c.text;
      return cells.join('\t');
    })
    .join('\r\n');
}

describe('table cells behave like Excel / WPS 表格', () => {
  it('a selected cell is replaced by typing, however one got there; Enter, F2 and double-click edit at the end; Esc and the cell’s undo restore', async () => {
    const h = await launchHarness({ viewport: { width: 1440, height: 900 } });
    const { page } = h;
    const at = (rowId: string, colId: string) => cell(page, APPLY, rowId, colId);
    const natural = at('r1_new', 'natural');
    try {
      await createReportInUi(h, '瑞安市公安局');
      await page.locator('[data-section="apply"]').click();

      // First click: selected (visibly), and typing replaces.
      await natural.click();
      expect(await mode(page, APPLY, 'r1_new', 'natural')).toBe('selected');
      await page.keyboard.type('2');
      expect(await mode(page, APPLY, 'r1_new', 'natural')).toBe('editing');
      expect(await page.getByTestId('table-mode').first().textContent()).toContain('正在修改此格');
      await page.keyboard.press('Enter');
      expect(await natural.inputValue()).toBe('2');
      expect(await focused(page)).toBe(`${APPLY}|r2_carried_in|natural`);

      // Back to it with a click, and a second click on the selected cell: typing still replaces (2 never becomes 21).
      await natural.click();
      await natural.click();
      expect(await mode(page, APPLY, 'r1_new', 'natural')).toBe('selected');
      await page.keyboard.type('1');
      await page.keyboard.press('Enter');
      expect(await natural.inputValue()).toBe('1');
      // The value it replaced shows for a moment.
      await expect.poll(async () => page.getByTestId('cell-previous').first().textContent()).toBe('原值 2');

      await natural.click();
      await page.keyboard.type('23456');
      await page.keyboard.press('Tab');
      await natural.click();
      await page.keyboard.type('23457');
      await page.keyboard.press('Enter');
      expect(await natural.inputValue()).toBe('23457');

      // Enter, F2 and a double-click edit with the caret at the end.
      await natural.click();
      await page.keyboard.press('Enter');
      expect(await mode(page, APPLY, 'r1_new', 'natural')).toBe('editing');
      await page.keyboard.type('8');
      await page.keyboard.press('Enter');
      expect(await natural.inputValue()).toBe('234578');
      await natural.click();
      await page.keyboard.press('F2');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Enter');
      expect(await natural.inputValue()).toBe('23457');
      await natural.dblclick();
      expect(await mode(page, APPLY, 'r1_new', 'natural')).toBe('editing');
      await page.keyboard.type('9');
      expect(await natural.inputValue()).toBe('234579');
      await page.screenshot({ path: join(SHOTS, 'table-cell-editing.png'), clip: (await page.getByTestId(`table-${APPLY}`).boundingBox())! });

      // A click on the cell being edited moves the caret there.
      const box = (await natural.boundingBox())!;
      await page.mouse.click(box.x + 3, box.y + box.height / 2);
      expect(await mode(page, APPLY, 'r1_new', 'natural')).toBe('editing');
      await page.keyboard.type('1');
      expect(await natural.inputValue()).toBe('1234579');

      // Esc restores the old value and leaves the cell selected: typing replaces again.
      await page.keyboard.press('Escape');
      expect(await natural.inputValue()).toBe('23457');
      expect(await mode(page, APPLY, 'r1_new', 'natural')).toBe('selected');
      await page.screenshot({ path: join(SHOTS, 'table-cell-selected.png'), clip: (await page.getByTestId(`table-${APPLY}`).boundingBox())! });
      await page.keyboard.type('5');
      await page.keyboard.press('Enter');
      expect(await natural.inputValue()).toBe('5');

      // The cell's own undo while editing: back to the value, selected, and the next typing replaces it.
      await natural.click();
      await page.keyboard.type('4');
      expect(await natural.inputValue()).toBe('4');
      await page.keyboard.press('Control+Z');
      expect(await natural.inputValue()).toBe('5');
      expect(await mode(page, APPLY, 'r1_new', 'natural')).toBe('selected');
      await page.keyboard.type('6');
      await page.keyboard.press('Enter');
      expect(await natural.inputValue()).toBe('6');

      // After a finding is clicked: its cell is selected, and typing replaces.
      await at('r1_new', 'commercial').click();
      await page.keyboard.type('7');
      await page.keyboard.press('Enter');
      await page.getByTestId('findings').locator('[data-rule="P-01"]').first().click();
      await expect.poll(async () => focused(page)).toBe(`${APPLY}|r4_carry_out|natural`);
      expect(await mode(page, APPLY, 'r4_carry_out', 'natural')).toBe('selected');
      await page.keyboard.type('13');
      await page.keyboard.press('Enter');
      expect(await at('r4_carry_out', 'natural').inputValue()).toBe('13');

      // After a paste: the cell stays selected, and typing replaces what was pasted.
      await at('r3_1_open', 'natural').click();
      await paste(page, '5\t1\r\n3\t0\r\n');
      await expect.poll(async () => at('r3_2_partial', 'natural').inputValue()).toBe('3');
      expect(await mode(page, APPLY, 'r3_1_open', 'natural')).toBe('selected');
      await page.keyboard.type('4');
      await page.keyboard.press('Enter');
      expect(await at('r3_1_open', 'natural').inputValue()).toBe('4');
      expect(await at('r3_7_total', 'natural').inputValue()).toBe('7');

      // Full-width digits through an input method replace a selected cell too, also right after a paste changed it.
      await at('r3_1_open', 'commercial').click();
      await paste(page, '2');
      await expect.poll(async () => at('r3_1_open', 'commercial').inputValue()).toBe('2');
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Input.imeSetComposition', { text: '１', selectionStart: 1, selectionEnd: 1 });
      await cdp.send('Input.insertText', { text: '１５' });
      await cdp.detach();
      await page.keyboard.press('Enter');
      expect(await at('r3_1_open', 'commercial').inputValue()).toBe('15');
    } finally {
      await h.close();
    }
  }, 90_000);

  it('a wrong number never goes in silently, also where no rule covers the cell (行政处罚)', async () => {
    const h = await launchHarness();
    const { page } = h;
    try {
      await createReportInUi(h, '瑞安市公安局');
      await page.locator('[data-section="active"]').click();
      const punishment = cell(page, 'gov-2021.active', 'punishment', 'decisions');
      for (const [typed, why] of [
        ['-3', '不能为负数'],
        ['2.5', '应为整数'],
        ['abc', '只能填写数字'],
        ['23,45', '千位分隔'],
      ] as const) {
        await punishment.click();
        await page.keyboard.type(typed);
        await page.keyboard.press('Enter');
        await expect.poll(async () => bubble(page)).toContain(why);
        // Refused: still visible in the cell, marked, and the cell keeps the focus until it is fixed.
        expect(await punishment.inputValue()).toBe(typed);
        expect(await punishment.getAttribute('aria-invalid')).toBe('true');
        expect(await focused(page)).toBe('gov-2021.active|punishment|decisions');
        await page.keyboard.press('Escape');
        expect(await punishment.inputValue()).toBe('');
      }
      const fee = cell(page, 'gov-2021.active', 'admin_fee', 'fee_amount');
      await fee.click();
      await page.keyboard.type('0.123456');
      await page.keyboard.press('Tab');
      await expect.poll(async () => bubble(page)).toContain('最多保留 4 位小数');
      await page.keyboard.press('Escape');
      expect(await fee.inputValue()).toBe('');
    } finally {
      await h.close();
    }
  }, 60_000);

  it('the whole sheet pasted as the clerk has it: 申请 with labels, headers and totals; 表四’s 15 values; a wrong total is shown at the total', async () => {
    const h = await launchHarness({ viewport: { width: 1440, height: 900 } });
    const { page } = h;
    const gov2021 = template('gov-2021');
    const report = sample('gov-2021');
    try {
      await createReportInUi(h, '瑞安市公安局');
      await page.locator('[data-section="apply"]').click();
      const apply = gov2021.tableModels.get(APPLY)!;
      // Pasted on any cell: it goes by its labels.
      await cell(page, APPLY, 'r3_5_2', 'research').click();
      await paste(page, excelSheet(apply, report));
      for (const c of apply.cells) {
        await expect.poll(async () => cell(page, APPLY, c.rowId, c.colId).inputValue()).toBe(cellText(apply, c.rowId, c.colId, report));
      }
      expect(await page.getByTestId('cell-bubble').count()).toBe(0);

      // A sheet whose （七）总计 does not agree: the items go in, the total says so at its place.
      const wrong = structuredClone(report);
      setCell(wrong, APPLY, 'r3_1_open', 'natural', Number(report.tables[APPLY]!.r3_1_open!.natural) + 1);
      setCell(wrong, APPLY, 'r3_7_total', 'natural', report.tables[APPLY]!.r3_7_total!.natural!);
      await cell(page, APPLY, 'r1_new', 'natural').click();
      await paste(page, excelSheet(apply, wrong, false));
      // Both totals over the changed item disagree: the row's 总计 (selected, with its message) and the （七）总计 (marked).
      await expect.poll(async () => focused(page)).toBe(`${APPLY}|r3_1_open|total`);
      expect(await bubble(page)).toContain('（一）予以公开 · 总计');
      const column = cell(page, APPLY, 'r3_7_total', 'natural');
      expect(await column.evaluate((el) => el.parentElement?.className)).toContain('mark-error');
      expect(await column.evaluate((el) => el.parentElement?.title)).toContain('（七）总计 · 自然人');
      expect(await cell(page, APPLY, 'r3_1_open', 'natural').inputValue()).toBe(String(wrong.tables[APPLY]!.r3_1_open!.natural));
      await page.screenshot({ path: join(SHOTS, 'table-paste-total-mismatch.png') });

      // A block that cannot be placed is refused, saying what fits.
      await cell(page, APPLY, 'r1_new', 'commercial').click();
      await paste(page, Array.from({ length: 3 }, () => '1\t1\t1\t1\t1\t1\t1\t1\t1').join('\n'));
      await expect.poll(async () => bubble(page)).toContain('往右只有 6 列');

      // 表四: the row of 15 values including its three totals.
      await page.locator('[data-section="review"]').click();
      const review = gov2021.tableModels.get('gov-2021.review')!;
      await cell(page, 'gov-2021.review', 'count', 'rv_upheld').click();
      await paste(page, review.cells.map((c) => cellText(review, c.rowId, c.colId, report)).join('\t'));
      for (const c of review.cells) {
        await expect.poll(async () => cell(page, 'gov-2021.review', c.rowId, c.colId).inputValue()).toBe(cellText(review, c.rowId, c.colId, report));
      }
    } finally {
      await h.close();
    }
  }, 120_000);
});
