import { z } from 'zod';
import { priorYearSchema, reportSchema } from '../../src-core/index.js';
import { reviewSummarySchema } from '../review/reviewSummary.js';
import { recentFileSchema, settingsPatchSchema, settingsSchema } from '../services/settingsSchema.js';
import type { IpcMethod } from './methods.js';

const localized = z.strictObject({ 'zh-CN': z.string(), en: z.string() });
const path = z.string().min(1).max(4096);
const docId = z.string().regex(/^(file-[0-9a-f]{16}|new-[0-9a-f-]{36})$/);
const empty = z.strictObject({});
const finding = z.strictObject({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning']),
  location: z.union([z.strictObject({ sectionId: z.string(), span: z.strictObject({ paragraph: z.number().int().min(0), start: z.number().int().min(0), end: z.number().int().min(0) }).optional() }), z.strictObject({ tableId: z.string(), rowId: z.string(), colId: z.string() }), z.strictObject({ metaField: z.string() })]),
  expected: z.union([z.number(), z.string(), z.null()]),
  actual: z.union([z.number(), z.string(), z.null()]),
  message: z.string(),
});
const exportedFile = z.strictObject({ format: z.enum(['docx', 'pdf', 'html']), path });
const cellRef = { tableId: z.string(), rowId: z.string(), colId: z.string() };
/** The import report (src-core/import/importResult.ts) as it crosses to the page. */
const importReportSchema = z.strictObject({
  fileName: z.string(),
  templateId: z.string(),
  year: z.number().int().nullable(),
  orgName: z.string().nullable(),
  sections: z.array(z.strictObject({ sectionId: z.string(), sourceHeading: z.string().nullable(), paragraphs: z.number().int(), characters: z.number().int(), from: localized })),
  cells: z.array(z.strictObject({ ...cellRef, value: z.union([z.number(), z.string(), z.null()]), sourceText: z.string(), note: z.string().optional() })),
  unplaced: z.array(z.strictObject({ kind: z.enum(['paragraph', 'number', 'table']), text: z.string(), where: localized, reason: localized })),
  missingCells: z.array(z.strictObject({ ...cellRef, label: localized })),
  removed: z.array(z.strictObject({ text: z.string(), reason: localized })),
  assumptions: z.array(localized),
});
const backupInfo = z.strictObject({ id: z.string(), sourcePath: z.string(), savedAt: z.string(), size: z.number() });

/**
 * The one IPC contract: every method of `window.drs` with the schema of its request and of its
 * response. The main process validates every request against it; the renderer's types come from it.
 */
export const IPC_CONTRACT = {
  getAppInfo: { request: empty, response: z.strictObject({ version: z.string(), platform: z.string(), locale: z.enum(['zh-CN', 'en']), settingsNotice: localized.nullable() }) },
  listTemplates: { request: empty, response: z.strictObject({ templates: z.array(z.strictObject({ file: z.string(), json: z.unknown() })) }) },
  openReport: {
    request: z.strictObject({ path: path.optional() }),
    response: z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('opened'), path, docId, report: reportSchema, recovery: z.strictObject({ docId, savedAt: z.string() }).nullable() }),
      z.strictObject({ status: z.literal('cancelled') }),
      z.strictObject({ status: z.literal('failed'), path, reason: localized, backup: backupInfo.nullable() }),
    ]),
  },
  openBackup: {
    request: z.strictObject({ backupId: z.string().max(200) }),
    response: z.union([z.strictObject({ report: reportSchema, backup: backupInfo }), z.strictObject({ reason: localized })]),
  },
  saveReport: {
    request: z.strictObject({ docId, path: path.nullable(), saveAs: z.boolean().default(false), defaultName: z.string().min(1).max(255), report: reportSchema }),
    response: z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('saved'), path, docId, savedAt: z.string(), report: reportSchema }),
      z.strictObject({ status: z.literal('cancelled') }),
      z.strictObject({ status: z.literal('failed'), path, reason: localized, keptInRecovery: z.boolean() }),
    ]),
  },
  writeRecovery: { request: z.strictObject({ docId, path: path.nullable(), report: reportSchema }), response: z.strictObject({ savedAt: z.string() }) },
  listRecovery: {
    request: empty,
    response: z.strictObject({
      entries: z.array(z.strictObject({ docId, path: path.nullable(), title: z.string(), savedAt: z.string(), fileSavedAt: z.string().nullable(), newerThanFile: z.boolean() })),
    }),
  },
  restoreRecovery: { request: z.strictObject({ docId }), response: z.union([z.strictObject({ report: reportSchema, path: path.nullable(), savedAt: z.string() }), z.strictObject({ reason: localized })]) },
  discardRecovery: { request: z.strictObject({ docId }), response: empty },
  listBackups: { request: z.strictObject({ path }), response: z.strictObject({ backups: z.array(backupInfo) }) },
  listRecentFiles: { request: empty, response: z.strictObject({ files: z.array(recentFileSchema) }) },
  getSettings: { request: empty, response: settingsSchema },
  updateSettings: { request: settingsPatchSchema, response: settingsSchema },
  setDocumentState: { request: z.strictObject({ title: z.string().max(300), dirty: z.boolean() }), response: empty },
  closeWindow: { request: empty, response: empty },
  exportReport: {
    request: z.strictObject({ report: reportSchema, formats: z.array(z.enum(['docx', 'pdf', 'html'])).min(1).max(3), draft: z.boolean(), folder: path.nullable() }),
    response: z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('cancelled') }),
      z.strictObject({ status: z.literal('blocked'), errors: z.array(finding), warnings: z.array(finding) }),
      z.strictObject({ status: z.literal('exported'), draft: z.boolean(), files: z.array(exportedFile), errors: z.array(finding), warnings: z.array(finding), notes: z.array(localized) }),
      z.strictObject({ status: z.literal('failed'), reason: localized, files: z.array(exportedFile) }),
    ]),
  },
  importReport: {
    request: z.strictObject({ path: path.optional(), templateId: z.string().max(100).optional() }),
    response: z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('imported'), report: reportSchema, importReport: importReportSchema }),
      z.strictObject({ status: z.literal('cancelled') }),
      z.strictObject({ status: z.literal('failed'), reason: localized }),
    ]),
  },
  /** Review mode: reports the user chooses now (`choose`), or files and folders already granted (`paths`). */
  reviewReports: {
    request: z.strictObject({ choose: z.enum(['files', 'folder']).optional(), paths: z.array(path).min(1).max(100).optional() }),
    response: z.discriminatedUnion('status', [z.strictObject({ status: z.literal('reviewed'), summary: reviewSummarySchema }), z.strictObject({ status: z.literal('cancelled') })]),
  },
  /** Stops a running review after the file it is reading; the review answers with what it has. */
  cancelReview: { request: empty, response: z.strictObject({ cancelled: z.boolean() }) },
  /** Writes the last review as an HTML page or an Excel workbook, where the user chooses. */
  exportReview: {
    request: z.strictObject({ format: z.enum(['html', 'xlsx']) }),
    response: z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('exported'), path }),
      z.strictObject({ status: z.literal('cancelled') }),
      z.strictObject({ status: z.literal('failed'), reason: localized }),
    ]),
  },
  /** 从上年报告开始 (issue #13): a new report from last year's .drs or imported document; the page names no path unless granted. */
  startFromLastYear: {
    request: z.strictObject({ path: path.optional(), year: z.number().int().min(2008).max(2100).optional() }),
    response: z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('started'), report: reportSchema }),
      z.strictObject({ status: z.literal('cancelled') }),
      z.strictObject({ status: z.literal('failed'), reason: localized }),
    ]),
  },
  /** 报告信息 → attach or replace last year's report: the link the report keeps. */
  readPriorYear: {
    request: z.strictObject({ path: path.optional() }),
    response: z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('linked'), priorYear: priorYearSchema }),
      z.strictObject({ status: z.literal('cancelled') }),
      z.strictObject({ status: z.literal('failed'), reason: localized }),
    ]),
  },
  openExportedFile: { request: z.strictObject({ path }), response: empty },
  showExportedFile: { request: z.strictObject({ path }), response: empty },
  listFonts: {
    request: empty,
    response: z.strictObject({ installed: z.array(z.string()), bundled: z.array(z.string()), resolved: z.record(z.string(), z.strictObject({ family: z.string(), source: z.enum(['user', 'system', 'bundled']) })) }),
  },
  chooseFontFile: {
    request: empty,
    response: z.discriminatedUnion('status', [
      z.strictObject({ status: z.literal('chosen'), path, family: z.string() }),
      z.strictObject({ status: z.literal('cancelled') }),
      z.strictObject({ status: z.literal('refused'), reason: localized }),
    ]),
  },
  chooseExportFolder: {
    request: empty,
    response: z.discriminatedUnion('status', [z.strictObject({ status: z.literal('chosen'), path }), z.strictObject({ status: z.literal('cancelled') })]),
  },
  getAbout: {
    request: empty,
    response: z.strictObject({
      version: z.string(),
      dependencies: z.array(z.strictObject({ name: z.string(), version: z.string(), license: z.string() })),
      fontLicenses: z.array(z.strictObject({ name: z.string(), text: z.string() })),
    }),
  },
} as const satisfies Record<IpcMethod, { request: z.ZodType; response: z.ZodType }>;

export type IpcContract = typeof IPC_CONTRACT;
export type IpcRequest<M extends IpcMethod> = z.input<IpcContract[M]['request']>;
export type IpcResponse<M extends IpcMethod> = z.output<IpcContract[M]['response']>;

/** The real paths of files the user dropped on the window, as the preload reads them. */
export const droppedFilesSchema = z.array(path).min(1).max(100);

/** `not-granted`: the request names a path the user did not choose (the answer does not say whether it exists). */
export type IpcErrorCode = 'invalid-request' | 'not-granted' | 'forbidden-sender' | 'failed';
export interface IpcError {
  code: IpcErrorCode;
  message: z.infer<typeof localized>;
  issues?: { path: string; message: string }[];
}
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export type MenuCommand = 'new' | 'open' | 'import' | 'review' | 'save' | 'saveAs' | 'exportDocx' | 'exportPdf' | 'about' | 'saveAndClose' | 'undo' | 'redo' | 'find' | 'replace' | 'print' | 'pageView';
export type AppCommand =
  | { type: 'menu'; command: MenuCommand }
  | { type: 'openFile'; path: string }
  | { type: 'exportProgress'; stage: 'check' | 'docx' | 'pdf' | 'html' | 'write'; done: number; total: number }
  | { type: 'importProgress'; stage: 'read' | 'recognize' }
  | { type: 'reviewProgress'; done: number; total: number; fileName: string };

/** The API the page sees as `window.drs` (built by the preload, or by the test harness). */
export type DrsApi = { [M in IpcMethod]: (request: IpcRequest<M>) => Promise<IpcResult<IpcResponse<M>>> } & {
  onCommand(listener: (command: AppCommand) => void): () => void;
};
