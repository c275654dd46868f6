import type { Localized } from '../../src-core/index.js';
import { writeFileAtomic } from '../services/atomicWrite.js';
import { reviewDate, reviewText, signatureCell, type ReviewTextKey } from './reviewHtml.js';
import type { ReviewSummary } from './reviewSummary.js';

/**
 * The part of exceljs 4.4 (https://github.com/exceljs/exceljs) the workbook is written with.
 * Declared here so the program type-checks and runs without it: the package is loaded on demand.
 */
interface ExcelCellStyle {
  font?: { bold?: boolean; color?: { argb: string } };
  alignment?: { wrapText?: boolean; vertical?: 'top' | 'middle' };
}
interface ExcelRow extends ExcelCellStyle {
  eachCell(callback: (cell: ExcelCellStyle) => void): void;
}
interface ExcelWorksheet {
  columns: { header: string; key: string; width: number }[];
  autoFilter: string | { from: string; to: string };
  addRow(values: Record<string, string | number | null>): ExcelRow;
  getRow(index: number): ExcelRow;
}
interface ExcelWorkbook {
  creator: string;
  created: Date;
  title: string;
  addWorksheet(name: string, options?: { views?: { state: 'frozen'; ySplit: number }[] }): ExcelWorksheet;
  xlsx: { writeBuffer(): Promise<ArrayBuffer> };
}
interface ExcelJsModule {
  Workbook: new () => ExcelWorkbook;
}

/** The npm package the lead adds to write workbooks (npm install exceljs@4.4.0). */
export const XLSX_PACKAGE = 'exceljs';

export const XLSX_MISSING: Localized = {
  'zh-CN': `导出 Excel 需要 ${XLSX_PACKAGE} 组件，本安装中没有。请改用“导出 HTML”，或安装完整版本后再试。`,
  en: `Writing Excel needs the ${XLSX_PACKAGE} package, which this installation lacks. Export HTML instead, or install the full version.`,
};

/** exceljs, or null when it is not installed. */
export async function loadExcelJs(): Promise<ExcelJsModule | null> {
  // A computed name: the program builds and type-checks whether or not the package is there.
  const name: string = XLSX_PACKAGE;
  try {
    const loaded = (await import(name)) as { default?: ExcelJsModule } & Partial<ExcelJsModule>;
    return loaded.default ?? (loaded.Workbook ? (loaded as ExcelJsModule) : null);
  } catch {
    return null;
  }
}

/** Column letter of a 1-based column index (up to 26 columns). */
const column = (n: number) => String.fromCharCode(64 + n);

/**
 * The review as a workbook for the office's own tracking: 汇总 (one row per report), 问题清单
 * (every finding, one row each, with its report), 无法读取 (files that could not be read).
 * Header rows are frozen and filterable. Written atomically; refused with a message when exceljs is absent.
 */
export async function writeReviewXlsx(summary: ReviewSummary, path: string): Promise<{ ok: true } | { ok: false; message: Localized }> {
  const ExcelJS = await loadExcelJs();
  if (!ExcelJS) return { ok: false, message: XLSX_MISSING };
  const { locale } = summary;
  const t = (key: ReviewTextKey) => reviewText(key, locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '公开年报工作台';
  workbook.created = new Date(summary.reviewedAt);
  workbook.title = `${t('title')} ${reviewDate(summary.reviewedAt, locale)}`;

  const sheet = (name: string, columns: [ReviewTextKey, string, number][]) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map(([header, key, width]) => ({ header: t(header), key, width }));
    ws.getRow(1).font = { bold: true };
    ws.autoFilter = { from: 'A1', to: `${column(columns.length)}1` };
    return ws;
  };
  const wrapped = (row: ExcelRow) => row.eachCell((cell) => (cell.alignment = { wrapText: true, vertical: 'top' }));

  const en = locale === 'en';
  const summarySheet = sheet(en ? 'Summary' : '汇总', [
    ['number', 'n', 6], ['file', 'file', 28], ['org', 'org', 26], ['year', 'year', 8], ['format', 'format', 8], ['template', 'template', 24],
    ['signature', 'signature', 26], ['errors', 'errors', 8], ['warnings', 'warnings', 8], ['mainFindings', 'top', 80],
  ]);
  summary.reports.forEach((r, i) =>
    wrapped(
      summarySheet.addRow({
        n: i + 1, file: r.fileName, org: r.orgName, year: r.year, format: r.format, template: r.templateName,
        signature: signatureCell(r, locale), errors: r.errors, warnings: r.warnings, top: r.topFindings.join('\n'),
      }),
    ),
  );

  const findingSheet = sheet(en ? 'Findings' : '问题清单', [
    ['file', 'file', 28], ['org', 'org', 24], ['year', 'year', 8], ['rule', 'rule', 8], ['severity', 'severity', 8],
    ['place', 'place', 30], ['finding', 'message', 70], ['expected', 'expected', 12], ['actual', 'actual', 12],
  ]);
  for (const r of summary.reports) {
    for (const f of r.findings) {
      wrapped(
        findingSheet.addRow({
          file: r.fileName, org: r.orgName, year: r.year, rule: f.ruleId, severity: t(f.severity), place: f.place,
          message: f.quote ? `${f.message}\n「${f.quote}」` : f.message, expected: f.expected, actual: f.actual,
        }),
      );
    }
  }

  if (summary.unreadable.length > 0) {
    const unreadableSheet = sheet(en ? 'Unreadable' : '无法读取', [['file', 'file', 36], ['reason', 'reason', 100]]);
    for (const u of summary.unreadable) wrapped(unreadableSheet.addRow({ file: u.fileName, reason: u.message }));
  }

  await writeFileAtomic(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return { ok: true };
}
