import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseReport, type Localized, type PriorSource, type Report, type Template } from '../../src-core/index.js';
import { importFile } from '../import/importFile.js';

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
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, message: { 'zh-CN': `无法读取上年报告“${fileName}”（${code}）。`, en: `Cannot read last year's report "${fileName}" (${code}).` } };
  }
  const parsed = parseReport(text, templates);
  if (!parsed.ok) return { ok: false, message: { 'zh-CN': `上年报告“${fileName}”无法打开：${parsed.error.message['zh-CN']}`, en: `Last year's report "${fileName}" cannot be opened: ${parsed.error.message.en}` } };
  return { ok: true, report: parsed.report, template: parsed.template, source: { fileName, kind: 'drs' } };
}
