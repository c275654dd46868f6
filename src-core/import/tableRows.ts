import { isValueToken } from './sourceValue.js';
import type { SourceCell } from './sourceDocument.js';
import type { TextUnit, Where } from './sourceUnits.js';

/** A row of numbers found in the source, with the label text around it, before it is matched to the format. */
export interface CandidateRow {
  /** Label text on the row itself (layout line) or in its label cells (real table). */
  ownLabel: string;
  /** Label lines since the previous row of numbers (a label wrapped or standing above the numbers). */
  pendingLabel: string;
  /** The printed values in order, '' for a blank cell of a real table. */
  values: string[];
  /** The row as printed, for the import report. */
  text: string;
  where: Where;
  /** The pending lines, so they can be accounted for once the row is matched. */
  pending: { text: string; where: Where }[];
}

/** What a table section's source gives: rows of numbers, lines around them, and prose. */
export interface TableSource {
  rows: CandidateRow[];
  /** Lines with no numbers after the last row of numbers (headers, notes), to account for. */
  trailing: { text: string; where: Where }[];
  prose: TextUnit[];
}

/** A body paragraph's first-line indent is two characters (three in pdftotext's rounding); a wrapped line starts at the margin. */
const MAX_BODY_INDENT = 3;

/** Splits a layout line into its label and the values at its end ("（七）总计  21  0 …"). */
function splitNumberLine(cells: readonly string[]): { label: string; values: string[] } {
  const tokens = cells.flatMap((c) => (c.split(' ').every((t) => isValueToken(t)) ? c.split(' ') : [c]));
  let cut = tokens.length;
  while (cut > 0 && isValueToken(tokens[cut - 1]!)) cut--;
  return { label: tokens.slice(0, cut).join(''), values: tokens.slice(cut) };
}

/** A grid with spans expanded: every position names the cell that covers it. */
function expandGrid(rows: readonly SourceCell[][]): { cell: SourceCell; row: number; col: number }[][] {
  const grid: { cell: SourceCell; row: number; col: number }[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (grid[r]![c]) c++;
      for (let dr = 0; dr < Math.max(1, cell.rowSpan); dr++) {
        for (let dc = 0; dc < Math.max(1, cell.colSpan); dc++) {
          if (r + dr < rows.length) grid[r + dr]![c + dc] = { cell, row: r, col: c };
        }
      }
      c += Math.max(1, cell.colSpan);
    }
  });
  return grid;
}

/**
 * Collects the rows of numbers of one table section. Layout lines: a row is the label text since
 * the previous row plus the numbers at the line's end. Real tables: spans expanded, the values are
 * the cells after the last label cell, each spanned cell once; rows without values are labels.
 */
export function collectTableSource(units: readonly (TextUnit | { kind: 'table'; rows: SourceCell[][]; where: Where })[]): TableSource {
  const rows: CandidateRow[] = [];
  const prose: TextUnit[] = [];
  let pending: { text: string; where: Where }[] = [];
  const pushRow = (ownLabel: string, values: string[], text: string, where: Where): void => {
    rows.push({ ownLabel, pendingLabel: pending.map((p) => p.text).join(''), values, text, where, pending });
    pending = [];
  };
  // Text copied from a PDF viewer without its layout puts every cell on a line of its own: a run of
  // lines that each hold one value, with nothing between them, is one row.
  let valuePerLine: CandidateRow | undefined;
  for (const unit of units) {
    const singleValue = unit.kind === 'text' && unit.layout && unit.cells.length === 1 && isValueToken(unit.text) ? unit.text : undefined;
    if (singleValue !== undefined && valuePerLine && pending.length === 0) {
      valuePerLine.values.push(singleValue);
      valuePerLine.text += ` ${singleValue}`;
      continue;
    }
    valuePerLine = undefined;
    if (unit.kind === 'table') {
      const grid = expandGrid(unit.rows);
      grid.forEach((positions, r) => {
        const distinct = positions.filter((p, i) => p && positions.findIndex((q) => q?.cell === p.cell) === i);
        let cut = distinct.length;
        while (cut > 0 && distinct[cut - 1]!.row === r && (distinct[cut - 1]!.cell.text.trim() === '' || isValueToken(distinct[cut - 1]!.cell.text))) cut--;
        const labels = distinct.slice(0, cut).map((p) => p.cell.text.trim()).filter((t) => t !== '');
        const values = distinct.slice(cut).map((p) => p.cell.text.trim());
        const text = distinct.map((p) => p.cell.text.trim()).join(' | ');
        // A labelled row with blank value cells is still a row (its blanks are read as blank, never 0).
        if (values.some((v) => v !== '') || (values.length > 0 && labels.length > 0)) pushRow(labels.join(''), values, text, unit.where);
        else if (text.replace(/[ |]/g, '') !== '') pending.push({ text: labels.join(' '), where: unit.where });
      });
      continue;
    }
    // A line from the left margin (or a paragraph's indent) to the right one is a wrapped body line: a
    // table's label never fills the width in one cell, a centred caption does not start at the margin.
    if (!unit.layout || unit.text.includes('。') || (unit.full && unit.cells.length === 1 && unit.indent <= MAX_BODY_INDENT)) {
      prose.push(unit);
      continue;
    }
    const { label, values } = splitNumberLine(unit.cells);
    if (values.length > 0) pushRow(label, values, unit.text, unit.where);
    else pending.push({ text: unit.text, where: unit.where });
    if (singleValue !== undefined) valuePerLine = rows.at(-1);
  }
  return { rows, trailing: pending, prose };
}
