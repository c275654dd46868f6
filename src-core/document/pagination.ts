import { PAGE, SIZES, type DocBlock, type DocTable, type DocumentModel } from './documentModel.js';
import { breakLines } from './lineBreaking.js';
import { LINE_PITCH_PT, paragraphLines, textAtoms, TYPE_HEIGHT_PT, TYPE_WIDTH_PT, type RunAtom } from './textMeasure.js';

/** Where a table's rows are printed: a row is on one page, header rows again on every later page. */
export interface TablePlacement {
  /** Per row, each page it is drawn on and its top (points below the type area's top). */
  rows: { page: number; y: number }[][];
  /** Row heights in points; the last row grows so the table ends on a grid line. */
  rowHeights: number[];
  /** Rows that begin a new page (not counting repeated headers). */
  breaksBefore: number[];
  /** Of a table closing the report: the first row on the signature's page (its rows stay with the signature). */
  keptWithNext?: number;
}

export interface BlockPlacement {
  /** Page (0-based) and line slot (0…21) of the block's first line. */
  page: number;
  slot: number;
  /** The block is the first on its page (a page-break-before in DOCX). */
  startsPage: boolean;
  /** Lines of a text block, measured once for every export. */
  lines: RunAtom[][];
  /** Page and slot of each of those lines (of a table: of its notes). */
  at: { page: number; slot: number }[];
  table?: TablePlacement;
}

export interface Pagination {
  pageCount: number;
  blocks: BlockPlacement[];
}

const LINES = PAGE.linesPerPage;
const heading = (b: DocBlock | undefined) => b?.kind === 'heading1' || b?.kind === 'heading2' || b?.kind === 'heading3';
/** Body paragraphs, headings and list items indent their first line two characters. */
export const FIRST_LINE_INDENT = 2;

/** The lines of a text block on the 22 × 28 grid; tables have none. */
export function blockLines(block: DocBlock): RunAtom[][] {
  switch (block.kind) {
    case 'title':
      return block.lines.map((text) => textAtoms([{ text }], SIZES.title, false));
    case 'heading1':
      return paragraphLines([{ text: block.text }], FIRST_LINE_INDENT);
    case 'heading2':
    case 'heading3':
    case 'paragraph':
      return paragraphLines(block.runs, FIRST_LINE_INDENT);
    case 'listItem':
      return paragraphLines([{ text: block.marker }, ...block.runs], FIRST_LINE_INDENT);
    case 'signature':
      return [block.org, ...(block.date ? [block.date] : [])].map((text) => textAtoms([{ text }], SIZES.body, false));
    case 'table':
      return [];
  }
}

/** Notes under a table, one grid line each. */
export function tableNoteLines(table: DocTable): string[] {
  return table.notes.flatMap((note) => breakLines(textAtoms([{ text: note }], SIZES.table, false), TYPE_WIDTH_PT).map((l) => l.map((a) => a.text).join('')));
}

const slotsOf = (points: number) => Math.ceil(points / LINE_PITCH_PT - 1e-6);

/** Grid lines a block occupies, with the blank line after the title and before the signature. */
function extraLines(block: DocBlock): { before: number; after: number } {
  if (block.kind === 'title') return { before: 0, after: 1 };
  if (block.kind === 'signature') return { before: 1, after: 0 };
  return { before: 0, after: 0 };
}

/** Grid lines the start of a block needs on the page it starts on (what a heading keeps with). */
function startNeed(blocks: DocBlock[], lines: RunAtom[][][], i: number): number {
  const block = blocks[i];
  if (!block) return 0;
  if (block.kind === 'table') {
    const group = block.table.keepTogether.get(0) ?? 1;
    return slotsOf(block.table.rowHeights.slice(0, group).reduce((a, b) => a + b, 0));
  }
  const n = lines[i]!.length;
  if (heading(block)) return n + startNeed(blocks, lines, i + 1);
  if (block.kind === 'signature') return n + 1;
  // A three-line paragraph cannot be split without leaving a line alone.
  return n === 3 ? 3 : Math.min(2, n);
}

/**
 * The one pagination every output follows (PDF draws it, DOCX states it as page breaks, the editor
 * previews it). Rules: 22 lines a page, nothing squeezed; a heading stays with what follows; a table's
 * header (and each caption) stays with its first two data rows, else moves to the next page; no line
 * of a paragraph alone at a page's top or foot; the signature never alone on a page — it takes the
 * last paragraph with it.
 */
export function paginate(model: DocumentModel): Pagination {
  const blocks = model.blocks;
  const lines = blocks.map(blockLines);
  const placements: BlockPlacement[] = [];
  let page = 0;
  let slot = 0;
  const newPage = () => {
    page++;
    slot = 0;
  };

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const extra = extraLines(block);
    if (block.kind === 'table') {
      const need = startNeed(blocks, lines, i);
      if (slot > 0 && slot + need > LINES) newPage();
      const notes = tableNoteLines(block.table).length;
      let start = { page, slot };
      let table = placeTable(block.table, page, slot);
      if (blocks[i + 1]?.kind === 'signature') {
        const closing = closingTable(block.table, start, table, notes + startNeed(blocks, lines, i + 1));
        start = closing.start;
        table = closing.table;
      }
      page = table.endPage;
      slot = table.endSlot;
      const at: BlockPlacement['at'] = [];
      for (let k = notes; k > 0; k--) {
        if (slot >= LINES) newPage();
        at.push({ page, slot: slot++ });
      }
      placements.push({ ...start, startsPage: start.slot === 0 && start.page > 0, lines: [], at, table: table.placement });
      continue;
    }
    const n = lines[i]!.length + extra.before + extra.after;
    const next = blocks[i + 1];
    if (slot >= LINES) newPage();
    if (heading(block)) {
      if (slot > 0 && slot + startNeed(blocks, lines, i) > LINES) newPage();
    } else if (block.kind === 'signature' || block.kind === 'title') {
      if (slot > 0 && slot + n > LINES) newPage();
    } else if (slot > 0 && next?.kind === 'signature' && slot + n <= LINES && slot + n + startNeed(blocks, lines, i + 1) > LINES) {
      // The signature would be alone on the next page: the last paragraph goes with it.
      newPage();
    } else if (slot > 0 && n > LINES - slot && widowSafeSplit(n, LINES - slot) < 2) {
      newPage();
    }
    const placement: BlockPlacement = { page, slot, startsPage: slot === 0 && page > 0, lines: lines[i]!, at: [] };
    slot += extra.before;
    let remaining = lines[i]!.length;
    while (remaining > 0) {
      const here = remaining <= LINES - slot ? remaining : widowSafeSplit(remaining, LINES - slot);
      for (let k = 0; k < here; k++) placement.at.push({ page, slot: slot + k });
      slot += here;
      remaining -= here;
      if (remaining > 0) newPage();
    }
    slot += extra.after;
    placements.push(placement);
  }
  return { pageCount: page + 1, blocks: placements };
}

/** How many of a paragraph's `remaining` lines go on a page with `room` lines left: never one alone on either side. */
function widowSafeSplit(remaining: number, room: number): number {
  const here = remaining - room === 1 ? room - 1 : room;
  return here < 2 ? 0 : here;
}

interface PlacedTable {
  placement: TablePlacement;
  endPage: number;
  endSlot: number;
}

/**
 * A table right before the signature: when what follows it (its notes, the blank line, the
 * signature) does not fit under its last row, the signature would open a page alone. Its last two
 * rows (else its last one) go to the next page with it, under the repeated header; where no row may
 * be parted from the rows above it (a header kept with its first rows), the whole table moves.
 */
function closingTable(table: DocTable, start: { page: number; slot: number }, placed: PlacedTable, linesAfter: number): { start: { page: number; slot: number }; table: PlacedTable } {
  const fits = (t: PlacedTable) => t.endSlot + linesAfter <= LINES;
  const kept = (t: PlacedTable): PlacedTable => ({ ...t, placement: { ...t.placement, keptWithNext: t.placement.breaksBefore.at(-1) ?? 0 } });
  if (fits(placed)) return { start, table: kept(placed) };
  const rowCount = table.rowHeights.length;
  const insideGroup = (r: number) => [...table.keepTogether].some(([first, size]) => r > first && r < first + size);
  for (const tail of [2, 1]) {
    const r = rowCount - tail;
    if (r < Math.max(1, table.repeatHeaderRows) || insideGroup(r) || placed.placement.breaksBefore.includes(r)) continue;
    const moved = placeTable(table, start.page, start.slot, r);
    if (moved.endPage === placed.endPage + 1 && fits(moved)) return { start, table: kept(moved) };
  }
  const whole = placeTable(table, start.page + 1, 0);
  if (start.slot > 0 && whole.endPage === start.page + 1 && fits(whole)) return { start: { page: start.page + 1, slot: 0 }, table: kept(whole) };
  return { start, table: placed };
}

/** Places a table's rows from a line of a page on; `breakBefore` is a row made to start a new page. */
function placeTable(table: DocTable, firstPage: number, firstSlot: number, breakBefore = -1): PlacedTable {
  const heights = [...table.rowHeights];
  const rows: { page: number; y: number }[][] = heights.map(() => []);
  const breaksBefore: number[] = [];
  let page = firstPage;
  let y = firstSlot * LINE_PITCH_PT;
  const headerHeight = heights.slice(0, table.repeatHeaderRows).reduce((a, b) => a + b, 0);
  heights.forEach((height, r) => {
    const group = table.keepTogether.get(r) ?? 1;
    const needed = heights.slice(r, r + group).reduce((a, b) => a + b, 0);
    const pageTop = page === firstPage ? firstSlot * LINE_PITCH_PT : headerHeight;
    const overflows = y + Math.max(needed, height) > TYPE_HEIGHT_PT + 0.01;
    if (r > 0 && (overflows || r === breakBefore) && y > pageTop + 0.01) {
      page++;
      breaksBefore.push(r);
      y = 0;
      if (r >= table.repeatHeaderRows) {
        for (let h = 0; h < table.repeatHeaderRows; h++) {
          rows[h]!.push({ page, y });
          y += heights[h]!;
        }
      }
    }
    rows[r]!.push({ page, y });
    y += height;
  });
  // The text after the table goes back onto the line grid: the last row takes up the difference.
  const endSlot = slotsOf(y);
  heights[heights.length - 1]! += endSlot * LINE_PITCH_PT - y;
  return { placement: { rows, rowHeights: heights, breaksBefore }, endPage: page, endSlot };
}
