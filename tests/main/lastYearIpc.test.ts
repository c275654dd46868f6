import { describe, expect, it } from 'vitest';
import { callIpc } from '../../src-main/ipc/handlers.js';
import { ROOT, SHARED_DIR, sample } from '../helpers.js';
import { createTestServices } from '../harness/testServices.js';

const LAST = `${ROOT}tests/fixtures/gov-2021-qingchuan-psb-2024.drs`;

describe('last year\'s report over IPC (issue #13)', () => {
  it('从上年报告开始: the file comes from the dialog, not from a path the page names; the new report carries over', async () => {
    const { handlers, dialogs } = createTestServices();
    expect(await callIpc(handlers, 'startFromLastYear', { path: LAST })).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(dialogs.asked).toEqual(['lastYear']);
    dialogs.lastYears.push(LAST);
    const started = await callIpc(handlers, 'startFromLastYear', {});
    if (!started.ok || started.value.status !== 'started') throw new Error(JSON.stringify(started));
    expect(started.value.report.meta.year).toBe(2025);
    expect(started.value.report.tables['gov-2021.apply']?.r2_carried_in).toEqual(sample('gov-2021').tables['gov-2021.apply']?.r2_carried_in);
    expect(started.value.report.priorYear?.source).toMatchObject({ fileName: 'gov-2021-qingchuan-psb-2024.drs', kind: 'drs' });
  });

  it('attaching last year\'s report answers with the link; an unreadable file with a message in both languages', async () => {
    const { handlers, dialogs } = createTestServices();
    dialogs.lastYears.push(`${SHARED_DIR}/reference-reports/published/hongze-gov-2023.txt`, `${ROOT}package.json`);
    const linked = await callIpc(handlers, 'readPriorYear', {});
    expect(linked).toMatchObject({ ok: true, value: { status: 'linked', priorYear: { year: 2023, templateId: 'gov-2021', source: { kind: 'import' } } } });
    const failed = await callIpc(handlers, 'readPriorYear', {});
    expect(failed).toMatchObject({ ok: true, value: { status: 'failed', reason: { 'zh-CN': expect.any(String) as string, en: expect.any(String) as string } } });
  });
});
