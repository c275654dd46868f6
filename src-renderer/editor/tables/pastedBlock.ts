import { parseCellInput, type CellValue, type Localized, type TableModel } from '../../../src-core/index.js';
import type { CellAt, TableNavigation } from './tableNavigation.js';

export type PasteResult =
  | { ok: true; updates: { rowId: string; colId: string; value: CellValue }[] }
  | { ok: false; problem: { kind: 'tooBig'; rows: number; cols: number; maxRows: number; maxCols: number } | { kind: 'invalid'; row: number; col: number; value: string; problem: Localized } };

/**
 * A block copied from Excel or WPS (rows of tab-separated values) placed from the selected cell
 * rightwards and downwards. All or nothing: a block that does not fit, or one bad value, refuses it whole.
 */
export function parsePastedBlock(text: string, model: TableModel, nav: TableNavigation, at: CellAt): PasteResult {
  const rows = text.replace(/\r/g, '').replace(/\n$/, '').split('\n').map((line) => line.split('\t'));
  const width = Math.max(...rows.map((r) => r.length));
  const area = nav.inputArea(at);
  const lines = area.lines.slice(0, rows.length);
  // The block must land on cells one can type in: not past the table's edge, not over a total.
  const typeable = (rowId: string) => area.columns.findIndex((colId) => model.cell(rowId, colId)?.kind !== 'input');
  const maxCols = Math.min(...lines.map((rowId) => (typeable(rowId) < 0 ? area.columns.length : typeable(rowId))));
  if (rows.length > area.lines.length || width > maxCols) return { ok: false, problem: { kind: 'tooBig', rows: rows.length, cols: width, maxRows: area.lines.length, maxCols } };
  const updates: { rowId: string; colId: string; value: CellValue }[] = [];
  for (const [r, row] of rows.entries()) {
    for (const [c, typed] of row.entries()) {
      const rowId = lines[r]!;
      const colId = area.columns[c]!;
      const parsed = parseCellInput(typed, model.cell(rowId, colId)!);
      if (!parsed.ok) return { ok: false, problem: { kind: 'invalid', row: r + 1, col: c + 1, value: typed, problem: parsed.problem } };
      updates.push({ rowId, colId, value: parsed.value });
    }
  }
  return { ok: true, updates };
}
