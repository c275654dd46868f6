import { basename, extname } from 'node:path';
import { type Localized, type PriorSource, type Report, type Template } from '../../src-core/index.js';
import { importFile } from '../import/importFile.js';
import { readReportFile } from '../services/readReportFile.js';

export type LastYearRead = { ok: true; report: Report; template: Template; source: PriorSource } | { ok: false; message: Localized };

/**
 * Last year's report from a file: a .drs report, or any document Import reads (.docx, .doc, .html,
 * .pdf, .txt, .md). Never changes the file.
 */
export async function readLastYear(path: string, templates: ReadonlyMap<string, Template>): Promise<LastYearRead> {
  const fileName = basename(path);
  if (extname(path).toLowerCase() !== '.drs') {
    const imported = await importFile(path, templates);
    if (!imported.ok) return { ok: false, message: imported.message };
    const template = templates.get(imported.report.templateId);
    if (!template) return { ok: false, message: { 'zh-CN': `未知的报告格式“${imported.report.templateId}”。`, en: `Unknown report format "${imported.report.templateId}".` } };
    return { ok: true, report: imported.report, template, source: { fileName, kind: 'import' } };
  }
  const opened = await readReportFile(path, templates);
  return opened.ok ? { ...opened, source: { fileName, kind: 'drs' } } : opened;
}
