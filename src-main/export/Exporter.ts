import {
  buildDocumentModel,
  checkReport,
  createReport,
  reportFileName,
  type Finding,
  type Locale,
  type Localized,
  type Report,
  type Template,
} from '../../src-core/index.js';
import { HARD_LINKED_FILE, READ_ONLY_FILE, writeFileAtomic } from '../services/atomicWrite.js';
import { describeWriteProblem } from '../services/saveErrors.js';
import { FontResolver, type FontPreferences } from './fonts/FontResolver.js';
import { renderHtml } from './html/renderHtml.js';

// The DOCX and PDF writers load with their libraries (docx; pdfkit and fontkit) when a format is first
// exported: a process that writes only one of them (the drs command) does not pay for the other.
const docxWriter = () => import('./docx/renderDocx.js');
const pdfWriter = async () => {
  const [{ renderPdf }, { FontSet }] = await Promise.all([import('./pdf/renderPdf.js'), import('./pdf/fontSet.js')]);
  return { renderPdf, FontSet };
};

export type ExportFormat = 'docx' | 'pdf' | 'html';

export interface ExportRequest {
  report: Report;
  template: Template;
  docxPath?: string;
  pdfPath?: string;
  /** The web page; its body alone (for a website's editor) is written next to it as `….body.html`. */
  htmlPath?: string;
  /** Write the PDF as PDF/A-2b, for archiving. */
  pdfArchival?: boolean;
  /** Export although the report has errors, marked 草稿 on every page. */
  draft: boolean;
  fonts?: FontPreferences;
  locale?: Locale;
  now?: Date;
  onProgress?: (progress: { stage: 'check' | 'docx' | 'pdf' | 'html' | 'write'; done: number; total: number }) => void;
}

export type ExportResult =
  | { status: 'blocked'; errors: Finding[]; warnings: Finding[] }
  | { status: 'exported'; draft: boolean; files: { format: ExportFormat; path: string }[]; errors: Finding[]; warnings: Finding[]; notes: Localized[] }
  | { status: 'failed'; reason: Localized; files: { format: ExportFormat; path: string }[] };

/** 机关全称 + 年度 + 年政府信息公开工作年度报告 + extension, shortened to fit a file name (see reportFileName). */
export function defaultExportName(template: Template, report: Report, format: ExportFormat): string {
  return reportFileName(template, report, `.${format}`);
}

/** 报告.html → 报告.body.html: the page's body alone, for pasting into a website's editor. */
export function htmlFragmentPath(htmlPath: string): string {
  return htmlPath.replace(/(\.html?)?$/i, '.body.html');
}

function writeFailure(error: unknown, path: string): Localized {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  if (code === READ_ONLY_FILE || code === HARD_LINKED_FILE) return describeWriteProblem(error, path);
  if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
    return { 'zh-CN': `无法写入“${path}”：文件可能正在 Word 或 WPS 中打开，或文件夹不可写。请关闭该文件或换一个位置后重试。`, en: `Cannot write "${path}": it may be open in Word or WPS, or the folder is read-only. Close it or choose another place.` };
  }
  if (code === 'ENOSPC') return { 'zh-CN': `磁盘空间已满，未能写入“${path}”。`, en: `The disk is full; "${path}" was not written.` };
  return { 'zh-CN': `未能写入“${path}”（${code}）。`, en: `"${path}" could not be written (${code}).` };
}

/** Lets other work (IPC, a click) run between the warm-up's steps. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The one-click export: checks the report, builds the document model once, and renders it to
 * DOCX and/or PDF. A report with errors exports only as a draft. The fonts are resolved and
 * parsed once per process and reused by every export.
 */
export class Exporter {
  constructor(readonly fonts: FontResolver = new FontResolver()) {}

  /**
   * Gets the first export as fast as later ones: resolves and parses the fonts, then lays out and
   * draws a tiny report once (in memory, nothing is written) so the layout code is compiled. Runs in
   * short steps that give way to other events between them; an export meanwhile simply does its own work.
   */
  async warmUp(template: Template, preferences?: FontPreferences): Promise<void> {
    this.fonts.prepareForPdf(preferences);
    const { renderPdf, FontSet } = await pdfWriter();
    await this.fonts.scanInstalled();
    await yieldToEvents();
    const fontSet = await FontSet.load(this.fonts.resolve(preferences), this.fonts);
    await yieldToEvents();
    const now = new Date();
    const report = createReport(template, { orgName: '示例机关', year: now.getFullYear() - 1, unitType: 'department', hasRulemakingPower: false }, now);
    const model = buildDocumentModel(template, report, { draft: true, now });
    await yieldToEvents();
    await renderPdf(model, fontSet);
  }

  async exportReport(request: ExportRequest): Promise<ExportResult> {
    const progress = request.onProgress ?? (() => undefined);
    const locale = request.locale ?? 'zh-CN';
    progress({ stage: 'check', done: 0, total: 1 });
    // The font files are read and parsed in the background while the report is checked and the writer loads.
    if (request.pdfPath) this.fonts.prepareForPdf(request.fonts);
    const findings = checkReport(request.template, request.report, { locale });
    const errors = findings.filter((f) => f.severity === 'error');
    const warnings = findings.filter((f) => f.severity === 'warning');
    if (errors.length > 0 && !request.draft) return { status: 'blocked', errors, warnings };
    const draft = errors.length > 0 || request.draft;
    const model = buildDocumentModel(request.template, request.report, { draft, now: request.now ?? new Date() });
    const notes: Localized[] = [];
    const outputs: { format: ExportFormat; path: string; data: Buffer }[] = [];

    // Resolving scans the installed fonts: only a PDF, or a user's font choice named in the DOCX, needs it.
    let resolved: ReturnType<FontResolver['resolve']> | undefined;
    const fonts = () => (resolved ??= this.fonts.resolve(request.fonts));
    const userChoices = Object.keys(request.fonts ?? {}).length > 0;
    if (request.docxPath) {
      progress({ stage: 'docx', done: 0, total: 1 });
      const { OFFICIAL_DOCX_FONTS, renderDocx } = await docxWriter();
      const names = { ...OFFICIAL_DOCX_FONTS };
      if (userChoices) {
        await this.fonts.scanInstalled();
        for (const [role, face] of Object.entries(fonts().faces)) if (face.source === 'user') names[role as keyof typeof names] = face.family;
      }
      outputs.push({ format: 'docx', path: request.docxPath, data: await renderDocx(model, names) });
      progress({ stage: 'docx', done: 1, total: 1 });
    }
    if (request.pdfPath) {
      const { renderPdf, FontSet } = await pdfWriter();
      await this.fonts.scanInstalled();
      const fontSet = await FontSet.load(fonts(), this.fonts);
      const data = await renderPdf(model, fontSet, (done, total) => progress({ stage: 'pdf', done, total }), { archival: request.pdfArchival === true });
      outputs.push({ format: 'pdf', path: request.pdfPath, data });
      notes.push(...fonts().substitutions);
      if (fontSet.missing.size > 0) {
        const chars = [...fontSet.missing].join(' ');
        notes.push({ 'zh-CN': `以下字符在所有可用字体中都没有字形，PDF 中已省略：${chars}`, en: `No available font has these characters; they were left out of the PDF: ${chars}` });
      }
    }
    if (request.htmlPath) {
      progress({ stage: 'html', done: 0, total: 1 });
      const html = renderHtml(model);
      outputs.push({ format: 'html', path: request.htmlPath, data: Buffer.from(html.page, 'utf8') });
      outputs.push({ format: 'html', path: htmlFragmentPath(request.htmlPath), data: Buffer.from(html.fragment, 'utf8') });
      progress({ stage: 'html', done: 1, total: 1 });
    }
    const written: { format: ExportFormat; path: string }[] = [];
    for (const [i, output] of outputs.entries()) {
      progress({ stage: 'write', done: i, total: outputs.length });
      try {
        await writeFileAtomic(output.path, output.data);
      } catch (error) {
        return { status: 'failed', reason: writeFailure(error, output.path), files: written };
      }
      written.push({ format: output.format, path: output.path });
    }
    progress({ stage: 'write', done: outputs.length, total: outputs.length });
    return { status: 'exported', draft, files: written, errors, warnings, notes };
  }
}
