import { normalizeText, type ToSimplified } from './normalizeText.js';
import type { SourceCell, SourceDocument } from './sourceDocument.js';
import { stripJunk, type RemovedPiece } from './webJunk.js';

/** Where a unit stood in the source: its page (if the file has pages) and its block number (1-based). */
export interface Where {
  page?: number;
  block: number;
}

/** A line or paragraph of the source, normalized and cleaned of junk, with its cells (one for a paragraph). */
export interface TextUnit {
  kind: 'text';
  text: string;
  cells: string[];
  /** A laid-out line (PDF, pasted layout text) that may continue on the next one. */
  layout: boolean;
  indent: number;
  full: boolean;
  level?: number;
  where: Where;
}

export interface TableUnit {
  kind: 'table';
  rows: SourceCell[][];
  where: Where;
}

export type Unit = TextUnit | TableUnit;

const LEVEL1_BOUNDARY = /[ \t\u3000]+(?=(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]))/;
const RUN_IN_LEVEL1 = /^([一二三四五六七八九十]{1,3}、[^。\s]{1,40})[ \t\u3000]+(\S.*)$/s;

/**
 * A web copy sometimes collapses a whole report into one line, its paragraphs apart by a space
 * (seed 004): split it where a space is followed by an ordinal (一、 or （一）), and a level-1 heading
 * from the body that follows it after a space. Shorter lines are left as they are.
 */
function splitCollapsed(raw: string): string[] {
  const pieces = raw.length > 150 && raw.split(LEVEL1_BOUNDARY).length > 1 ? raw.split(LEVEL1_BOUNDARY) : [raw];
  return pieces.flatMap((piece) => {
    const runIn = RUN_IN_LEVEL1.exec(piece.trim());
    return runIn && runIn[2]!.length > 40 && /[。，,]/.test(runIn[2]!) ? [runIn[1]!, runIn[2]!] : [piece];
  });
}

/**
 * The source's blocks as recognition reads them: text normalized (normalizeText), junk removed and
 * listed, collapsed web paragraphs split. Tables keep their cells' raw text (normalized).
 */
export function sourceUnits(source: SourceDocument, toSimplified: ToSimplified): { units: Unit[]; removed: RemovedPiece[] } {
  const units: Unit[] = [];
  const removed: RemovedPiece[] = [];
  const clean = (raw: string): string => {
    const { kept, removed: junk } = stripJunk(normalizeText(raw, toSimplified));
    removed.push(...junk);
    return kept;
  };
  source.blocks.forEach((block, index) => {
    const where: Where = block.page === undefined ? { block: index + 1 } : { page: block.page, block: index + 1 };
    if (block.kind === 'table') {
      const rows = block.rows.map((row) => row.map((cell) => ({ ...cell, text: clean(cell.text) })));
      units.push({ kind: 'table', rows, where });
      return;
    }
    if (block.kind === 'line') {
      const pieces = splitCollapsed(block.text);
      if (pieces.length > 1) {
        for (const piece of pieces) {
          const text = clean(piece);
          if (text !== '') units.push({ kind: 'text', text, cells: [text], layout: false, indent: 0, full: false, where });
        }
        return;
      }
      const cells = block.cells.map(clean).filter((c) => c !== '');
      if (cells.length > 0) units.push({ kind: 'text', text: cells.join(' '), cells, layout: true, indent: block.indent, full: block.full, where });
      return;
    }
    for (const piece of splitCollapsed(block.text)) {
      const text = clean(piece);
      if (text === '') continue;
      const unit: TextUnit = { kind: 'text', text, cells: [text], layout: false, indent: 0, full: false, where };
      if (block.level !== undefined) unit.level = block.level;
      units.push(unit);
    }
  });
  return { units, removed };
}
