import { parseCell, type ParsedCell } from '../report/cellValue.js';
import type { Report } from '../report/reportSchema.js';
import type { Template } from '../template/loadTemplate.js';
import type { TableModel } from '../template/tableModel.js';

/**
 * The report's table values, parsed once per check run and read by every rule.
 * `value()` answers in the scaled integer domain (cellValue.ts); undefined means "cannot be used"
 * (an invalid entry already reported by a value rule, or a cell this format does not have).
 */
export class ReportCells {
  private readonly parsed = new Map<string, ParsedCell>();
  /** Computed cells whose sources hold an invalid entry: their stored value means nothing until it is fixed. */
  private readonly tainted = new Set<string>();

  constructor(
    readonly template: Template,
    readonly report: Report,
  ) {
    for (const model of template.tableModels.values()) {
      const values = report.tables[model.def.id] ?? {};
      for (const cell of model.cells) {
        this.parsed.set(key(model.def.id, cell.rowId, cell.colId), parseCell(values[cell.rowId]?.[cell.colId], cell.valueType, cell.notApplicable));
      }
      // Totals of totals: repeat until nothing new is tainted.
      for (let changed = true; changed; ) {
        changed = false;
        for (const cell of model.cells) {
          const k = key(model.def.id, cell.rowId, cell.colId);
          if (cell.kind !== 'computed' || this.tainted.has(k)) continue;
          const bad = model.sourcesOf(cell.rowId, cell.colId).some((src) => {
            const sk = key(model.def.id, src.rowId, src.colId);
            return this.parsed.get(sk)?.state === 'invalid' || this.tainted.has(sk);
          });
          if (bad) {
            this.tainted.add(k);
            changed = true;
          }
        }
      }
    }
  }

  parsedCell(tableId: string, rowId: string, colId: string): ParsedCell | undefined {
    return this.parsed.get(key(tableId, rowId, colId));
  }

  /** Empty counts as 0 here (the empty-cell rule reports it separately) unless `emptyAsZero` is false, then it cannot be used. A group row sums its items. */
  value(model: TableModel, rowId: string, colId: string, emptyAsZero = true): bigint | undefined {
    const items = model.groupItems(rowId);
    if (items.length > 0) {
      let sum = 0n;
      for (const item of items) {
        const v = this.value(model, item, colId, emptyAsZero);
        if (v === undefined) return undefined;
        sum += v;
      }
      return sum;
    }
    const k = key(model.def.id, rowId, colId);
    const cell = this.parsed.get(k);
    if (!cell || cell.state === 'invalid' || this.tainted.has(k)) return undefined;
    if (cell.state === 'empty') return emptyAsZero ? 0n : undefined;
    return cell.scaled;
  }

  tableByRole(role: string): TableModel | undefined {
    for (const model of this.template.tableModels.values()) if (model.def.role === role) return model;
    return undefined;
  }
}

function key(tableId: string, rowId: string, colId: string): string {
  return `${tableId}\u0000${rowId}\u0000${colId}`;
}
