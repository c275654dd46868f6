import {
  blockText,
  buildDocumentModel,
  CHAR_PITCH_PT,
  FIRST_LINE_INDENT,
  lexicalToBlocks,
  LINE_PITCH_PT,
  MM_TO_PT,
  PAGE,
  paginate,
  SIZES,
  tableNoteLines,
  TYPE_WIDTH_PT,
  type DocBlock,
  type Report,
  type RunAtom,
  type Template,
  type TextRun,
} from '../../src-core/index.js';
import { META_SECTION } from '../editor/findingPlaces.js';
import type { Place } from '../state/documentStore.js';

export const TOP_PT = PAGE.marginTopMm * MM_TO_PT;
export const LEFT_PT = PAGE.marginLeftMm * MM_TO_PT;

/** One printed line: atoms on the grid exactly as the export measured them. */
export interface PageLine {
  kind: 'line';
  top: number;
  left: number;
  size: number;
  role: 'xiaobiaosong' | 'hei' | 'kai' | 'fangsong' | 'song';
  atoms: { text: string; width: number; bold: boolean }[];
  place: Place;
}

/** One table cell frame on a page. */
export interface PageCell {
  kind: 'cell';
  top: number;
  left: number;
  width: number;
  height: number;
  lines: string[];
  bold: boolean;
  shaded: boolean;
  align: 'left' | 'center';
  place: Place;
}

export interface LaidOutPage {
  items: (PageLine | PageCell)[];
}

export interface PageLayout {
  pages: LaidOutPage[];
  draft: boolean;
}

/**
 * The report laid out as the export prints it — the same document model and the same pagination
 * (src-core paginate) — with each line and cell knowing the place in the editor it came from.
 */
export function layoutPages(template: Template, report: Report, options: { draft: boolean }): PageLayout {
  const model = buildDocumentModel(template, report, { draft: options.draft, now: new Date() });
  const pagination = paginate(model);
  const pages: LaidOutPage[] = Array.from({ length: pagination.pageCount }, () => ({ items: [] }));
  const places = blockPlaces(template, report, model.blocks);
  model.blocks.forEach((block, index) => {
    const placement = pagination.blocks[index]!;
    const place = places[index]!;
    const lineAt = (i: number) => TOP_PT + placement.at[i]!.slot * LINE_PITCH_PT;
    const pushLines = (role: PageLine['role'], size: number, runs: readonly TextRun[], leftOf: (i: number, atoms: RunAtom[]) => number, boldAll = false) =>
      placement.lines.forEach((atoms, i) => {
        const top = lineAt(i) + (LINE_PITCH_PT - size) / 2;
        pages[placement.at[i]!.page]!.items.push({ kind: 'line', top, left: leftOf(i, atoms), size, role, atoms: atoms.map((a) => ({ text: a.text, width: a.width, bold: boldAll || runs[a.run]?.bold === true })), place });
      });
    const indented = (i: number) => LEFT_PT + (i === 0 ? FIRST_LINE_INDENT * CHAR_PITCH_PT : 0);
    switch (block.kind) {
      case 'title':
        return pushLines('xiaobiaosong', SIZES.title, [], (_i, atoms) => LEFT_PT + Math.max(0, (TYPE_WIDTH_PT - lineWidth(atoms)) / 2));
      case 'heading1':
        return pushLines('hei', SIZES.body, [], indented);
      case 'heading2':
        return pushLines('kai', SIZES.body, block.runs, indented);
      case 'heading3':
        return pushLines('fangsong', SIZES.body, block.runs, indented, true);
      case 'paragraph':
        return pushLines('fangsong', SIZES.body, block.runs, indented);
      case 'listItem':
        return pushLines('fangsong', SIZES.body, [{ text: block.marker }, ...block.runs], indented);
      case 'signature': {
        // As the PDF: the date four characters from the right, the organisation centred over it.
        const right = LEFT_PT + TYPE_WIDTH_PT - 4 * CHAR_PITCH_PT;
        const widths = placement.lines.map(lineWidth);
        const dateWidth = block.date ? (widths[1] ?? 0) : 0;
        const orgWidth = widths[0] ?? 0;
        const center = block.date ? right - dateWidth / 2 : right - orgWidth / 2;
        const starts = [Math.min(center - orgWidth / 2, right - orgWidth), right - dateWidth];
        return pushLines('fangsong', SIZES.body, [], (i) => starts[i]!);
      }
      case 'table': {
        const table = block.table;
        const tablePlacement = placement.table!;
        const widths = table.columnWidths.map((w) => w * MM_TO_PT);
        const xOf = (col: number) => LEFT_PT + widths.slice(0, col).reduce((a, b) => a + b, 0);
        table.rows.forEach((row, r) => {
          for (const cell of row.cells) {
            const frames = new Map<number, { top: number; bottom: number }>();
            for (let k = r; k < r + cell.rowspan; k++) {
              for (const spot of tablePlacement.rows[k] ?? []) {
                const frame = frames.get(spot.page);
                const top = TOP_PT + spot.y;
                const bottom = top + tablePlacement.rowHeights[k]!;
                frames.set(spot.page, frame ? { top: Math.min(frame.top, top), bottom: Math.max(frame.bottom, bottom) } : { top, bottom });
              }
            }
            for (const [page, frame] of frames) {
              pages[page]!.items.push({
                kind: 'cell',
                top: frame.top,
                left: xOf(cell.col),
                width: widths.slice(cell.col, cell.col + cell.colspan).reduce((a, b) => a + b, 0),
                height: frame.bottom - frame.top,
                lines: cell.lines,
                bold: cell.bold,
                shaded: cell.shaded,
                align: cell.align,
                place,
              });
            }
          }
        });
        tableNoteLines(table).forEach((note, i) => {
          const at = placement.at[i]!;
          pages[at.page]!.items.push({ kind: 'line', top: TOP_PT + at.slot * LINE_PITCH_PT + (LINE_PITCH_PT - SIZES.table) / 2, left: LEFT_PT, size: SIZES.table, role: 'song', atoms: [{ text: note, width: TYPE_WIDTH_PT, bold: false }], place });
        });
        return;
      }
    }
  });
  return { pages, draft: model.draft };
}

function lineWidth(atoms: readonly { width: number }[]): number {
  return atoms.reduce((sum, a) => sum + a.width, 0);
}

/**
 * Where each printed block is edited: the title and signature in 报告信息, a heading at its section,
 * a paragraph at its text block (the model leaves out empty blocks, so they are counted back in),
 * a table at its section.
 */
function blockPlaces(template: Template, report: Report, blocks: readonly DocBlock[]): Place[] {
  const preamble = template.sections.find((s) => !s.heading)?.id ?? template.sections[0]?.id ?? META_SECTION;
  let sectionId = preamble;
  let printed: number[] = [];
  let next = 0;
  const enter = (id: string) => {
    sectionId = id;
    next = 0;
    printed = lexicalToBlocks(report.sections[id]).flatMap((b, i) => (blockText(b).trim() === '' ? [] : [i]));
  };
  enter(preamble);
  return blocks.map((block): Place => {
    switch (block.kind) {
      case 'title':
      case 'signature':
        return { sectionId: META_SECTION };
      case 'heading1':
        enter(block.sectionId);
        return { sectionId };
      case 'table':
        return { sectionId: template.tableModels.get(block.table.id)?.def.sectionId ?? sectionId };
      default: {
        const index = printed[next++];
        return index === undefined ? { sectionId } : { sectionId, block: index };
      }
    }
  });
}
