import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../../src-core/index.js';
import { Exporter, type ExportResult } from '../../src-main/export/Exporter.js';
import { ROOT, template } from '../helpers.js';

/** One exporter for the whole test file, as in the app: fonts are parsed once per process. */
export const exporter = new Exporter();
export const ARTIFACTS = join(ROOT, 'test-results');
mkdirSync(ARTIFACTS, { recursive: true });

export async function exportBoth(report: Report, options: { draft?: boolean; name?: string } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'drs-export-'));
  const name = options.name ?? 'report';
  const docxPath = join(dir, `${name}.docx`);
  const pdfPath = join(dir, `${name}.pdf`);
  const result: ExportResult = await exporter.exportReport({ report, template: template(report.templateId), docxPath, pdfPath, draft: options.draft ?? false, now: new Date('2026-01-20T09:00:00+08:00') });
  return { result, docxPath, pdfPath, dir };
}
