import { join } from 'node:path';
import type { IpcMethod } from '../../src-main/ipc/methods.js';
import { newDocumentId } from '../../src-main/services/DraftStore.js';
import { sample } from '../helpers.js';

/**
 * A request of the right shape for each method, naming files in `dir` (`file` for the ones that
 * take a file), so that bad variants differ from it in one way only.
 */
export function wellFormedRequest(method: IpcMethod, dir: string, file = 'r.drs'): unknown {
  const report = sample('gov-2021');
  const requests: Record<IpcMethod, unknown> = {
    getAppInfo: {},
    listTemplates: {},
    openReport: { path: join(dir, file) },
    openBackup: { backupId: '0123456789abcdef/x.drs' },
    saveReport: { docId: newDocumentId(), path: join(dir, file), defaultName: 'r.drs', report },
    writeRecovery: { docId: newDocumentId(), path: null, report },
    listRecovery: {},
    restoreRecovery: { docId: newDocumentId() },
    discardRecovery: { docId: newDocumentId() },
    listBackups: { path: join(dir, file) },
    listRecentFiles: {},
    getSettings: {},
    updateSettings: { locale: 'en' },
    setDocumentState: { title: 'x', dirty: true },
    closeWindow: {},
    exportReport: { report, formats: ['pdf'], draft: false, folder: dir },
    importReport: { path: join(dir, file) },
    reviewReports: { paths: [dir] },
    cancelReview: {},
    exportReview: { format: 'html' },
    startFromLastYear: { path: join(dir, file), year: 2025 },
    readPriorYear: { path: join(dir, file) },
    openExportedFile: { path: join(dir, file) },
    showExportedFile: { path: join(dir, file) },
    listFonts: {},
    chooseFontFile: {},
    chooseExportFolder: {},
    getAbout: {},
  };
  return requests[method];
}
