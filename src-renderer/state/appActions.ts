import { createReport, loadTemplate, reportFileName, type Locale, type Localized, type ReportMeta, type Template } from '../../src-core/index.js';
import type { IpcResponse } from '../../src-main/ipc/contract.js';
import { drs } from '../api.js';
import { documentStore, newDocumentId } from './documentStore.js';

export type Backup = NonNullable<Extract<IpcResponse<'openReport'>, { status: 'failed' }>['backup']>;
export interface LoadFailure {
  path: string;
  reason: Localized;
  backup: Backup | null;
}

/** A file opened while the recovery area holds newer unsaved work for it. */
export interface RecoveryOffer {
  path: string;
  docId: string;
  savedAt: string;
}

/** Messages for the user that the app shell shows (banners and dialogs). */
export interface Feedback {
  showError(message: Localized): void;
  showLoadFailure(failure: LoadFailure): void;
  offerRecovery(offer: RecoveryOffer): void;
}

export async function loadTemplates(): Promise<Map<string, Template>> {
  const answer = await drs.listTemplates({});
  if (!answer.ok) throw new Error(answer.error.message['zh-CN']);
  const templates = new Map(answer.value.templates.map((t) => loadTemplate(t.json, t.file)).map((template) => [template.id, template]));
  documentStore.setTemplates(templates);
  return templates;
}

/** 从上年报告开始: the user picks last year's report; the new report is unsaved until Ctrl+S. */
export async function startFromLastYear(templates: ReadonlyMap<string, Template>, feedback: Feedback): Promise<void> {
  const answer = await drs.startFromLastYear({});
  if (!answer.ok) return feedback.showError(answer.error.message);
  if (answer.value.status === 'cancelled') return;
  if (answer.value.status === 'failed') return feedback.showError(answer.value.reason);
  const template = templates.get(answer.value.report.templateId);
  if (template) documentStore.open(template, answer.value.report, { path: null, docId: newDocumentId(), dirty: true });
}

/** 报告信息 → attach or replace last year's report; answers why it could not be read, for the panel to show. */
export async function attachPriorYear(): Promise<Localized | undefined> {
  const answer = await drs.readPriorYear({});
  if (!answer.ok) return answer.error.message;
  if (answer.value.status === 'failed') return answer.value.reason;
  if (answer.value.status === 'linked') documentStore.setPriorYear(answer.value.priorYear);
  return undefined;
}

export function startNewReport(template: Template, meta: ReportMeta): void {
  documentStore.open(template, createReport(template, meta, new Date()), { path: null, docId: newDocumentId(), dirty: true });
}

export async function openReport(templates: ReadonlyMap<string, Template>, feedback: Feedback, path?: string): Promise<void> {
  const answer = await drs.openReport(path ? { path } : {});
  if (!answer.ok) return feedback.showError(answer.error.message);
  const result = answer.value;
  if (result.status === 'cancelled') return;
  if (result.status === 'failed') return feedback.showLoadFailure({ path: result.path, reason: result.reason, backup: result.backup });
  const template = templates.get(result.report.templateId);
  if (!template) return feedback.showError({ 'zh-CN': `未知的报告格式 ${result.report.templateId}`, en: `Unknown format ${result.report.templateId}` });
  documentStore.open(template, result.report, { path: result.path, docId: result.docId, dirty: false });
  if (result.recovery) feedback.offerRecovery({ path: result.path, ...result.recovery });
}

/** A backup opens as an unsaved copy: saving it asks where, so the damaged file is never replaced behind the user's back. */
export async function openBackup(templates: ReadonlyMap<string, Template>, feedback: Feedback, backupId: string): Promise<void> {
  const answer = await drs.openBackup({ backupId });
  if (!answer.ok) return feedback.showError(answer.error.message);
  if ('reason' in answer.value) return feedback.showError(answer.value.reason);
  const template = templates.get(answer.value.report.templateId);
  if (template) documentStore.open(template, answer.value.report, { path: null, docId: newDocumentId(), dirty: true });
}

export async function restoreRecovery(templates: ReadonlyMap<string, Template>, feedback: Feedback, docId: string): Promise<void> {
  const answer = await drs.restoreRecovery({ docId });
  if (!answer.ok) return feedback.showError(answer.error.message);
  if ('reason' in answer.value) return feedback.showError(answer.value.reason);
  const template = templates.get(answer.value.report.templateId);
  if (template) documentStore.open(template, answer.value.report, { path: answer.value.path, docId, dirty: true });
}

/** 机关 + 年度 + 年政府信息公开工作年度报告.drs, made safe and short enough as a file name the same way the export names are. */
export function defaultFileName(): string {
  const doc = documentStore.getSnapshot();
  return doc ? reportFileName(doc.template, doc.report, '.drs') : '';
}

/** Ctrl+S: saves where the report came from, or asks where (first save, Save As). */
export async function saveReport(feedback: Feedback, saveAs = false): Promise<boolean> {
  const doc = documentStore.flush();
  if (!doc) return false;
  const answer = await drs.saveReport({ docId: doc.docId, path: doc.path, saveAs, defaultName: defaultFileName(), report: doc.report });
  if (!answer.ok) {
    feedback.showError(answer.error.message);
    return false;
  }
  const result = answer.value;
  if (result.status === 'cancelled') return false;
  if (result.status === 'failed') {
    feedback.showError(result.reason);
    return false;
  }
  documentStore.markSaved(result.path, result.docId, doc.report, result.report);
  return true;
}

/** Writes unsaved work to the recovery area (every few seconds, and when the window loses focus). */
export async function autosave(): Promise<void> {
  const doc = documentStore.flush();
  if (!doc || !documentStore.needsRecovery()) return;
  const answer = await drs.writeRecovery({ docId: doc.docId, path: doc.path, report: doc.report });
  if (answer.ok) documentStore.markRecovered();
}

export async function setLocale(locale: Locale): Promise<void> {
  await drs.updateSettings({ locale });
  documentStore.setLocale(locale);
}
