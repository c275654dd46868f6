import { formatScaled, parseCell } from '../report/cellValue.js';
import type { Report } from '../report/reportSchema.js';
import type { TableModel } from '../template/tableModel.js';
import { MM_TO_PT, PAGE, SIZES, type DocCell, type DocTable, type DocTableRow } from './documentModel.js';
import { CELL_PAD_PT, cellLines, TABLE_LINE_PT } from './textMeasure.js';

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
  return { text, col, rowspan: 1, colspan: 1, align: 'center', bold: false, shaded: false, heading: null, lines: [], ...options };
}

const spanWidthPt = (widths: number[], c: { col: number; colspan: number }) => widths.slice(c.col, c.col + c.colspan).reduce((a, b) => a + b, 0) * MM_TO_PT;

/** Each row as tall as its tallest cell; a merged cell taller than its rows makes its last row taller. */
function rowHeights(rows: DocTableRow[]): number[] {
  const need = (c: DocCell) => Math.max(1, c.lines.length) * TABLE_LINE_PT + 2 * CELL_PAD_PT;
  const heights = rows.map((row) => Math.max(TABLE_LINE_PT + 2 * CELL_PAD_PT, ...row.cells.filter((c) => c.rowspan === 1).map(need)));
  rows.forEach((row, r) => {
    for (const c of row.cells.filter((c) => c.rowspan > 1)) {
      const short = need(c) - heights.slice(r, r + c.rowspan).reduce((a, b) => a + b, 0);
      if (short > 0) heights[r + c.rowspan - 1]! += short;
    }
  });
  return heights;
}

/**
 * The groups of rows that must share a page: a run of caption and header rows with the first two
 * data rows under it (fewer if its block has fewer). A table's header is never left at a page foot.
 */
function keepTogetherGroups(grid: GridRow[]): Map<number, number> {
  const headerLike = (row: GridRow) => row.cells.every((c) => c.kind === 'caption' || c.kind === 'header' || c.kind === 'blank');
  const groups = new Map<number, number>();
  for (let r = 0; r < grid.length; r++) {
    if (!headerLike(grid[r]!) || (r > 0 && headerLike(grid[r - 1]!))) continue;
    let end = r;
    while (end < grid.length && headerLike(grid[end]!)) end++;
    for (let data = 0; data < 2 && end < grid.length && !headerLike(grid[end]!); data++) end++;
    groups.set(r, end - r);
  }
  return groups;
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

/** One cell of a table's printed grid; data cells carry the row and column ids they show. */
export interface GridCell {
  kind: 'caption' | 'header' | 'label' | 'data' | 'blank' | 'unit';
  text: string;
  col: number;
  rowspan: number;
  colspan: number;
  rowId?: string;
  colId?: string;
}

export interface GridRow {
  cells: GridCell[];
  header: boolean;
}

/**
 * The structure of a template table as printed: captions, merged header cells, labels with their
 * spans, and the cells that hold values. The export and the editor both draw from it, so the
 * screen looks like the printed table.
 */
export function tableGrid(model: TableModel): GridRow[] {
  const rows: GridRow[] = [];
  const single = model.def.blocks.length === 1;
  for (const block of model.def.blocks) {
    if (block.caption) rows.push({ header: single, cells: [{ kind: 'caption', text: block.caption, col: 0, rowspan: 1, colspan: model.def.gridCols }] });
    for (let r = 0; r < block.headerRows; r++) {
      const cells = block.header
        .filter((h) => h.row === r)
        .sort((a, b) => a.col - b.col)
        .map((h): GridCell => ({ kind: h.text === '' ? 'blank' : 'header', text: h.text, col: h.col, rowspan: h.rowspan, colspan: h.colspan }));
      rows.push({ header: single, cells });
    }
    for (const line of model.lines.filter((l) => l.block === block)) {
      const cells: GridCell[] = line.labels.map((l) => ({ kind: 'label', text: l.text, col: l.col, rowspan: l.rowspan, colspan: l.colspan }));
      let col = model.def.labelCols;
      for (const column of block.columns) {
        const base = { col, rowspan: 1, colspan: column.span };
        if (column.kind === 'rowUnit') cells.push({ ...base, kind: 'unit', text: line.row.unit ?? '' });
        else if (column.kind === 'blank') cells.push({ ...base, kind: 'blank', text: '' });
        else cells.push({ ...base, kind: 'data', text: '', rowId: line.row.id, colId: column.id });
        col += column.span;
      }
      rows.push({ header: false, cells });
    }
  }
  return rows;
}

/** The note printed under a table for an amount whose unit the format leaves open: 注：政府集中采购采购总金额单位为万元。 */
export function unitNote(model: TableModel, rowId: string, colId: string, unit: string): string | undefined {
  const label = model.column(rowId, colId)?.label;
  return label ? `注：${model.row(rowId)?.label ?? rowId}${label}单位为${unit}。` : undefined;
}

/** Lays a template table out as the printed grid: captions, merged header cells, labels, values. */
export function buildDocTable(model: TableModel, report: Report): DocTable {
  const grid = tableGrid(model);
  const widths = columnWidths(model);
  const rows: DocTableRow[] = grid.map((row) => ({
    header: row.header,
    cells: row.cells.map((c) =>
      cell(c.kind === 'data' ? cellText(model, c.rowId ?? '', c.colId ?? '', report) : c.text, c.col, {
        rowspan: c.rowspan,
        colspan: c.colspan,
        bold: c.kind === 'caption' || c.kind === 'header',
        shaded: c.kind === 'blank',
        align: c.kind === 'label' && c.rowspan === 1 ? 'left' : 'center',
        heading: c.kind === 'caption' || c.kind === 'header' ? 'col' : c.kind === 'label' ? 'row' : null,
      }),
    ),
  }));
  for (const c of rows.flatMap((r) => r.cells)) c.lines = c.text === '' ? [] : cellLines(c.text, spanWidthPt(widths, c), c.align === 'center');
  const notes: string[] = [];
  for (const [rowId, cols] of Object.entries(report.cellUnits?.[model.def.id] ?? {})) {
    for (const [colId, unit] of Object.entries(cols)) {
      const note = unitNote(model, rowId, colId, unit);
      if (note) notes.push(note);
    }
  }
  const repeatHeaderRows = Math.max(0, rows.findIndex((r) => !r.header));
  return { id: model.def.id, title: model.def.title, columnWidths: widths, rows, repeatHeaderRows, rowHeights: rowHeights(rows), keepTogether: keepTogetherGroups(grid), notes };
}
