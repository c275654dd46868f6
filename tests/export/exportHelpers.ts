import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocBlock, DocumentModel, Report } from '../../src-core/index.js';
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

/** The model with `extra` one-line paragraphs before its first table's introduction, so the table starts lower each time. */
export function shiftedTables(base: DocumentModel, extra: number): DocumentModel {
  const at = base.blocks.findIndex((b) => b.kind === 'table');
  const line: DocBlock = { kind: 'paragraph', runs: [{ text: '一行。' }] };
  return { ...base, blocks: [...base.blocks.slice(0, at - 1), ...Array.from({ length: extra }, () => line), ...base.blocks.slice(at - 1)] };
}
