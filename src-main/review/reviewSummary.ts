import { z } from 'zod';

/**
 * What a review of published reports hands back — to the CLI, the HTML/XLSX writers and, through
 * IPC, the page. One schema, so the IPC contract validates exactly what the writers read.
 * Every message is in the summary's `locale`.
 */
const value = z.union([z.number(), z.string(), z.null()]);

export const reviewFindingSchema = z.strictObject({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning']),
  /** The place in words: section, table · row · column, or the report fact. */
  place: z.string(),
  /** The sentence a narrative finding is about, as the report states it. */
  quote: z.string().nullable(),
  expected: value,
  actual: value,
  message: z.string(),
});

export const reviewedReportSchema = z.strictObject({
  file: z.string(),
  fileName: z.string(),
  /** The file's kind as read: drs, docx, doc, wps, html, pdf, txt, md … */
  format: z.string(),
  templateId: z.string(),
  templateName: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  /** 成文日期 against the statutory deadline (N-09): `problem` is the N-09 finding's message. */
  signature: z.strictObject({ date: z.string().nullable(), deadline: z.string().nullable(), problem: z.string().nullable() }),
  errors: z.number().int().min(0),
  warnings: z.number().int().min(0),
  /** The first few findings, errors first, for the summary row. */
  topFindings: z.array(z.string()),
  findings: z.array(reviewFindingSchema),
});

export const unreadableFileSchema = z.strictObject({ file: z.string(), fileName: z.string(), message: z.string() });

export const reviewSummarySchema = z.strictObject({
  reviewedAt: z.string(),
  locale: z.enum(['zh-CN', 'en']),
  /** The files and folders the user named. */
  inputs: z.array(z.string()),
  reports: z.array(reviewedReportSchema),
  unreadable: z.array(unreadableFileSchema),
  /** Files found but not reviewed: past the file limit, or left when the review was cancelled. */
  notReviewed: z.number().int().min(0),
  /** Why files were left out, in words. */
  notices: z.array(z.string()),
  cancelled: z.boolean(),
});

export type ReviewFinding = z.infer<typeof reviewFindingSchema>;
export type ReviewedReport = z.infer<typeof reviewedReportSchema>;
export type UnreadableFile = z.infer<typeof unreadableFileSchema>;
export type ReviewSummary = z.infer<typeof reviewSummarySchema>;

/** Exit status of a review: 0 every file read and no errors, 1 some report has errors, 2 some file could not be read or was left out. */
export function reviewExitCode(summary: ReviewSummary): 0 | 1 | 2 {
  if (summary.unreadable.length > 0 || summary.notReviewed > 0 || summary.cancelled) return 2;
  return summary.reports.some((r) => r.errors > 0) ? 1 : 0;
}
