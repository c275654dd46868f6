import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callIpc } from '../../src-main/ipc/handlers.js';
import { createTestServices } from '../harness/testServices.js';
import { SAMPLE_FILES } from '../helpers.js';

function folderOfSamples(): string {
  const dir = mkdtempSync(join(tmpdir(), 'drs-review-ipc-'));
  for (const file of Object.values(SAMPLE_FILES)) copyFileSync(file, join(dir, file.split('/').pop()!));
  return dir;
}

describe('review mode over IPC', () => {
  it('reviews the folder the user chose, with progress, and may review it again by path', async () => {
    const s = createTestServices();
    const dir = folderOfSamples();
    s.dialogs.reviewChoices.push([dir]);
    const answer = await callIpc(s.handlers, 'reviewReports', { choose: 'folder' });
    expect(s.dialogs.asked).toEqual(['review:folder']);
    expect(answer.ok && answer.value.status === 'reviewed' && answer.value.summary.reports.map((r) => [r.orgName, r.errors])).toEqual([
      ['清河市交通运输局', 0],
      ['城关区司法局', 0],
      ['青川县公安局', 0],
    ]);
    expect(s.notifications.filter((n) => n.type === 'reviewProgress').map((n) => n.type === 'reviewProgress' && n.done)).toEqual([0, 1, 2]);
    // The folder is now the user's: the page may name it, and a file inside it, without a dialog.
    const again = await callIpc(s.handlers, 'reviewReports', { paths: [dir, join(dir, 'gov-2019-chengguan-justice-2020.drs')] });
    expect(again.ok && again.value.status === 'reviewed' && again.value.summary.reports.length).toBe(3);
    expect(s.dialogs.asked).toEqual(['review:folder']);
  });

  it('refuses paths the user did not choose, without saying whether they exist', async () => {
    const s = createTestServices();
    const dir = folderOfSamples();
    for (const paths of [[dir], [join(dir, 'gov-2019-chengguan-justice-2020.drs')], ['/etc'], [join(dir, '..')]]) {
      const answer = await callIpc(s.handlers, 'reviewReports', { paths });
      expect(answer).toMatchObject({ ok: false, error: { code: 'not-granted', issues: [{ path: '$.paths[0]' }] } });
    }
    s.grants.grant('folder', dir);
    expect(await callIpc(s.handlers, 'reviewReports', { paths: [join(dir, '..')] })).toMatchObject({ ok: false, error: { code: 'not-granted' } });
    expect(s.dialogs.asked).toEqual([]);
  });

  it('answers cancelled when the dialog is cancelled, and stops a running review when asked', async () => {
    const s = createTestServices();
    expect(await callIpc(s.handlers, 'reviewReports', { choose: 'files' })).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(await callIpc(s.handlers, 'cancelReview', {})).toEqual({ ok: true, value: { cancelled: false } });
    const dir = folderOfSamples();
    s.dialogs.reviewChoices.push([dir]);
    // The page asks to cancel as soon as the first file is reported.
    let cancel: Promise<unknown> | undefined;
    s.onNotify((n) => {
      if (n.type === 'reviewProgress' && n.done === 0) cancel = callIpc(s.handlers, 'cancelReview', {});
    });
    const answer = await callIpc(s.handlers, 'reviewReports', {});
    expect(await cancel).toEqual({ ok: true, value: { cancelled: true } });
    expect(answer.ok && answer.value.status === 'reviewed' && [answer.value.summary.cancelled, answer.value.summary.reports.length, answer.value.summary.notReviewed]).toEqual([true, 1, 2]);
  });

  it('writes the last review where the user chooses, and only then may the page open it', async () => {
    const s = createTestServices();
    expect(await callIpc(s.handlers, 'exportReview', { format: 'html' })).toMatchObject({ ok: true, value: { status: 'failed' } });
    const dir = folderOfSamples();
    s.dialogs.reviewChoices.push([join(dir, 'gov-2021-qingchuan-psb-2025.drs')]);
    await callIpc(s.handlers, 'reviewReports', { choose: 'files' });
    const out = join(mkdtempSync(join(tmpdir(), 'drs-review-out-')), 'review.html');
    s.dialogs.reviewOutputs.push(out);
    expect(await callIpc(s.handlers, 'exportReview', { format: 'html' })).toEqual({ ok: true, value: { status: 'exported', path: out } });
    expect(s.dialogs.asked.at(-1)).toMatch(/^reviewOutput:年度报告审查意见-\d{4}-\d{2}-\d{2}\.html$/);
    expect(readFileSync(out, 'utf8')).toContain('青川县公安局2025年度报告');
    expect(await callIpc(s.handlers, 'openExportedFile', { path: out })).toEqual({ ok: true, value: {} });
    expect(await callIpc(s.handlers, 'exportReview', { format: 'xlsx' })).toMatchObject({ ok: true, value: { status: 'cancelled' } });
    expect(existsSync(out.replace(/html$/, 'xlsx'))).toBe(false);
  });
});
