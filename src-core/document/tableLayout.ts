import { formatScaled, parseCell } from '../report/cellValue.js';
import type { Report } from '../report/reportSchema.js';
import type { TableModel } from '../template/tableModel.js';
import { PAGE, SIZES, type DocCell, type DocTable, type DocTableRow } from './documentModel.js';

const CHAR_MM = (SIZES.table * 25.4) / 72;
/** A label column is at least four characters wide. */
const MIN_LABEL_MM = CHAR_MM * 4 + 2;
const MAX_DATA_MM = 22;

/** Data columns share at most half the type area; label columns take the rest, the widest label most. */
export function columnWidths(model: TableModel): number[] {
  const { gridCols, labelCols } = model.def;
  const dataCols = gridCols - labelCols;
  if (labelCols === 0) return Array.from({ length: gridCols }, () => PAGE.typeWidthMm / gridCols);
  const dataWidth = Math.min(MAX_DATA_MM, (PAGE.typeWidthMm / 2) / dataCols);
  const labelWidth = PAGE.typeWidthMm - dataWidth * dataCols;
  const longest = Array.from({ length: labelCols }, (_, col) =>
    Math.max(1, ...model.lines.flatMap((l) => l.labels).filter((l) => l.col === col && l.colspan === 1).map((l) => l.text.length)),
  );
  const widths = longest.map(() => MIN_LABEL_MM);
  const widest = longest.indexOf(Math.max(...longest));
  widths[widest] = labelWidth - MIN_LABEL_MM * (labelCols - 1);
  return [...widths, ...Array.from({ length: dataCols }, () => dataWidth)];
}

function cell(text: string, col: number, options: Partial<DocCell> = {}): DocCell {
  return { text, col, rowspan: 1, colspan: 1, align: 'center', bold: false, shaded: false, ...options };
}

/** The printed text of a stored value: counts and amounts as typed, "/" kept, empty stays empty. */
export function cellText(model: TableModel, rowId: string, colId: string, report: Report): string {
  const raw = report.tables[model.def.id]?.[rowId]?.[colId];
  const def = model.cell(rowId, colId);
  if (raw === null || raw === undefined || !def) return '';
  const parsed = parseCell(raw, def.valueType, def.notApplicable);
  if (parsed.state === 'notApplicable') return '/';
  if (parsed.state === 'value') return def.valueType === 'amount' ? String(raw) : formatScaled(parsed.scaled);
  return String(raw);
}

/** Lays a template table out as the printed grid: captions, merged header cells, labels, values. */
export function buildDocTable(model: TableModel, report: Report): DocTable {
  const rows: DocTableRow[] = [];
  const single = model.def.blocks.length === 1;
  for (const block of model.def.blocks) {
    if (block.caption) rows.push({ header: single, cells: [cell(block.caption, 0, { colspan: model.def.gridCols, bold: true })] });
    for (let r = 0; r < block.headerRows; r++) {
      const cells = block.header
        .filter((h) => h.row === r)
        .sort((a, b) => a.col - b.col)
        .map((h) => cell(h.text, h.col, { rowspan: h.rowspan, colspan: h.colspan, bold: h.text !== '', shaded: h.text === '' }));
      rows.push({ header: single, cells });
    }
    for (const line of model.lines.filter((l) => l.block === block)) {
      const cells: DocCell[] = line.labels.map((l) => cell(l.text, l.col, { rowspan: l.rowspan, colspan: l.colspan, align: l.rowspan > 1 ? 'center' : 'left' }));
      let col = model.def.labelCols;
      for (const column of block.columns) {
        const text = column.kind === 'rowUnit' ? (line.row.unit ?? '') : column.kind === 'blank' ? '' : cellText(model, line.row.id, column.id, report);
        cells.push(cell(text, col, { colspan: column.span, shaded: column.kind === 'blank' }));
        col += column.span;
      }
      rows.push({ header: false, cells });
    }
  }
  const notes: string[] = [];
  for (const [rowId, cols] of Object.entries(report.cellUnits?.[model.def.id] ?? {})) {
    for (const [colId, unit] of Object.entries(cols)) {
      const label = model.column(rowId, colId)?.label;
      if (label) notes.push(`注：${model.row(rowId)?.label ?? rowId}${label}单位为${unit}。`);
    }
  }
  const repeatHeaderRows = single ? rows.findIndex((r) => !r.header) : 0;
  return { id: model.def.id, title: model.def.title, columnWidths: columnWidths(model), rows, repeatHeaderRows: Math.max(0, repeatHeaderRows), notes };
}
