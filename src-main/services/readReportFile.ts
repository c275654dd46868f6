import { basename } from 'node:path';
import { parseReport, type Localized, type Report, type Template } from '../../src-core/index.js';
import { InputFileError, readInputText } from './readInputFile.js';

export type ReportFileRead = { ok: true; report: Report; template: Template } | { ok: false; message: Localized };

/**
 * A .drs file opened as the app opens one: bounded, strictly decoded read, then parseReport
 * (migrations, limits, structure). The message names the file. Never changes the file.
 */
export async function readReportFile(path: string, templates: ReadonlyMap<string, Template>): Promise<ReportFileRead> {
  let text: string;
  try {
    text = (await readInputText(path, 'report')).text;
  } catch (error) {
    if (error instanceof InputFileError) return { ok: false, message: error.reason };
    throw error;
  }
  const parsed = parseReport(text, templates);
  if (parsed.ok) return { ok: true, report: parsed.report, template: parsed.template };
  const { message } = parsed.error;
  return { ok: false, message: { 'zh-CN': `“${basename(path)}”无法作为报告打开。${message['zh-CN']}`, en: `"${basename(path)}" cannot be opened as a report. ${message.en}` } };
}
