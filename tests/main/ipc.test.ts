import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IPC_CONTRACT } from '../../src-main/ipc/contract.js';
import { acceptUserFiles, callIpc, invokeIpc, type IpcHandlers } from '../../src-main/ipc/handlers.js';
import { IPC_METHODS } from '../../src-main/ipc/methods.js';
import { documentIdFor, newDocumentId } from '../../src-main/services/DraftStore.js';
import { MAX_FONT_FILE_BYTES } from '../../src-main/services/fontFile.js';
import { parseReport, type Report } from '../../src-core/index.js';
import { ROOT, sample, templates } from '../helpers.js';
import { createTestServices } from '../harness/testServices.js';
import { wellFormedRequest } from './ipcRequests.js';

const BUNDLED_FONT = join(ROOT, 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');

function setup(dialogAnswers: { open?: string; save?: string; exportFolder?: string } = {}) {
  const services = createTestServices();
  if (dialogAnswers.open) services.dialogs.opens.push(dialogAnswers.open, dialogAnswers.open);
  if (dialogAnswers.save) services.dialogs.saves.push(dialogAnswers.save);
  if (dialogAnswers.exportFolder) services.dialogs.exportFolders.push(dialogAnswers.exportFolder);
  return services;
}

/** Reports that pass the file schema but that loading refuses: every shape checkStructure knows, in every table of the format. */
function reportsLoadingRefuses(): { name: string; report: Report }[] {
  const base = sample('gov-2021');
  const variant = (name: string, change: (r: Report) => void) => {
    const report = structuredClone(base);
    change(report);
    return { name, report };
  };
  const shapes = [
    variant('unknown format', (r) => (r.templateId = 'gov-1999')),
    variant('unknown section', (r) => (r.sections.nosuch = structuredClone(Object.values(r.sections)[0]!))),
    variant('unknown table', (r) => (r.tables['gov-2021.nosuch'] = {})),
  ];
  for (const [tableId, model] of templates.get('gov-2021')!.tableModels) {
    const [cell] = model.cells;
    shapes.push(variant(`unknown row in ${tableId}`, (r) => ((r.tables[tableId] ??= {}).nosuch_row = { [cell!.colId]: 1 })));
    shapes.push(variant(`unknown column in ${tableId}`, (r) => (((r.tables[tableId] ??= {})[cell!.rowId] ??= {}).nosuch_col = 1)));
  }
  return shapes;
}

describe('the IPC contract', () => {
  it('lists exactly the methods the preload exposes', () => {
    expect(Object.keys(IPC_CONTRACT).sort()).toEqual([...IPC_METHODS].sort());
  });

  for (const method of IPC_METHODS) {
    it(`${method}: answers a valid request, refuses a bad payload and a foreign sender`, async () => {
      const { handlers, dataDir } = setup();
      const good = await invokeIpc(handlers, method, wellFormedRequest(method, dataDir, 'none.drs'), { isAppMainFrame: true });
      // A well-formed request is never refused as malformed (opening a file that was not exported is refused for that).
      if (!good.ok) expect(['failed', 'not-granted'], JSON.stringify(good)).toContain(good.error.code);
      for (const bad of [42, null, 'x', [], { ...(wellFormedRequest(method, dataDir, 'none.drs') as object), injected: '<script>' }]) {
        const result = await invokeIpc(handlers, method, bad, { isAppMainFrame: true });
        expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      }
      const foreign = await invokeIpc(handlers, method, wellFormedRequest(method, dataDir, 'none.drs'), { isAppMainFrame: false });
      expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    });
  }

  it('refuses an unknown method and a report that does not match the schema', async () => {
    const { handlers, dataDir } = setup();
    expect(await invokeIpc(handlers, 'deleteEverything', {}, { isAppMainFrame: true })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const report = { ...sample('gov-2021'), meta: { orgName: 1 } };
    const result = await invokeIpc(handlers, 'saveReport', { docId: newDocumentId(), path: join(dataDir, 'x.drs'), defaultName: 'x', report }, { isAppMainFrame: true });
    expect(result.ok === false && result.error.issues?.[0]?.path).toMatch(/^\$\.report\.meta/);
  });

  it('refuses in every method that takes a report each report loading refuses, naming the place, and writes nothing', async () => {
    const shapes = reportsLoadingRefuses();
    expect(shapes.length).toBeGreaterThan(5);
    for (const { name, report } of shapes) {
      const loaded = parseReport(JSON.stringify(report), templates);
      expect(loaded.ok, name).toBe(false);
      const place = loaded.ok ? '' : `$.report${loaded.error.path!.slice(1)}`;
      const folder = mkdtempSync(join(tmpdir(), 'drs-ipc-refused-'));
      const file = join(folder, 'r.drs');
      const { handlers, dialogs, drafts } = setup({ save: file, exportFolder: folder });
      const docId = newDocumentId();
      const answers = [
        await callIpc(handlers, 'saveReport', { docId, path: null, defaultName: 'r.drs', report }),
        await callIpc(handlers, 'writeRecovery', { docId, path: null, report }),
        await callIpc(handlers, 'exportReport', { report, formats: ['docx', 'pdf'], draft: true, folder: null }),
      ];
      for (const answer of answers) expect(answer, name).toMatchObject({ ok: false, error: { code: 'invalid-request', issues: [{ path: place }] } });
      expect(dialogs.asked, name).toEqual([]);
      expect(readdirSync(folder), name).toEqual([]);
      expect(await drafts.listRecovery(), name).toEqual([]);
    }
  }, 60_000);

  it('a failing service gives a typed error, not a crash', async () => {
    const { handlers } = setup();
    const broken: IpcHandlers = { ...handlers, listRecovery: async () => Promise.reject(new Error('disk gone')) };
    expect(await callIpc(broken, 'listRecovery', {})).toMatchObject({ ok: false, error: { code: 'failed', message: { en: 'The operation failed: disk gone' } } });
  });

  it('open and save go through the dialogs, and saved files appear in the recent list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drs-ipc-files-'));
    const file = join(dir, '青川县公安局2025年政府信息公开工作年度报告.drs');
    const { handlers, window } = setup({ save: file, open: file });
    expect(await callIpc(handlers, 'openReport', {})).toMatchObject({ ok: true, value: { status: 'failed' } });
    const saved = await callIpc(handlers, 'saveReport', { docId: newDocumentId(), path: null, defaultName: 'x.drs', report: sample('gov-2021') });
    expect(saved).toMatchObject({ ok: true, value: { status: 'saved', path: file, docId: documentIdFor(file) } });
    const opened = await callIpc(handlers, 'openReport', {});
    expect(opened).toMatchObject({ ok: true, value: { status: 'opened', path: file } });
    expect(await callIpc(handlers, 'listRecentFiles', {})).toMatchObject({ ok: true, value: { files: [{ path: file }] } });
    await callIpc(handlers, 'setDocumentState', { title: '报告', dirty: true });
    expect(window).toMatchObject({ title: '报告', dirty: true });
  });

  it('exports to the chosen folder without replacing an existing file, reports progress, and opens only what it exported', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'drs-ipc-export-'));
    const { handlers, notifications, desktop } = setup({ exportFolder: folder });
    const first = await callIpc(handlers, 'exportReport', { report: sample('gov-2021'), formats: ['pdf', 'docx'], draft: false, folder: null });
    expect(first).toMatchObject({ ok: true, value: { status: 'exported', files: [{ format: 'docx', path: join(folder, '青川县公安局2025年政府信息公开工作年度报告.docx') }, { format: 'pdf' }] } });
    const second = await callIpc(handlers, 'exportReport', { report: sample('gov-2021'), formats: ['pdf'], draft: false, folder });
    expect(second).toMatchObject({ ok: true, value: { files: [{ path: join(folder, '青川县公安局2025年政府信息公开工作年度报告 (2).pdf') }] } });
    expect(notifications.some((n) => n.type === 'exportProgress' && n.stage === 'pdf')).toBe(true);
    const pdf = join(folder, '青川县公安局2025年政府信息公开工作年度报告.pdf');
    expect(await callIpc(handlers, 'openExportedFile', { path: pdf })).toMatchObject({ ok: true });
    expect(await callIpc(handlers, 'openExportedFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'not-granted' } });
    expect(await callIpc(handlers, 'showExportedFile', { path: pdf })).toMatchObject({ ok: true });
    expect(desktop).toEqual({ opened: [pdf], shown: [pdf] });
  }, 60_000);

  it('saves without asking only to a path the main process handed out; a made-up one goes through the dialog', async () => {
    const { handlers, dialogs, drafts } = setup();
    const madeUp = join(mkdtempSync(join(tmpdir(), 'drs-ipc-path-')), '.bashrc');
    const answer = await callIpc(handlers, 'saveReport', { docId: newDocumentId(), path: madeUp, defaultName: 'x.drs', report: sample('gov-2021') });
    expect(answer).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(dialogs.asked).toEqual(['save:x.drs']);
    const docId = newDocumentId();
    await callIpc(handlers, 'writeRecovery', { docId, path: madeUp, report: sample('gov-2021') });
    expect((await drafts.readRecovery(docId))?.path).toBeNull();
  });

  it('switching the language changes only the language: facts, fonts and the 50 backups kept stay', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drs-ipc-locale-'));
    const file = join(dir, 'r.drs');
    const { handlers, drafts } = setup({ save: file });
    const chosen = { autosaveSeconds: 30, backupsKept: 50, defaultFacts: { orgName: '丙县司法局', phone: '0839-1234567' }, fonts: { fangsong: 'Noto Sans SC', hei: 'Noto Sans SC' } };
    const before = await callIpc(handlers, 'updateSettings', chosen);
    expect(before).toMatchObject({ ok: true, value: chosen });
    const after = await callIpc(handlers, 'updateSettings', { locale: 'en' });
    expect(after).toEqual({ ok: true, value: { ...(before.ok ? before.value : {}), locale: 'en' } });
    const docId = newDocumentId();
    const first = await callIpc(handlers, 'saveReport', { docId, path: null, defaultName: 'r.drs', report: sample('gov-2021') });
    expect(first).toMatchObject({ ok: true, value: { status: 'saved' } });
    for (let i = 0; i < 12; i++) await callIpc(handlers, 'saveReport', { docId: documentIdFor(file), path: file, defaultName: 'r.drs', report: sample('gov-2021') });
    // Twelve saves over an existing file make twelve backups, more than the default ten.
    expect(await drafts.listBackups(file)).toHaveLength(12);
  });

  it('a cancelled dialog is an answer, not an error', async () => {
    const { handlers } = setup();
    expect(await callIpc(handlers, 'openReport', {})).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(await callIpc(handlers, 'saveReport', { docId: newDocumentId(), path: null, defaultName: 'x.drs', report: sample('gov-2021') })).toEqual({ ok: true, value: { status: 'cancelled' } });
  });
});

describe('paths come only from the user', () => {
  const folderWith = (name: string, content?: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'drs-ipc-grants-'));
    if (content !== undefined) writeFileSync(join(dir, name), content);
    return join(dir, name);
  };
  const report = () => sample('gov-2021');

  it('openReport reads no path the page made up, and answers alike whether it exists or not; save then asks too', async () => {
    const { handlers, dialogs } = setup();
    const existing = folderWith('r.drs', `${JSON.stringify(report())}\n`);
    const missing = folderWith('none.drs');
    const answers = [await callIpc(handlers, 'openReport', { path: existing }), await callIpc(handlers, 'openReport', { path: missing })];
    expect(answers).toEqual([
      { ok: true, value: { status: 'cancelled' } },
      { ok: true, value: { status: 'cancelled' } },
    ]);
    const before = readFileSync(existing, 'utf8');
    expect(await callIpc(handlers, 'saveReport', { docId: documentIdFor(existing), path: existing, defaultName: 'r.drs', report: report() })).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(dialogs.asked).toEqual(['open', 'open', 'save:r.drs']);
    expect(readFileSync(existing, 'utf8')).toBe(before);
  });

  it('a file the user handed over (drop, command line) opens without a dialog, and is then saved back unasked', async () => {
    const { handlers, dialogs, grants } = setup();
    const file = folderWith('r.drs', `${JSON.stringify(report())}\n`);
    expect(acceptUserFiles(grants, [file, folderWith('b.drs')], { isAppMainFrame: true })).toEqual({ type: 'openFile', path: file });
    const opened = await callIpc(handlers, 'openReport', { path: file });
    expect(opened).toMatchObject({ ok: true, value: { status: 'opened', path: file } });
    expect(await callIpc(handlers, 'saveReport', { docId: documentIdFor(file), path: file, defaultName: 'r.drs', report: report() })).toMatchObject({ ok: true, value: { status: 'saved', path: file } });
    expect(dialogs.asked).toEqual([]);
  });

  it('the drop channel takes only a list of paths from the app’s own page', () => {
    const { grants } = setup();
    const file = folderWith('r.drs');
    for (const bad of [file, [], [42], [''], ['x'.repeat(5000)], { paths: [file] }, Array.from({ length: 101 }, () => file)]) {
      expect(acceptUserFiles(grants, bad, { isAppMainFrame: true }), JSON.stringify(bad).slice(0, 40)).toBeUndefined();
    }
    expect(acceptUserFiles(grants, [file], { isAppMainFrame: false })).toBeUndefined();
    expect(grants.has('read', file)).toBe(false);
  });

  it('exports only into a folder the user chose: a folder the page names goes through the dialog', async () => {
    const autostart = mkdtempSync(join(tmpdir(), 'drs-ipc-autostart-'));
    const { handlers, dialogs } = setup();
    expect(await callIpc(handlers, 'exportReport', { report: report(), formats: ['docx'], draft: true, folder: autostart })).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(dialogs.asked).toEqual(['exportFolder']);
    expect(readdirSync(autostart)).toEqual([]);
  });

  it('opens or shows only files this session exported, with one answer for files that exist and files that do not', async () => {
    const { handlers, desktop } = setup();
    const existing = folderWith('planted.pdf', '%PDF-1.7');
    for (const method of ['openExportedFile', 'showExportedFile'] as const) {
      const [planted, missing] = [await callIpc(handlers, method, { path: existing }), await callIpc(handlers, method, { path: folderWith('missing.pdf') })];
      expect(planted).toMatchObject({ ok: false, error: { code: 'not-granted' } });
      expect(missing.ok === false && missing.error.message).toEqual(planted.ok === false && planted.error.message);
    }
    expect(desktop).toEqual({ opened: [], shown: [] });
  });

  it('stores a font file only when chosen in the font dialog and checked to be a font', async () => {
    const { handlers, dialogs, settings } = setup();
    for (const path of ['/etc/passwd', '/dev/zero', BUNDLED_FONT]) {
      const answer = await callIpc(handlers, 'updateSettings', { fonts: { fangsong: path } });
      expect(answer, path).toMatchObject({ ok: false, error: { code: 'not-granted', issues: [{ path: '$.fonts.fangsong' }] } });
    }
    const fifo = folderWith('pipe.ttf');
    execFileSync('mkfifo', [fifo]);
    const woff = folderWith('font.woff', 'wOFF\0\x01\0\0');
    const huge = folderWith('huge.ttf');
    writeFileSync(huge, Buffer.from([0, 1, 0, 0]));
    truncateSync(huge, MAX_FONT_FILE_BYTES + 1);
    const headerOnly = folderWith('header.ttf');
    writeFileSync(headerOnly, Buffer.from([0, 1, 0, 0, 0, 0]));
    for (const path of ['/etc/passwd', '/dev/zero', fifo, woff, huge, headerOnly, folderWith('missing.ttf'), tmpdir()]) {
      dialogs.fontFiles.push(path);
      const answer = await callIpc(handlers, 'chooseFontFile', {});
      expect(answer, path).toMatchObject({ ok: true, value: { status: 'refused' } });
      expect(await callIpc(handlers, 'updateSettings', { fonts: { fangsong: path } }), path).toMatchObject({ ok: false, error: { code: 'not-granted' } });
    }
    expect(settings.get().fonts).toEqual({});
    dialogs.fontFiles.push(BUNDLED_FONT);
    expect(await callIpc(handlers, 'chooseFontFile', {})).toEqual({ ok: true, value: { status: 'chosen', path: BUNDLED_FONT, family: 'Noto Sans SC' } });
    expect(await callIpc(handlers, 'updateSettings', { fonts: { fangsong: BUNDLED_FONT, hei: 'Noto Sans SC' } })).toMatchObject({ ok: true, value: { fonts: { fangsong: BUNDLED_FONT } } });
  });

  it('stores an export folder only when chosen in the dialog; the one already stored stays acceptable after a restart', async () => {
    const first = setup();
    const folder = mkdtempSync(join(tmpdir(), 'drs-ipc-folder-'));
    expect(await callIpc(first.handlers, 'updateSettings', { exportFolder: folder })).toMatchObject({ ok: false, error: { code: 'not-granted', issues: [{ path: '$.exportFolder' }] } });
    first.dialogs.exportFolders.push(folder);
    expect(await callIpc(first.handlers, 'chooseExportFolder', {})).toEqual({ ok: true, value: { status: 'chosen', path: folder } });
    expect(await callIpc(first.handlers, 'updateSettings', { exportFolder: folder })).toMatchObject({ ok: true, value: { exportFolder: folder } });
    const again = createTestServices({ dataDir: first.dataDir });
    // The Preferences dialog sends every setting back: the stored folder needs no new grant, another does.
    expect(await callIpc(again.handlers, 'updateSettings', { exportFolder: folder, backupsKept: 20 })).toMatchObject({ ok: true, value: { exportFolder: folder, backupsKept: 20 } });
    expect(await callIpc(again.handlers, 'updateSettings', { exportFolder: tmpdir() })).toMatchObject({ ok: false, error: { code: 'not-granted' } });
    expect(await callIpc(again.handlers, 'updateSettings', { exportFolder: null })).toMatchObject({ ok: true, value: { exportFolder: null } });
  });
});
