import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { jsonPath, type Template } from '../../src-core/index.js';
import { defaultExportName, type Exporter } from '../export/Exporter.js';
import { documentIdFor, type DraftStore } from '../services/DraftStore.js';
import type { SettingsStore } from '../services/SettingsStore.js';
import { IPC_CONTRACT, type IpcError, type IpcRequest, type IpcResponse, type IpcResult } from './contract.js';
import { IPC_METHODS, type IpcMethod } from './methods.js';
import type { Desktop, Dialogs, SenderInfo, WindowControl } from './ports.js';

export interface IpcServices {
  drafts: DraftStore;
  settings: SettingsStore;
  templatesDir: string;
  templates: ReadonlyMap<string, Template>;
  exporter: Exporter;
  dialogs: Dialogs;
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

/** The handlers only delegate to services; every one of them is reachable from plain Node. */
export function createIpcHandlers(services: IpcServices): IpcHandlers {
  const { drafts, settings, dialogs } = services;
  const locale = () => settings.get().locale;
  // Only files this session exported may be opened or shown, never a path the page makes up.
  const exported = new Set<string>();
  // Likewise a report is saved without asking only to a path the main process handed out (opened, chosen, recent).
  const known = new Set<string>();
  const remember = (path: string | null | undefined) => {
    if (path) known.add(resolve(path));
  };
  const isKnown = (path: string | null) => path !== null && known.has(resolve(path));
  const knownExport = (path: string) => {
    if (!exported.has(path)) throw new Error(`not an exported file: ${path}`);
    return path;
  };
  return {
    getAppInfo: async () => ({ ...services.app, locale: locale(), settingsNotice: settings.notice ?? null }),
    listTemplates: async () => ({
      templates: readdirSync(services.templatesDir)
        .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
        .sort()
        .map((file) => ({ file, json: JSON.parse(readFileSync(join(services.templatesDir, file), 'utf8')) as unknown })),
    }),
    openReport: async ({ path }) => {
      const chosen = path ?? (await dialogs.chooseReportToOpen(locale()));
      if (!chosen) return { status: 'cancelled' };
      const result = await drafts.open(chosen);
      if (result.status === 'failed') return { status: 'failed', path: result.path, reason: result.reason, backup: result.backup };
      settings.rememberFile(result.path, result.report.updatedAt);
      remember(result.path);
      // Unsaved work for this file that is newer than the file is offered, not silently replaced by the file.
      const docId = documentIdFor(result.path);
      const pending = (await drafts.listRecovery()).find((e) => e.docId === docId && e.newerThanFile);
      return { status: 'opened', path: result.path, docId, report: result.report, recovery: pending ? { docId, savedAt: pending.savedAt } : null };
    },
    openBackup: async ({ backupId }) => drafts.readBackup(backupId),
    saveReport: async ({ docId, path, saveAs, defaultName, report }) => {
      const target = !saveAs && isKnown(path) ? path : await dialogs.chooseSavePath(defaultName, locale());
      if (!target) return { status: 'cancelled' };
      drafts.backupsKept = settings.get().backupsKept;
      const result = await drafts.save(target, report, docId);
      if (result.status === 'failed') return result;
      settings.rememberFile(result.path, result.savedAt);
      remember(result.path);
      return { status: 'saved', path: result.path, docId: documentIdFor(result.path), savedAt: result.savedAt, report: result.report };
    },
    writeRecovery: async ({ docId, path, report }) => ({ savedAt: await drafts.writeRecovery(docId, isKnown(path) ? path : null, report) }),
    listRecovery: async () => {
      const entries = await drafts.listRecovery();
      entries.forEach((e) => remember(e.path));
      return { entries };
    },
    restoreRecovery: async ({ docId }) => {
      const entry = await drafts.readRecovery(docId);
      remember(entry?.path);
      return entry ?? { reason: { 'zh-CN': '这份暂存内容已不存在。', en: 'This recovered work is no longer there.' } };
    },
    discardRecovery: async ({ docId }) => (await drafts.discardRecovery(docId), {}),
    listBackups: async ({ path }) => ({ backups: await drafts.listBackups(path) }),
    listRecentFiles: async () => {
      const { recentFiles } = settings.get();
      recentFiles.forEach((f) => remember(f.path));
      return { files: recentFiles };
    },
    getSettings: async () => settings.get(),
    updateSettings: async (patch) => settings.update(patch),
    setDocumentState: async ({ title, dirty }) => (services.window.setDocumentState(title, dirty), {}),
    closeWindow: async () => (services.window.close(), {}),
    exportReport: async ({ report, formats, draft, folder }) => {
      const template = services.templates.get(report.templateId);
      if (!template) throw new Error(`unknown format ${report.templateId}`);
      const target = folder ?? (await dialogs.chooseExportFolder(locale(), settings.get().exportFolder));
      if (!target) return { status: 'cancelled' };
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
      if (result.status !== 'blocked') for (const f of result.files) exported.add(f.path);
      return result;
    },
    listFonts: async () => {
      const fonts = services.exporter.fonts;
      const resolved = fonts.resolve(settings.get().fonts).faces;
      return {
        installed: fonts.chineseFamilies(),
        bundled: ['Noto Serif SC', 'Noto Sans SC'],
        resolved: Object.fromEntries(Object.entries(resolved).map(([role, face]) => [role, { family: face.family, source: face.source }])),
      };
    },
    getAbout: async () => ({ version: services.app.version, ...readLicences(services.exporter.fonts.bundled.licenseFiles) }),
    openExportedFile: async ({ path }) => (await services.desktop.openPath(knownExport(path)), {}),
    showExportedFile: async ({ path }) => (services.desktop.showInFolder(knownExport(path)), {}),
  };
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
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'failed', message: { 'zh-CN': `操作未能完成：${detail}`, en: `The operation failed: ${detail}` } } };
  }
}

/** Typed call for tests and main-process code that hold the handler table directly. */
export function callIpc<M extends IpcMethod>(handlers: IpcHandlers, method: M, request: IpcRequest<M>, sender: SenderInfo = { isAppMainFrame: true }): Promise<IpcResult<IpcResponse<M>>> {
  return invokeIpc(handlers, method, request, sender) as Promise<IpcResult<IpcResponse<M>>>;
}
