import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportBoth } from '../export/exportHelpers.js';
import { SAMPLE_FILES, SHARED_DIR, sample } from '../helpers.js';

export const PUBLISHED = join(SHARED_DIR, 'reference-reports', 'published');

/** A 1×1 PNG: an image someone saved into the reports folder. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export const JUNK = ['empty.txt', 'image.png', 'note.txt', 'random.bin'];

/**
 * A review office's folder as it is found: the samples' .drs, our own DOCX and PDF exports of the
 * 2021 sample, published reports with known faults (洪泽 2023: R-01/R-03; 洪泽 2024: N-02), junk,
 * a hidden file and a subfolder (neither reviewed).
 */
export async function mixedReviewFolder(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'drs-review-'));
  for (const file of Object.values(SAMPLE_FILES)) copyFileSync(file, join(dir, file.split('/').pop()!));
  const exported = await exportBoth(sample('gov-2021'), { name: 'qingchuan-export' });
  copyFileSync(exported.docxPath, join(dir, 'qingchuan-export.docx'));
  copyFileSync(exported.pdfPath, join(dir, 'qingchuan-export.pdf'));
  for (const name of ['hongze-gov-2023.pdf', 'hongze-gov-2023.txt', 'hongze-gov-2024.pdf']) copyFileSync(join(PUBLISHED, name), join(dir, name));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'image.png'), PNG);
  writeFileSync(join(dir, 'note.txt'), '会议通知：请各科室于周五下午三点到三楼会议室开会，讨论办公用品采购事宜。\n');
  // Fixed bytes, with NULs and control characters: no text decoder mistakes them for a report.
  writeFileSync(join(dir, 'random.bin'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
  copyFileSync(SAMPLE_FILES['gov-2021']!, join(dir, '.hidden.drs'));
  copyFileSync(SAMPLE_FILES['gov-2021']!, join(dir, '~$draft.drs'));
  mkdirSync(join(dir, 'old'));
  copyFileSync(SAMPLE_FILES['gov-2019']!, join(dir, 'old', 'old.drs'));
  return dir;
}

/** The files of mixedReviewFolder a review reads as reports. */
export const REPORTS_IN_FOLDER = 8;
