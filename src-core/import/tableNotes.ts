import { unitNote } from '../document/tableLayout.js';
import type { TableModel } from '../template/tableModel.js';
import { labelKey } from './normalizeText.js';

/** The unit a table note records for one cell (注：政府集中采购采购总金额单位为万元。). */
export interface UnitNote {
  tableId: string;
  rowId: string;
  colId: string;
  unit: string;
}

/**
 * Whether a paragraph is a table's unit note, as the export prints it under the table for a column
 * whose unit the format leaves open (one of the column's unit choices), with or without the row's
 * name. Compared as label keys: spaces, line breaks and punctuation do not matter.
 */
export function readUnitNote(text: string, models: readonly TableModel[]): UnitNote | undefined {
  const key = labelKey(text);
  if (key === '' || [...key].length > 60) return undefined;
  for (const model of models) {
    for (const block of model.def.blocks) {
      for (const column of block.columns) {
        for (const unit of column.unitChoices ?? []) {
          const rows = block.rows.filter((r) => r.kind !== 'group');
          for (const row of rows) {
            const printed = unitNote(model, row.id, column.id, unit) ?? '';
            // Without the row's name the note is only clear when the column has one row.
            const withoutRow = rows.length === 1 ? labelKey(`注${column.label}单位为${unit}`) : undefined;
            if (labelKey(printed) === key || withoutRow === key) return { tableId: model.def.id, rowId: row.id, colId: column.id, unit };
          }
        }
      }
    }
  }
  return undefined;
}

/** Whether a paragraph is the caption of one of the tables ("主动公开政府信息情况", "表三 收到和处理…"), which the format prints. */
export function isTableCaption(text: string, models: readonly TableModel[]): boolean {
  const key = labelKey(text.replace(/^\s*表\s*[一二三四五六七八九十\d]{1,2}\s*[：:.．、]?/, ''));
  return key !== '' && models.some((model) => labelKey(model.def.title) === key);
}
