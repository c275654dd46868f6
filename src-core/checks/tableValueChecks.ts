import { CELL_PROBLEMS } from '../i18n/coreMessages.js';
import { localize, type Locale } from '../i18n/locale.js';
import type { RuleDef } from '../template/templateSchema.js';
import type { Template } from '../template/loadTemplate.js';
import type { Finding } from './finding.js';
import { cellPlaceVars } from './messagePlaces.js';
import type { ReportCells } from './reportCells.js';

type Rule<K extends RuleDef['kind']> = Extract<RuleDef, { kind: K }>;

/** A finding at one cell, its message filled with the cell's place in words and any extra values. */
export function cellFinding(
  rule: RuleDef,
  template: Template,
  cell: { tableId: string; rowId: string; colId: string },
  locale: Locale,
  actual: Finding['actual'] = null,
  values: Record<string, string | number> = {},
): Finding {
  return {
    ruleId: rule.id,
    severity: rule.severity,
    location: { tableId: cell.tableId, rowId: cell.rowId, colId: cell.colId },
    expected: null,
    actual,
    message: localize(rule.message, locale, { ...cellPlaceVars(template, cell.tableId, cell.rowId, cell.colId, locale), ...values }),
  };
}

/** V-01/V-02/V-03: every cell of the rule's value type holds a value of that type. */
export function checkCellValues(rule: Rule<'cellValue'>, template: Template, cells: ReportCells, locale: Locale, out: Finding[]): void {
  for (const model of template.tableModels.values()) {
    const stored = cells.report.tables[model.def.id] ?? {};
    for (const cell of model.cells) {
      if (cell.valueType !== rule.valueType) continue;
      const parsed = cells.parsedCell(model.def.id, cell.rowId, cell.colId);
      if (parsed?.state !== 'invalid') continue;
      const raw = stored[cell.rowId]?.[cell.colId];
      const problem = localize(CELL_PROBLEMS[parsed.problem], locale, { value: String(raw) });
      out.push(cellFinding(rule, template, cell, locale, raw ?? null, { problem }));
    }
  }
}

/** C-05: a mandatory table that the file lacks altogether (a new report has every one, empty). */
export function checkRequiredTables(rule: Rule<'requiredTables'>, template: Template, cells: ReportCells, locale: Locale, out: Finding[]): void {
  for (const model of template.tableModels.values()) {
    const [first] = model.cells;
    if (model.def.optional || cells.report.tables[model.def.id] || !first) continue;
    out.push(cellFinding(rule, template, first, locale));
  }
}

/** V-04: input cells left empty, one finding per table (at its first empty cell) so a new report is not buried in them. */
export function checkEmptyCells(rule: Rule<'emptyCells'>, template: Template, cells: ReportCells, locale: Locale, out: Finding[]): void {
  for (const model of template.tableModels.values()) {
    if (model.def.optional && !cells.report.tables[model.def.id]) continue;
    const empty = model.cells.filter(
      (cell) => cell.kind === 'input' && !model.column(cell.rowId, cell.colId)?.optional && cells.parsedCell(model.def.id, cell.rowId, cell.colId)?.state === 'empty',
    );
    const [first] = empty;
    if (!first) continue;
    out.push(cellFinding(rule, template, first, locale, null, { count: empty.length }));
  }
}

/** V-07: cells the format leaves blank must stay empty. */
export function checkBlankCells(rule: Rule<'blankCells'>, template: Template, cells: ReportCells, locale: Locale, out: Finding[]): void {
  for (const model of template.tableModels.values()) {
    const stored = cells.report.tables[model.def.id] ?? {};
    for (const block of model.def.blocks) {
      for (const col of block.columns.filter((c) => c.kind === 'blank')) {
        for (const row of block.rows) {
          const raw = stored[row.id]?.[col.id];
          if (raw === undefined || raw === null) continue;
          out.push(cellFinding(rule, template, { tableId: model.def.id, rowId: row.id, colId: col.id }, locale, raw, { value: String(raw) }));
        }
      }
    }
  }
}

/** V-06: an amount whose unit the format does not print must have its unit recorded. */
export function checkUnitRecorded(rule: Rule<'unitRecorded'>, template: Template, cells: ReportCells, locale: Locale, out: Finding[]): void {
  if (cells.report.cellUnits?.[rule.table]?.[rule.row]?.[rule.col]) return;
  out.push(cellFinding(rule, template, { tableId: rule.table, rowId: rule.row, colId: rule.col }, locale));
}
