import { afterAll, describe, expect, it } from 'vitest';
import { closeSharedBrowser, launchHarness } from '../harness/rendererHarness.js';
import { JUNK, mixedReviewFolder, REPORTS_IN_FOLDER } from '../review/reviewFolder.js';

afterAll(closeSharedBrowser);

describe('review mode in the app', () => {
  it('reviews a chosen folder from the start screen, shows the table, a report’s findings on click, and exports HTML', async () => {
    const dir = await mixedReviewFolder();
    const h = await launchHarness();
    try {
      h.dialogs.reviewChoices.push([dir]);
      await h.page.getByTestId('review-button').click();
      const dialog = h.page.getByTestId('review-dialog');
      await dialog.waitFor();
      await h.page.getByTestId('review-choose-folder').click();
      await h.page.getByTestId('review-table').waitFor({ timeout: 60_000 });
      expect(h.dialogs.asked).toContain('review:folder');
      const rows = h.page.getByTestId('review-row');
      expect(await rows.count()).toBe(REPORTS_IN_FOLDER);
      expect(await h.page.getByTestId('review-unreadable').locator('li').count()).toBe(JUNK.length);
      // Errors only in the published reports: our own DOCX and PDF exports of a clean report review clean.
      expect(await h.page.getByTestId('review-overview').textContent()).toBe(`共审查报告 ${REPORTS_IN_FOLDER} 份，其中 3 份有错误；${JUNK.length} 个文件无法读取。`);
      const hongze = rows.filter({ hasText: 'hongze-gov-2024.pdf' });
      expect(await hongze.textContent()).toContain('淮安市洪泽区人民政府');
      await hongze.click();
      const findings = h.page.getByTestId('review-findings');
      await findings.waitFor();
      expect(await findings.textContent()).toContain('区政府办代表区政府受理政府信息公开申请17件');
      expect(await findings.locator('li.error').count()).toBe(2);
      await h.page.screenshot({ path: 'test-results/review-dialog.png' });
      expect(h.notifications.filter((n) => n.type === 'reviewProgress')).toHaveLength(REPORTS_IN_FOLDER + JUNK.length);

      h.dialogs.reviewOutputs.push(`${h.dataDir}/review.html`);
      await h.page.getByTestId('review-export-html').click();
      await expect.poll(() => h.page.getByTestId('review-written').textContent()).toContain('review.html');
    } finally {
      await h.close();
    }
  }, 120_000);
});
