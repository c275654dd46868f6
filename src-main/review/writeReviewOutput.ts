import { basename } from 'node:path';
import type { Localized } from '../../src-core/index.js';
import { writeFileAtomic } from '../services/atomicWrite.js';
import { renderReviewHtml } from './reviewHtml.js';
import type { ReviewSummary } from './reviewSummary.js';
import { writeReviewXlsx } from './reviewXlsx.js';

export type ReviewOutputFormat = 'html' | 'xlsx';

/** Writes the review as an HTML page or an Excel workbook — the same file from the CLI and the app. Never throws. */
export async function writeReviewOutput(summary: ReviewSummary, format: ReviewOutputFormat, path: string): Promise<{ ok: true } | { ok: false; message: Localized }> {
  try {
    if (format === 'xlsx') return await writeReviewXlsx(summary, path);
    await writeFileAtomic(path, renderReviewHtml(summary));
    return { ok: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    return {
      ok: false,
      message: { 'zh-CN': `无法写入“${basename(path)}”（${code}）。请确认文件夹存在且可写，文件未被其他程序打开。`, en: `Cannot write "${basename(path)}" (${code}). Check that the folder exists and is writable and that the file is not open in another program.` },
    };
  }
}
