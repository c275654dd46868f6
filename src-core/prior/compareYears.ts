import type { Finding } from '../checks/finding.js';
import { cellPlaceVars } from '../checks/messagePlaces.js';
import type { Localized, Locale } from '../i18n/locale.js';
import { formatScaled, parseCell } from '../report/cellValue.js';
import type { CellValue } from '../report/cellValue.js';
import type { PriorYear, Report } from '../report/reportSchema.js';
import type { Template } from '../template/loadTemplate.js';
import { priorCellOf } from './correspondence.js';

/** One cell of this year's table beside the same cell last year. */
export interface CellComparison {
  tableId: string;
  rowId: string;
  colId: string;
  /** As stored: a count, an amount text, "/" or empty. */
  current: CellValue;
  prior: CellValue | undefined;
  /** This year minus last year, signed ("+6", "-2", "0"), when both are numbers. */
  change: string | undefined;
  /** Why there is no prior value to compare with (another format, another meaning). */
  note: Localized | undefined;
}

function scaled(template: Template, tableId: string, rowId: string, colId: string, raw: CellValue | undefined): bigint | undefined {
  const cell = template.tableModels.get(tableId)?.cell(rowId, colId);
  if (!cell) return undefined;
  const parsed = parseCell(raw, cell.valueType, cell.notApplicable);
  return parsed.state === 'value' ? parsed.scaled : undefined;
}

function signed(value: bigint): string {
  return value > 0n ? `+${formatScaled(value)}` : formatScaled(value);
}

/** Every data cell of this year's tables with last year's value and the change (issue #13, 比较上年). */
export function compareCells(template: Template, report: Report, prior: PriorYear, priorTemplate: Template): CellComparison[] {
  const comparisons: CellComparison[] = [];
  for (const model of template.tableModels.values()) {
    if (!report.tables[model.def.id]) continue;
    for (const cell of model.cells) {
      const current = report.tables[model.def.id]?.[cell.rowId]?.[cell.colId] ?? null;
      const where = priorCellOf(template, priorTemplate, model.def.id, cell.rowId, cell.colId);
      if (!where.ok) {
        comparisons.push({ tableId: model.def.id, rowId: cell.rowId, colId: cell.colId, current, prior: undefined, change: undefined, note: where.note });
        continue;
      }
      const priorValue = prior.tables[where.prior.tableId]?.[where.prior.rowId]?.[where.prior.colId];
      const now = scaled(template, model.def.id, cell.rowId, cell.colId, current);
      const then = scaled(priorTemplate, where.prior.tableId, where.prior.rowId, where.prior.colId, priorValue);
      const change = now !== undefined && then !== undefined ? signed(now - then) : undefined;
      comparisons.push({ tableId: model.def.id, rowId: cell.rowId, colId: cell.colId, current, prior: priorValue ?? null, change, note: where.note });
    }
  }
  return comparisons;
}

/**
 * A cell named by its row and column; where the column label repeats in its block (表四's 总计 under
 * 行政复议 and twice under 行政诉讼), by every header above the column.
 */
export function comparedCellName(template: Template, c: Pick<CellComparison, 'tableId' | 'rowId' | 'colId'>, locale: Locale): string {
  const place = cellPlaceVars(template, c.tableId, c.rowId, c.colId, locale);
  const model = template.tableModels.get(c.tableId);
  const block = model?.blockOfRow(c.rowId);
  const label = place.col ?? c.colId;
  let column = label;
  if (model && block && block.columns.filter((col) => col.label === label).length > 1) {
    const gridCol = model.def.labelCols + block.columns.findIndex((col) => col.id === c.colId);
    column = block.header
      .filter((h) => h.col <= gridCol && gridCol < h.col + h.colspan)
      .sort((a, b) => a.row - b.row)
      .map((h) => h.text)
      .join(' · ');
  }
  const row = place.row && place.row !== c.rowId ? place.row : '';
  return row ? `${row} · ${column}` : column;
}

/** The comparison as text lines: every cell whose value changed, then the paragraphs found repeating last year's. */
export function describeComparison(template: Template, comparisons: readonly CellComparison[], repeated: readonly Finding[], locale: Locale): string[] {
  const en = locale === 'en';
  const lines: string[] = [];
  let table = '';
  for (const c of comparisons) {
    if (c.change === undefined || c.change === '0') continue;
    const place = cellPlaceVars(template, c.tableId, c.rowId, c.colId, locale);
    if (place.table !== table) {
      table = place.table ?? '';
      lines.push(`${place.section} · ${table}`);
    }
    lines.push(`  ${comparedCellName(template, c, locale)}: ${show(c.prior, en)} → ${show(c.current, en)} (${c.change})`);
  }
  if (lines.length === 0) lines.push(en ? 'No figure changed from last year.' : '与上年相比，所有数字均未变化。');
  lines.push(en ? `Paragraphs repeating last year's text: ${repeated.length}` : `与上年报告雷同的段落：${repeated.length} 段`);
  for (const f of repeated) lines.push(`  [${f.ruleId}] ${f.message}`);
  return lines;
}

function show(value: CellValue | undefined, en: boolean): string {
  if (value === undefined || value === null || value === '') return en ? '(empty)' : '（空）';
  return String(value);
}
