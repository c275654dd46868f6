/**
 * The names of the `window.drs` methods, without their schemas, so the preload stays tiny.
 * contract.ts gives each one its request and response schema (a test keeps the two in step).
 */
export const IPC_METHODS = [
  'getAppInfo',
  'listTemplates',
  'openReport',
  'openBackup',
  'saveReport',
  'writeRecovery',
  'listRecovery',
  'restoreRecovery',
  'discardRecovery',
  'listBackups',
  'listRecentFiles',
  'getSettings',
  'updateSettings',
  'setDocumentState',
  'closeWindow',
  'exportReport',
  'importReport',
  'reviewReports',
  'cancelReview',
  'exportReview',
  'startFromLastYear',
  'readPriorYear',
  'openExportedFile',
  'showExportedFile',
  'listFonts',
  'chooseFontFile',
  'chooseExportFolder',
  'getAbout',
] as const;

export type IpcMethod = (typeof IPC_METHODS)[number];

export const IPC_CHANNEL_PREFIX = 'drs:';

/** Messages the main process sends to the page (menu commands, files opened by the OS). */
export const COMMAND_CHANNEL = 'drs:command';

/** The preload reports here the real paths of files the user dropped on the window (never the page). */
export const DROP_CHANNEL = 'drs:droppedFiles';
