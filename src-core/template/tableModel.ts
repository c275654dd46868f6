import type { BlockDef, ColumnDef, RowDef, TableDef, ValueType } from './templateSchema.js';

export type DataCellKind = 'input' | 'computed';

/** One cell that holds a number in the report file (blank and unit cells hold none). */
export interface DataCell {
  tableId: string;
  rowId: string;
  colId: string;
  kind: DataCellKind;
  valueType: ValueType;
  /** "/" (not applicable) may be entered here. */
  notApplicable: boolean;
}

/** A grid line of the printed table: a non-group row together with the labels it carries. */
export interface GridLine {
  row: RowDef;
  block: BlockDef;
  /** Label cells starting on this line, including group labels whose items begin here. */
  labels: { text: string; col: number; colspan: number; rowspan: number }[];
}

/**
 * The derived view of one table definition: which cells hold data, how rows nest and how
 * many lines each group label spans. Built once per template and shared by checks, editor and export.
 */
export class TableModel {
  readonly def: TableDef;
  readonly cells: DataCell[] = [];
  readonly lines: GridLine[] = [];
  private readonly rowsById = new Map<string, { row: RowDef; block: BlockDef }>();
  private readonly cellsByKey = new Map<string, DataCell>();
  private readonly itemsByGroup = new Map<string, string[]>();

  constructor(def: TableDef) {
    this.def = def;
    for (const block of def.blocks) {
      for (const row of block.rows) this.rowsById.set(row.id, { row, block });
    }
    for (const block of def.blocks) {
      for (const row of block.rows) {
        if (row.kind === 'group') continue;
        for (const col of block.columns) {
          if (col.kind !== 'input' && col.kind !== 'computed') continue;
          const cell: DataCell = {
            tableId: def.id,
            rowId: row.id,
            colId: col.id,
            kind: row.kind === 'computed' || col.kind === 'computed' ? 'computed' : 'input',
            valueType: col.valueType ?? row.valueType ?? block.valueType ?? 'count',
            notApplicable: row.notApplicable === true,
          };
          this.cells.push(cell);
          this.cellsByKey.set(cellKey(row.id, col.id), cell);
        }
      }
    }
    for (const [rowId] of this.rowsById) {
      if (this.rowsById.get(rowId)?.row.kind === 'group') this.itemsByGroup.set(rowId, this.collectItems(rowId));
    }
    this.buildLines();
  }

  cell(rowId: string, colId: string): DataCell | undefined {
    return this.cellsByKey.get(cellKey(rowId, colId));
  }

  row(rowId: string): RowDef | undefined {
    return this.rowsById.get(rowId)?.row;
  }

  blockOfRow(rowId: string): BlockDef | undefined {
    return this.rowsById.get(rowId)?.block;
  }

  column(rowId: string, colId: string): ColumnDef | undefined {
    return this.blockOfRow(rowId)?.columns.find((c) => c.id === colId);
  }

  /** The value rows a group label stands for (its items, recursively); empty for other rows. */
  groupItems(rowId: string): readonly string[] {
    return this.itemsByGroup.get(rowId) ?? [];
  }

  /** The cells a computed cell adds up (a computed row's items in its column, a computed column's cells in its row). */
  sourcesOf(rowId: string, colId: string): { rowId: string; colId: string }[] {
    const row = this.row(rowId);
    const column = this.column(rowId, colId);
    if (row?.kind === 'computed') {
      return (row.sum ?? []).flatMap((id) => (this.groupItems(id).length > 0 ? this.groupItems(id) : [id])).map((r) => ({ rowId: r, colId }));
    }
    if (column?.kind === 'computed') return (column.sum ?? []).map((c) => ({ rowId, colId: c }));
    return [];
  }

  /** Columns holding data in every block (the table's column ids in grid order, without duplicates). */
  dataColumnIds(kinds: readonly DataCellKind[] = ['input', 'computed']): string[] {
    const ids: string[] = [];
    for (const block of this.def.blocks) {
      for (const col of block.columns) {
        if ((kinds as readonly string[]).includes(col.kind) && !ids.includes(col.id)) ids.push(col.id);
      }
    }
    return ids;
  }

  valueRowIds(): string[] {
    return this.def.blocks.flatMap((b) => b.rows.filter((r) => r.kind !== 'group').map((r) => r.id));
  }

  private collectItems(groupId: string): string[] {
    const items: string[] = [];
    for (const block of this.def.blocks) {
      for (const row of block.rows) {
        if (row.parent !== groupId) continue;
        if (row.kind === 'group') items.push(...this.collectItems(row.id));
        else if (row.kind === 'input') items.push(row.id);
      }
    }
    return items;
  }

  private buildLines(): void {
    for (const block of this.def.blocks) {
      const pendingGroups: RowDef[] = [];
      for (const row of block.rows) {
        if (row.kind === 'group') {
          pendingGroups.push(row);
          continue;
        }
        const labels: GridLine['labels'] = [];
        for (const group of pendingGroups) {
          const [from] = group.labelCols ?? [0, 0];
          labels.push({ text: group.label ?? '', col: from, colspan: 1, rowspan: this.linesUnder(block, group.id) });
        }
        pendingGroups.length = 0;
        if (row.label !== undefined && this.def.labelCols > 0) {
          const [from, to] = row.labelCols ?? [0, this.def.labelCols - 1];
          labels.push({ text: row.label, col: from, colspan: to - from + 1, rowspan: 1 });
        }
        this.lines.push({ row, block, labels });
      }
    }
  }

  /** How many grid lines a group label covers: every non-group row below it. */
  private linesUnder(block: BlockDef, groupId: string): number {
    let count = 0;
    for (const row of block.rows) {
      if (row.parent !== groupId) continue;
      count += row.kind === 'group' ? this.linesUnder(block, row.id) : 1;
    }
    return count;
  }
}

function cellKey(rowId: string, colId: string): string {
  return `${rowId}\u0000${colId}`;
}
