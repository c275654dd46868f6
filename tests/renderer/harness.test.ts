import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, sample } from '../helpers.js';
import { closeSharedBrowser, launchHarness } from '../harness/rendererHarness.js';

const SHOTS = join(ROOT, 'test-results');
mkdirSync(SHOTS, { recursive: true });

afterAll(closeSharedBrowser);

describe('the real renderer in Chromium, on the real IPC handlers', () => {
  it('shows the start screen with the formats read through window.drs', async () => {
    const h = await launchHarness();
    try {
      const formats = h.page.getByTestId('format-list').locator('li');
      await expect.poll(async () => formats.count(), { timeout: 10_000 }).toBe(3);
      expect(await formats.first().textContent()).toContain('gov-2021');
      expect(await formats.first().textContent()).toContain('默认');
      await h.page.screenshot({ path: join(SHOTS, 'start-screen.png') });
    } finally {
      await h.close();
    }
  });

  // Playwright's evaluate runs through DevTools, which is exempt from CSP, so eval cannot be probed
  // from here; the unit tests check that the policy has no 'unsafe-eval'.
  it('runs under the strict CSP: no inline script, no remote requests', async () => {
    const h = await launchHarness();
    try {
      const response = await h.page.reload();
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      const result = await h.page.evaluate(async () => {
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
        const script = document.createElement('script');
        script.textContent = 'window.__inline = true';
        document.body.append(script);
        let fetchBlocked = false;
        try {
          await fetch('https://example.com/');
        } catch {
          fetchBlocked = true;
        }
        await new Promise((r) => setTimeout(r, 50));
        return { inlineRan: (window as unknown as { __inline?: boolean }).__inline === true, fetchBlocked, violations };
      });
      expect(result).toMatchObject({ inlineRan: false, fetchBlocked: true });
      expect(result.violations).toEqual(expect.arrayContaining(['script-src-elem', 'connect-src']));
    } finally {
      await h.close();
    }
  });

  it('exposes exactly the contract methods, and refuses calls from a page that is not the app', async () => {
    const h = await launchHarness();
    try {
      const methods = await h.page.evaluate(() => Object.keys((window as unknown as { drs: object }).drs).sort());
      expect(methods).toContain('saveReport');
      expect(methods).toContain('onCommand');
      const foreign = await h.context.newPage();
      await foreign.setContent('<p>not the app</p>');
      const answer = await foreign.evaluate(() => (window as unknown as { __drsInvoke: (m: string, p: unknown) => Promise<unknown> }).__drsInvoke('listRecentFiles', {}));
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
      const bad = await h.page.evaluate(() => (window as unknown as { drs: { saveReport: (r: unknown) => Promise<unknown> } }).drs.saveReport({ path: 42 }));
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    } finally {
      await h.close();
    }
  });

  it('keeps autosaved work when the renderer crashes, and offers it at the next start', async () => {
    const h = await launchHarness();
    try {
      const report = sample('gov-2021');
      report.meta.orgName = '崩溃测试县公安局';
      const docId = 'new-00000000-0000-4000-8000-000000000001';
      const written = await h.page.evaluate(([id, r]) => (window as unknown as { drs: { writeRecovery: (q: unknown) => Promise<unknown> } }).drs.writeRecovery({ docId: id, path: null, report: r }), [docId, report] as const);
      expect(written).toMatchObject({ ok: true });
      // Kill the renderer process the way a real crash does.
      const crashed = new Promise((resolve) => h.page.once('crash', resolve));
      h.page.goto('chrome://crash').catch(() => undefined);
      await crashed;
      const page = await h.reopen();
      const entry = page.getByTestId('recovery-list').locator('li');
      await expect.poll(async () => entry.count(), { timeout: 10_000 }).toBe(1);
      expect(await entry.textContent()).toContain('崩溃测试县公安局2025年政府信息公开工作年度报告');
      await page.screenshot({ path: join(SHOTS, 'start-screen-recovery.png') });
    } finally {
      await h.close();
    }
  });

  it('lists a file saved through window.drs among the recent files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drs-recent-'));
    const h = await launchHarness();
    try {
      h.dialogs.saves.push(join(dir, '青川县公安局2025年政府信息公开工作年度报告.drs'));
      const saved = await h.page.evaluate(
        (r) => (window as unknown as { drs: { saveReport: (q: unknown) => Promise<unknown> } }).drs.saveReport({ docId: 'new-00000000-0000-4000-8000-000000000002', path: null, defaultName: 'x.drs', report: r }),
        sample('gov-2021'),
      );
      expect(saved).toMatchObject({ ok: true, value: { status: 'saved' } });
      const page = await h.reopen();
      await expect.poll(async () => page.getByTestId('recent-list').textContent(), { timeout: 10_000 }).toContain('青川县公安局2025年政府信息公开工作年度报告.drs');
    } finally {
      await h.close();
    }
  });

  it('opens a file the user dropped; the page naming a path itself only gets the open dialog', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'drs-drop-')), '青川县公安局2025年政府信息公开工作年度报告.drs');
    writeFileSync(file, JSON.stringify(sample('gov-2021')));
    const h = await launchHarness();
    try {
      await expect.poll(async () => h.page.getByTestId('format-list').locator('li').count(), { timeout: 10_000 }).toBe(3);
      await h.sendCommand({ type: 'openFile', path: file });
      await expect.poll(() => h.dialogs.asked).toEqual(['open']);
      expect(await h.page.getByTestId('editor').count()).toBe(0);
      await h.dropFiles([file]);
      await h.page.getByTestId('editor').waitFor();
      expect(h.dialogs.asked).toEqual(['open']);
    } finally {
      await h.close();
    }
  });
});
