import { basename, extname } from 'node:path';
import { checkReport, type Locale, type Localized, type Template } from '../../src-core/index.js';
import { importFile } from '../import/importFile.js';
import { readReportFile, type ReportFileRead } from '../services/readReportFile.js';
import { expandReviewInputs, REVIEW_FILE_LIMIT } from './reviewInputs.js';
import { reviewedReport } from './reviewedReport.js';
import type { ReviewSummary, UnreadableFile } from './reviewSummary.js';

export interface ReviewProgress {
  /** Files finished so far. */
  done: number;
  total: number;
  /** The file now being read. */
  fileName: string;
}

export interface ReviewOptions {
  templates: ReadonlyMap<string, Template>;
  locale: Locale;
  /** Checked between files: a cancelled review returns what it has, with `cancelled` set. */
  signal?: AbortSignal;
  onProgress?: (progress: ReviewProgress) => void;
  limit?: number;
  /** LibreOffice for .doc/.wps, as importFile takes it (null: not used; absent: looked up). */
  soffice?: string | null;
  now?: Date;
}

const NOT_A_REPORT = (file: string): Localized => ({
  'zh-CN': `“${file}”看来不是政府信息公开工作年度报告：其中既没有报告格式规定的部分标题，也没有统计表。`,
  en: `"${file}" does not look like an annual report on government information disclosure: it has neither a section heading of the report format nor a statistical table.`,
});

/** Any other file goes the one import road (Word, web page, PDF, text), as 导入已有报告 reads it. */
async function importReportFile(path: string, options: ReviewOptions): Promise<ReportFileRead> {
  const imported = await importFile(path, options.templates, options.soffice === undefined ? {} : { soffice: options.soffice });
  if (!imported.ok) return imported;
  // Import takes any text as a start; a review only counts a file that reads as a report.
  const { cells, sections } = imported.importReport;
  if (cells.length === 0 && sections.every((s) => s.sourceHeading === null)) return { ok: false, message: NOT_A_REPORT(basename(path)) };
  const template = options.templates.get(imported.report.templateId);
  if (!template) return { ok: false, message: { 'zh-CN': `未知的报告格式“${imported.report.templateId}”。`, en: `Unknown report format "${imported.report.templateId}".` } };
  return { ok: true, report: imported.report, template };
}

async function openAny(path: string, options: ReviewOptions): Promise<ReportFileRead> {
  try {
    return extname(path).toLowerCase() === '.drs' ? await readReportFile(path, options.templates) : await importReportFile(path, options);
  } catch (error) {
    // One broken file never ends the review: it is listed with what went wrong.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: { 'zh-CN': `读取“${basename(path)}”时出错：${detail}`, en: `Reading "${basename(path)}" failed: ${detail}` } };
  }
}

const CANCELLED = (done: number, left: number): Localized => ({
  'zh-CN': `审查已取消：已审查 ${done} 个文件，其余 ${left} 个未审查。`,
  en: `The review was cancelled after ${done} file(s); ${left} file(s) were not reviewed.`,
});

/**
 * Review mode: every report in the given files and folders is read (a .drs as the app opens it,
 * anything else as Import reads it) and checked, one file after another. A file that cannot be
 * read is listed with its message; the files are only ever read.
 */
export async function reviewReports(inputs: readonly string[], options: ReviewOptions): Promise<ReviewSummary> {
  const { locale } = options;
  const found = await expandReviewInputs(inputs, locale, options.limit ?? REVIEW_FILE_LIMIT);
  const reports: ReviewSummary['reports'] = [];
  const unreadable: UnreadableFile[] = [...found.unreadable];
  const notices = [...found.notices];
  let notReviewed = found.notReviewed;
  let cancelled = false;
  for (const [index, file] of found.files.entries()) {
    if (options.signal?.aborted) {
      cancelled = true;
      notReviewed += found.files.length - index;
      notices.push(CANCELLED(index, found.files.length - index)[locale]);
      break;
    }
    options.onProgress?.({ done: index, total: found.files.length, fileName: basename(file) });
    const opened = await openAny(file, options);
    if (!opened.ok) {
      unreadable.push({ file, fileName: basename(file), message: opened.message[locale] });
      continue;
    }
    const findings = checkReport(opened.template, opened.report, { locale });
    reports.push(reviewedReport(file, opened.template, opened.report, findings, locale));
  }
  return { reviewedAt: (options.now ?? new Date()).toISOString(), locale, inputs: [...inputs], reports, unreadable, notReviewed, notices, cancelled };
}
