import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { jsonPath, priorYearOf, startFromLastYear, validateReportStructure, type Report, type Template } from '../../src-core/index.js';
import { defaultExportName, type Exporter } from '../export/Exporter.js';
import { importFile } from '../import/importFile.js';
import { reviewDate } from '../review/reviewHtml.js';
import { reviewReports } from '../review/reviewReports.js';
import type { ReviewSummary } from '../review/reviewSummary.js';
import { writeReviewOutput } from '../review/writeReviewOutput.js';
import { readLastYear } from '../prior/readLastYear.js';
import { documentIdFor, type DraftStore } from '../services/DraftStore.js';
import { namesFontFile } from '../export/fonts/FontResolver.js';
import { checkFontFile } from '../services/fontFile.js';
import type { PathGrants } from '../services/PathGrants.js';
import type { SettingsStore } from '../services/SettingsStore.js';
import { readTemplateFiles } from '../services/TemplateLibrary.js';
import type { SettingsPatch } from '../services/settingsSchema.js';
import { droppedFilesSchema, IPC_CONTRACT, type AppCommand, type IpcError, type IpcRequest, type IpcResponse, type IpcResult } from './contract.js';
import { IPC_METHODS, type IpcMethod } from './methods.js';
import { RequestRefused } from './refusal.js';
import type { Desktop, Dialogs, SenderInfo, WindowControl } from './ports.js';

export interface IpcServices {
  drafts: DraftStore;
  settings: SettingsStore;
  templatesDir: string;
  templates: ReadonlyMap<string, Template>;
  exporter: Exporter;
  dialogs: Dialogs;
  grants: PathGrants;
  desktop: Desktop;
  window: WindowControl;
  app: { version: string; platform: string };
}

/** The licences the About box shows: every runtime dependency's, and the bundled fonts' full texts (the OFL requires shipping them). */
function readLicences(fontLicenseFiles: readonly string[]): { dependencies: { name: string; version: string; license: string }[]; fontLicenses: { name: string; text: string }[] } {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const packageRoot = existsSync(join(root, 'package.json')) ? root : fileURLToPath(new URL('../../../', import.meta.url));
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const dependencies = Object.keys(pkg.dependencies ?? {}).map((name) => {
    try {
      const info = JSON.parse(readFileSync(join(packageRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string; license?: string };
      return { name, version: info.version ?? '', license: info.license ?? '' };
    } catch {
      return { name, version: pkg.dependencies?.[name] ?? '', license: '' };
    }
  });
  const seen = new Set<string>();
  const fontLicenses = fontLicenseFiles
    .map((file) => ({ name: /sans/i.test(file) ? 'Noto Sans SC' : 'Noto Serif SC', text: readFileSync(file, 'utf8') }))
    .filter((l) => !seen.has(l.name) && seen.add(l.name));
  return { dependencies, fontLicenses };
}

/** `name.pdf`, or `name (2).pdf` … when that exists: an export never replaces a file silently. */
function freePath(folder: string, fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  for (let n = 1; ; n++) {
    const candidate = join(folder, n === 1 ? fileName : `${fileName.slice(0, dot)} (${n})${fileName.slice(dot)}`);
    if (!existsSync(candidate)) return candidate;
  }
}

type Handler<M extends IpcMethod> = (request: z.output<(typeof IPC_CONTRACT)[M]['request']>) => Promise<IpcResponse<M>>;
export type IpcHandlers = { [M in IpcMethod]: Handler<M> };

/** A report that enters the main process is checked as loading checks a file: what is written can be opened again. */
function assertLoadable(report: Report, templates: ReadonlyMap<string, Template>): void {
  const structure = validateReportStructure(report, templates);
  if (!structure.ok) throw new RequestRefused('invalid-request', structure.error.message, `$.report${structure.error.path?.slice(1) ?? ''}`);
}

/** Every method whose request carries a report refuses one that could not be opened again, before it does anything. */
function checkingReports(handlers: IpcHandlers, templates: ReadonlyMap<string, Template>): IpcHandlers {
  const checked: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const [method, handler] of Object.entries(handlers) as [string, (request: unknown) => Promise<unknown>][]) {
    checked[method] = async (request) => {
      if (typeof request === 'object' && request !== null && 'report' in request) assertLoadable(request.report as Report, templates);
      return handler(request);
    };
  }
  return checked as IpcHandlers;
}

/** The handlers only delegate to services; every one of them is reachable from plain Node. */
export function createIpcHandlers(services: IpcServices): IpcHandlers {
  return checkingReports(serviceHandlers(services), services.templates);
}

/** The message for a path the user did not choose. It never says whether the path exists. */
const NOT_GRANTED = {
  exported: { 'zh-CN': '只能打开或显示本次导出的文件。', en: 'Only files exported in this session can be opened or shown.' },
  font: { 'zh-CN': '字体文件须用“选择字体文件…”选取。', en: 'Choose a font file with "Choose font file…".' },
  folder: { 'zh-CN': '导出文件夹须用“选择…”选取。', en: 'Choose the export folder with "Choose…".' },
  review: { 'zh-CN': '要审查的文件或文件夹须用“审查已发布报告…”选取。', en: 'Choose the files or folder to review with "Review Published Reports…".' },
};

const NO_REVIEW = { 'zh-CN': '还没有审查结果可导出：请先审查报告。', en: 'There is no review to export yet: review some reports first.' };

function serviceHandlers(services: IpcServices): IpcHandlers {
  const { drafts, settings, dialogs, grants } = services;
  const locale = () => settings.get().locale;
  /** A report file the user opened or saved to: it may be read again and saved back to unasked. */
  const grantReportFile = (path: string | null | undefined) => {
    if (!path) return;
    grants.grant('read', path);
    grants.grant('write', path);
  };
  const exportedFile = (path: string) => {
    if (!grants.has('exported', path)) throw new RequestRefused('not-granted', NOT_GRANTED.exported, '$.path');
    return path;
  };
  /** A font file or export folder in a settings change must be one the user chose (or the one already set). */
  const assertChosenPaths = (patch: SettingsPatch) => {
    const current = settings.get();
    for (const [role, choice] of Object.entries(patch.fonts ?? {})) {
      const unchanged = choice === current.fonts[role as keyof typeof current.fonts];
      if (choice && namesFontFile(choice) && !unchanged && !grants.has('font', choice)) throw new RequestRefused('not-granted', NOT_GRANTED.font, `$.fonts.${role}`);
    }
    const folder = patch.exportFolder;
    if (folder && folder !== current.exportFolder && !grants.has('folder', folder)) throw new RequestRefused('not-granted', NOT_GRANTED.folder, '$.exportFolder');
  };
  // The last finished review, which 导出 HTML / 导出 Excel write: the page never sends findings or paths back.
  let lastReview: ReviewSummary | null = null;
  const runningReviews = new Set<AbortController>();
  return {
    getAppInfo: async () => ({ ...services.app, locale: locale(), settingsNotice: settings.notice ?? null }),
    listTemplates: async () => ({ templates: readTemplateFiles(services.templatesDir) }),
    openReport: async ({ path }) => {
      // A path the user did not hand over is not read (nor said to exist or not): the dialog asks instead.
      const chosen = grants.has('read', path) ? path : await dialogs.chooseReportToOpen(locale());
      if (!chosen) return { status: 'cancelled' };
      grants.grant('read', chosen);
      const result = await drafts.open(chosen);
      if (result.status === 'failed') return { status: 'failed', path: result.path, reason: result.reason, backup: result.backup };
      settings.rememberFile(result.path, result.report.updatedAt);
      grantReportFile(result.path);
      // Unsaved work for this file that is newer than the file is offered, not silently replaced by the file.
      const docId = documentIdFor(result.path);
      const pending = (await drafts.listRecovery()).find((e) => e.docId === docId && e.newerThanFile);
      return { status: 'opened', path: result.path, docId, report: result.report, recovery: pending ? { docId, savedAt: pending.savedAt } : null };
    },
    openBackup: async ({ backupId }) => drafts.readBackup(backupId),
    saveReport: async ({ docId, path, saveAs, defaultName, report }) => {
      const target = !saveAs && grants.has('write', path) ? path : await dialogs.chooseSavePath(defaultName, locale());
      if (!target) return { status: 'cancelled' };
      drafts.backupsKept = settings.get().backupsKept;
      const result = await drafts.save(target, report, docId);
      if (result.status === 'failed') return result;
      settings.rememberFile(result.path, result.savedAt);
      grantReportFile(result.path);
      return { status: 'saved', path: result.path, docId: documentIdFor(result.path), savedAt: result.savedAt, report: result.report };
    },
    writeRecovery: async ({ docId, path, report }) => ({ savedAt: await drafts.writeRecovery(docId, grants.has('write', path) ? path : null, report) }),
    listRecovery: async () => {
      // Recovery entries name only paths the main process recorded from the user's own opens and saves.
      const entries = await drafts.listRecovery();
      entries.forEach((e) => grantReportFile(e.path));
      return { entries };
    },
    restoreRecovery: async ({ docId }) => {
      const entry = await drafts.readRecovery(docId);
      grantReportFile(entry?.path);
      return entry ?? { reason: { 'zh-CN': '这份暂存内容已不存在。', en: 'This recovered work is no longer there.' } };
    },
    discardRecovery: async ({ docId }) => (await drafts.discardRecovery(docId), {}),
    listBackups: async ({ path }) => ({ backups: await drafts.listBackups(path) }),
    listRecentFiles: async () => {
      // The recent list is the main process's own record of files the user opened or saved.
      const { recentFiles } = settings.get();
      recentFiles.forEach((f) => grants.grant('read', f.path));
      return { files: recentFiles };
    },
    getSettings: async () => settings.get(),
    updateSettings: async (patch) => {
      assertChosenPaths(patch);
      return settings.update(patch);
    },
    setDocumentState: async ({ title, dirty }) => (services.window.setDocumentState(title, dirty), {}),
    closeWindow: async () => (services.window.close(), {}),
    exportReport: async ({ report, formats, draft, folder }) => {
      const template = services.templates.get(report.templateId);
      if (!template) throw new Error(`unknown format ${report.templateId}`);
      const target = grants.has('folder', folder) ? folder : await dialogs.chooseExportFolder(locale(), settings.get().exportFolder);
      if (!target) return { status: 'cancelled' };
      grants.grant('folder', target);
      const result = await services.exporter.exportReport({
        report,
        template,
        draft,
        locale: locale(),
        fonts: settings.get().fonts,
        ...(formats.includes('docx') ? { docxPath: freePath(target, defaultExportName(template, report, 'docx')) } : {}),
        ...(formats.includes('pdf') ? { pdfPath: freePath(target, defaultExportName(template, report, 'pdf')) } : {}),
        ...(formats.includes('html') ? { htmlPath: freePath(target, defaultExportName(template, report, 'html')) } : {}),
        onProgress: (p) => services.window.notify({ type: 'exportProgress', ...p }),
      });
      if (result.status !== 'blocked') for (const f of result.files) grants.grant('exported', f.path);
      return result;
    },
    importReport: async ({ path, templateId }) => {
      const chosen = grants.has('read', path) ? path : await dialogs.chooseFileToImport(locale());
      if (!chosen) return { status: 'cancelled' };
      grants.grant('read', chosen);
      const result = await importFile(chosen, services.templates, {
        ...(templateId ? { templateId } : {}),
        onProgress: (stage) => services.window.notify({ type: 'importProgress', stage }),
      });
      return result.ok ? { status: 'imported', report: result.report, importReport: result.importReport } : { status: 'failed', reason: result.message };
    },
    reviewReports: async ({ choose, paths }) => {
      // Paths from the page are only ones the user already chose: files granted for reading, or inside a chosen folder.
      paths?.forEach((p, i) => {
        if (!grants.has('folder', p) && !grants.coversForReading(p)) throw new RequestRefused('not-granted', NOT_GRANTED.review, `$.paths[${i}]`);
      });
      const what = choose ?? 'folder';
      const inputs = paths ?? (await dialogs.chooseReportsToReview(locale(), what));
      if (!inputs || inputs.length === 0) return { status: 'cancelled' };
      if (!paths) inputs.forEach((p) => grants.grant(what === 'folder' ? 'folder' : 'read', p));
      const controller = new AbortController();
      runningReviews.add(controller);
      try {
        const summary = await reviewReports(inputs, {
          templates: services.templates,
          locale: locale(),
          signal: controller.signal,
          onProgress: (p) => services.window.notify({ type: 'reviewProgress', ...p }),
        });
        lastReview = summary;
        return { status: 'reviewed', summary };
      } finally {
        runningReviews.delete(controller);
      }
    },
    cancelReview: async () => {
      runningReviews.forEach((c) => c.abort());
      return { cancelled: runningReviews.size > 0 };
    },
    exportReview: async ({ format }) => {
      if (!lastReview) return { status: 'failed', reason: NO_REVIEW };
      const review = lastReview;
      const name = `${review.locale === 'en' ? 'review' : '年度报告审查意见'}-${reviewDate(review.reviewedAt, 'en')}.${format}`;
      const target = await dialogs.chooseReviewOutput(name, format, locale());
      if (!target) return { status: 'cancelled' };
      const written = await writeReviewOutput(review, format, target);
      if (!written.ok) return { status: 'failed', reason: written.message };
      return { status: 'exported', path: grants.grant('exported', target) };
    },
    startFromLastYear: async ({ path, year }) => {
      const chosen = grants.has('read', path) ? path : await dialogs.chooseLastYearReport(locale());
      if (!chosen) return { status: 'cancelled' };
      grants.grant('read', chosen);
      const last = await readLastYear(chosen, services.templates);
      if (!last.ok) return { status: 'failed', reason: last.message };
      const started = startFromLastYear(services.templates, last, { now: new Date(), source: last.source, ...(year === undefined ? {} : { year }) });
      return started.ok ? { status: 'started', report: started.report } : { status: 'failed', reason: started.message };
    },
    readPriorYear: async ({ path }) => {
      const chosen = grants.has('read', path) ? path : await dialogs.chooseLastYearReport(locale());
      if (!chosen) return { status: 'cancelled' };
      grants.grant('read', chosen);
      const last = await readLastYear(chosen, services.templates);
      return last.ok ? { status: 'linked', priorYear: priorYearOf(last.report, last.template, last.source, new Date()) } : { status: 'failed', reason: last.message };
    },
    listFonts: async () => {
      const fonts = services.exporter.fonts;
      // Waits for the scan the warm-up started rather than scanning again, blocking the main process.
      await fonts.scanInstalled();
      const resolved = fonts.resolve(settings.get().fonts).faces;
      return {
        installed: await fonts.chineseFamilies(),
        bundled: ['Noto Serif SC', 'Noto Sans SC'],
        resolved: Object.fromEntries(Object.entries(resolved).map(([role, face]) => [role, { family: face.family, source: face.source }])),
      };
    },
    chooseFontFile: async () => {
      const chosen = await dialogs.chooseFontFile(locale());
      if (!chosen) return { status: 'cancelled' };
      const check = await checkFontFile(chosen);
      if (!check.ok) return { status: 'refused', reason: check.reason };
      return { status: 'chosen', path: grants.grant('font', chosen), family: check.family };
    },
    chooseExportFolder: async () => {
      const chosen = await dialogs.chooseExportFolder(locale(), settings.get().exportFolder);
      return chosen ? { status: 'chosen', path: grants.grant('folder', chosen) } : { status: 'cancelled' };
    },
    getAbout: async () => ({ version: services.app.version, ...readLicences(services.exporter.fonts.bundled.licenseFiles) }),
    openExportedFile: async ({ path }) => (await services.desktop.openPath(exportedFile(path)), {}),
    showExportedFile: async ({ path }) => (services.desktop.showInFolder(exportedFile(path)), {}),
  };
}

/**
 * Files the user handed over outside a dialog — dropped on the window (the preload reads their real
 * paths), named on the command line or by the OS — are granted for reading; the page is told to
 * open the first. Returns undefined for a payload or a sender that is not the app's.
 */
export function acceptUserFiles(grants: PathGrants, payload: unknown, sender: SenderInfo): AppCommand | undefined {
  if (!sender.isAppMainFrame) return undefined;
  const parsed = droppedFilesSchema.safeParse(payload);
  if (!parsed.success) return undefined;
  const [first] = parsed.data.map((path) => grants.grant('read', path));
  return first === undefined ? undefined : { type: 'openFile', path: first };
}

const FORBIDDEN: IpcError = {
  code: 'forbidden-sender',
  message: { 'zh-CN': '拒绝来自非本程序页面的请求。', en: 'Refused a request that did not come from the app’s own page.' },
};

/**
 * The one entry point of every IPC call, in Electron and in the test harness alike: checks the
 * sender, validates the request, runs the handler and validates its answer. Never throws.
 */
export async function invokeIpc(handlers: IpcHandlers, method: unknown, payload: unknown, sender: SenderInfo): Promise<IpcResult<unknown>> {
  if (!sender.isAppMainFrame) return { ok: false, error: FORBIDDEN };
  if (typeof method !== 'string' || !(IPC_METHODS as readonly string[]).includes(method)) {
    return { ok: false, error: { code: 'invalid-request', message: { 'zh-CN': `未知的请求“${String(method)}”。`, en: `Unknown request "${String(method)}".` } } };
  }
  const name = method as IpcMethod;
  const parsed = IPC_CONTRACT[name].request.safeParse(payload);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => ({ path: jsonPath(i.path), message: i.message }));
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        message: { 'zh-CN': `请求“${name}”的内容不正确：${issues[0]?.path ?? ''} ${issues[0]?.message ?? ''}`, en: `The request "${name}" is malformed: ${issues[0]?.path ?? ''} ${issues[0]?.message ?? ''}` },
        issues,
      },
    };
  }
  try {
    const handler = handlers[name] as (request: unknown) => Promise<unknown>;
    const value = IPC_CONTRACT[name].response.parse(await handler(parsed.data));
    return { ok: true, value };
  } catch (error) {
    if (error instanceof RequestRefused) {
      const issues = error.place === undefined ? [] : [{ path: error.place, message: error.reason.en }];
      return { ok: false, error: { code: error.code, message: { 'zh-CN': `请求“${name}”被拒绝：${error.reason['zh-CN']}`, en: `The request "${name}" was refused: ${error.reason.en}` }, issues } };
    }
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'failed', message: { 'zh-CN': `操作未能完成：${detail}`, en: `The operation failed: ${detail}` } } };
  }
}

/** Typed call for tests and main-process code that hold the handler table directly. */
export function callIpc<M extends IpcMethod>(handlers: IpcHandlers, method: M, request: IpcRequest<M>, sender: SenderInfo = { isAppMainFrame: true }): Promise<IpcResult<IpcResponse<M>>> {
  return invokeIpc(handlers, method, request, sender) as Promise<IpcResult<IpcResponse<M>>>;
}
