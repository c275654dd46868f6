import { parseCell, storedValue, type CellValue } from '../report/cellValue.js';
import type { TableValues } from '../report/reportSchema.js';
import type { Template } from '../template/loadTemplate.js';
import type { TableModel } from '../template/tableModel.js';

/**
 * Fills the computed cells (总计 column, （七）总计 row, review totals, 2008 totals) from the
 * input cells. A total of only empty cells stays empty; a total over an invalid entry stays
 * empty too, since the value rule already points at the entry to fix. Returns new objects.
 */
export function deriveComputedCells(template: Template, tables: TableValues): TableValues {
  const result: TableValues = { ...tables };
  for (const model of template.tableModels.values()) {
    if (!tables[model.def.id]) continue;
    result[model.def.id] = deriveTableCells(model, tables[model.def.id] ?? {});
  }
  return result;
}

type Rows = Record<string, Record<string, CellValue>>;

/** One table's values with its computed cells filled in (a new object). */
export function deriveTableCells(model: TableModel, input: Rows): Rows {
  const rows: Rows = Object.fromEntries(Object.entries(input).map(([id, cells]) => [id, { ...cells }]));
  const read = (rowId: string, colId: string): bigint | null | undefined => {
    const cell = model.cell(rowId, colId);
    if (!cell) return undefined;
    const parsed = parseCell(rows[rowId]?.[colId], cell.valueType, cell.notApplicable);
    if (parsed.state === 'invalid') return undefined;
    return parsed.state === 'empty' ? null : parsed.scaled;
  };
  const write = (rowId: string, colId: string, addends: (bigint | null | undefined)[]): void => {
    const cell = model.cell(rowId, colId);
    if (!cell) return;
    const row = (rows[rowId] ??= {});
    if (addends.includes(undefined) || addends.every((v) => v === null)) row[colId] = null;
    else row[colId] = storedValue(addends.reduce<bigint>((sum, v) => sum + (v ?? 0n), 0n), cell.valueType);
  };
  for (const block of model.def.blocks) {
    const computedCols = block.columns.filter((c) => c.kind === 'computed');
    for (const row of block.rows) {
      if (row.kind !== 'input') continue;
      for (const col of computedCols) write(row.id, col.id, (col.sum ?? []).map((id) => read(row.id, id)));
    }
    for (const row of block.rows) {
      if (row.kind !== 'computed') continue;
      const sources = (row.sum ?? []).flatMap((id) => (model.groupItems(id).length > 0 ? model.groupItems(id) : [id]));
      for (const col of block.columns) {
        if (col.kind === 'input' || col.kind === 'computed') write(row.id, col.id, sources.map((id) => read(id, col.id)));
      }
    }
  }
  return rows;
}
