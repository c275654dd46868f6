import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveComputedCells, parseReport, plainBlocksToLexical, type CellValue, type PlainBlock, type Report, type Template } from '../src-core/index.js';
import { loadTemplateLibrary } from '../src-main/services/TemplateLibrary.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const TEMPLATES_DIR = `${ROOT}templates`;
/** The project's shared domain folder (spec, reference reports), beside the repository as CI lays it. */
export const SHARED_DIR = fileURLToPath(new URL('../../shared', import.meta.url));
export const templates = loadTemplateLibrary(TEMPLATES_DIR);

/** Report files no reader may use, made in `dir`: a link to /dev/zero, a folder, and a file of 21 MiB (the limit is 20). */
export function unusableReportFiles(dir: string): { zero: string; folder: string; big: string } {
  const zero = join(dir, 'zero.drs');
  symlinkSync('/dev/zero', zero);
  const folder = join(dir, 'folder.drs');
  mkdirSync(folder);
  const big = join(dir, 'big.drs');
  writeFileSync(big, Buffer.alloc(21 * 1024 * 1024, 0x20));
  return { zero, folder, big };
}

export const SAMPLE_FILES: Record<string, string> = {
  'gov-2021': `${TEMPLATES_DIR}/samples/gov-2021-qingchuan-psb-2025.drs`,
  'gov-2019': `${TEMPLATES_DIR}/samples/gov-2019-chengguan-justice-2020.drs`,
  'gov-2008': `${TEMPLATES_DIR}/samples/gov-2008-qinghe-transport-2015.drs`,
};

export function template(id: string): Template {
  const t = templates.get(id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
}

/** A fresh, independent copy of a sample report (the tests mutate it). */
export function sample(templateId: string): Report {
  const file = SAMPLE_FILES[templateId];
  if (!file) throw new Error(`no sample for ${templateId}`);
  const result = parseReport(readFileSync(file, 'utf8'), templates);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return structuredClone(result.report);
}

export function setCell(report: Report, tableId: string, rowId: string, colId: string, value: CellValue): void {
  const table = (report.tables[tableId] ??= {});
  (table[rowId] ??= {})[colId] = value;
}

export function getCell(report: Report, tableId: string, rowId: string, colId: string): CellValue | undefined {
  return report.tables[tableId]?.[rowId]?.[colId];
}

export function addToCell(report: Report, tableId: string, rowId: string, colId: string, delta: number): void {
  const value = getCell(report, tableId, rowId, colId);
  if (typeof value !== 'number') throw new Error(`${tableId} ${rowId}[${colId}] is not a count`);
  setCell(report, tableId, rowId, colId, value + delta);
}

/** Recomputes the totals, as the editor does after each edit. */
export function derive(report: Report): Report {
  report.tables = deriveComputedCells(template(report.templateId), report.tables);
  return report;
}

export function setText(report: Report, sectionId: string, blocks: PlainBlock[]): void {
  report.sections[sectionId] = plainBlocksToLexical(blocks);
}
