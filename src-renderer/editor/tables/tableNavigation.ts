import type { TableModel } from '../../../src-core/index.js';

export interface CellAt {
  rowId: string;
  colId: string;
}

/** Spreadsheet movement over a table's value cells: lines in order, columns left to right. */
export class TableNavigation {
  /** Each value line with its data cells in column order. */
  readonly lines: { rowId: string; cells: { colId: string; input: boolean }[] }[];

  constructor(model: TableModel) {
    this.lines = model.lines.map((line) => ({
      rowId: line.row.id,
      cells: line.block.columns.filter((c) => c.kind === 'input' || c.kind === 'computed').map((c) => ({ colId: c.id, input: model.cell(line.row.id, c.id)?.kind === 'input' })),
    }));
  }

  private position(at: CellAt): { line: number; cell: number } {
    const line = this.lines.findIndex((l) => l.rowId === at.rowId);
    return { line, cell: this.lines[line]?.cells.findIndex((c) => c.colId === at.colId) ?? -1 };
  }

  /** Up or down to the same column, or the nearest one where the next line has fewer columns. */
  vertical(at: CellAt, step: 1 | -1): CellAt | undefined {
    const { line, cell } = this.position(at);
    const next = this.lines[line + step];
    if (!next) return undefined;
    const same = next.cells.find((c) => c.colId === at.colId) ?? next.cells[Math.min(cell, next.cells.length - 1)];
    return same && { rowId: next.rowId, colId: same.colId };
  }

  horizontal(at: CellAt, step: 1 | -1): CellAt | undefined {
    const { line, cell } = this.position(at);
    const target = this.lines[line]?.cells[cell + step];
    return target && { rowId: at.rowId, colId: target.colId };
  }

  /** Tab: the next cell one can type in, in reading order (totals are skipped). */
  nextInput(at: CellAt, step: 1 | -1): CellAt | undefined {
    const flat = this.lines.flatMap((l) => l.cells.filter((c) => c.input).map((c) => ({ rowId: l.rowId, colId: c.colId })));
    const index = flat.findIndex((c) => c.rowId === at.rowId && c.colId === at.colId);
    if (index < 0) {
      const { line } = this.position(at);
      return flat.find((c) => this.position(c).line > line);
    }
    return flat[index + step];
  }
}
