import { basename, extname } from 'node:path';
import { recognizeReport, sourceFromText, type ImportResult, type Localized, type SourceDocument, type Template } from '../../src-core/index.js';
import { readSourceFile } from './readSourceFile.js';
import { readTextSource } from './readTextSource.js';

export interface ImportOptions {
  /** Forces the format instead of recognising it (`drs import --template`). */
  templateId?: string;
  /** LibreOffice's `soffice`, to convert .doc/.wps: null when it is not to be used; looked up when absent. */
  soffice?: string | null;
  /** Called as the work moves on, for a progress display. */
  onProgress?: (stage: ImportStage) => void;
}

export type ImportStage = 'read' | 'recognize';

const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown']);

/**
 * The one import road, for the app, the CLI and review mode: file → text blocks and tables
 * (file readers, here) → the report model and its import report (recognition, in the core).
 * The source file is only ever read.
 */
export async function importFile(path: string, templates: ReadonlyMap<string, Template>, options: ImportOptions = {}): Promise<ImportResult> {
  if (options.templateId !== undefined && !templates.has(options.templateId)) {
    const known = [...templates.keys()].join('、');
    return { ok: false, message: { 'zh-CN': `未知的报告格式“${options.templateId}”（可用格式：${known}）。`, en: `Unknown report format "${options.templateId}" (known formats: ${known}).` } };
  }
  options.onProgress?.('read');
  const read = await readSource(path, options);
  if (!read.ok) return read;
  options.onProgress?.('recognize');
  return recognizeReport(read.source, templates, options.templateId ? { templateId: options.templateId } : {});
}

async function readSource(path: string, options: ImportOptions): Promise<{ ok: true; source: SourceDocument } | { ok: false; message: Localized }> {
  if (TEXT_EXTENSIONS.has(extname(path).toLowerCase())) {
    const text = await readTextSource(path);
    if (!text.ok) return text;
    const source = sourceFromText(text.text, basename(path));
    return { ok: true, source: text.note ? { ...source, notes: [text.note, ...source.notes] } : source };
  }
  return readSourceFile(path, options.soffice === undefined ? {} : { soffice: options.soffice });
}
