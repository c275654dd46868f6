import PDFDocument from 'pdfkit';
import {
  CELL_PAD_PT,
  CHAR_PITCH_PT,
  FIRST_LINE_INDENT,
  joinsPrevious,
  LINE_PITCH_PT,
  MM_TO_PT,
  PAGE,
  paginate,
  SIZES,
  TABLE_LINE_PT,
  tableNoteLines,
  textAtoms,
  TYPE_HEIGHT_PT,
  TYPE_WIDTH_PT,
  type BlockPlacement,
  type DocBlock,
  type DocCell,
  type DocTable,
  type DocumentModel,
  type FontRole,
  type RunAtom,
  type TextRun,
  DRAFT_MARK,
} from '../../../src-core/index.js';
import type { FontSet, PdfFont } from './fontSet.js';
import { drawGlyphRun, drawText } from './glyphRun.js';

type Doc = InstanceType<typeof PDFDocument>;

interface PlacedAtom extends RunAtom {
  font: PdfFont;
  bold: boolean;
}

/** An atom with the x its glyphs start at. */
interface DrawnAtom extends PlacedAtom {
  x: number;
}

/** Written out field by field: a spread copy of each of the thousands of atoms costs several ms per export. */
const drawnAt = ({ text, width, space, run, font, bold }: PlacedAtom, x: number): DrawnAtom => ({ text, width, space, run, font, bold, x });

const TOP = PAGE.marginTopMm * MM_TO_PT;
const LEFT = PAGE.marginLeftMm * MM_TO_PT;
const BOTTOM = TOP + TYPE_HEIGHT_PT;
const ASCENT = 0.88;

export interface PdfProgress {
  (done: number, total: number): void;
}

export interface PdfOptions {
  /** Write PDF/A-2b (archival: fonts embedded, XMP metadata, sRGB output intent). */
  archival?: boolean;
}

/**
 * Draws the document model as a PDF laid out per GB/T 9704, page by page as the model's pagination
 * says: every body line on the 22-line grid, tables with repeated header rows and unsplit rows,
 * page numbers on the outer side, a bookmark for the title and each heading. Each page is drawn as
 * soon as no later block reaches back to it, and pdfkit writes it out when the next is added, so
 * neither drawing steps nor pages pile up on long reports.
 */
export async function renderPdf(model: DocumentModel, fonts: FontSet, onProgress: PdfProgress = () => undefined, options: PdfOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: true,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    ...(options.archival ? { subset: 'PDF/A-2b' as const } : {}),
    info: {
      Title: model.meta.title,
      Author: model.meta.author,
      Subject: model.meta.subject,
      Keywords: model.meta.keywords.join(', '),
      Creator: '公开年报工作台 Disclosure Report Studio',
      CreationDate: new Date(model.meta.createdAt),
    },
  });
  for (const font of fonts.all()) doc.registerFont(font.key, font.font as never);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const pagination = paginate(model);
  const layout = new Layout(doc, fonts, pagination.pageCount, model.draft, onProgress);
  const reachedFrom = earliestPagesFrom(pagination.blocks);
  model.blocks.forEach((block, index) => {
    layout.block(block, pagination.blocks[index]!);
    layout.drawPagesBefore(reachedFrom[index + 1] ?? pagination.pageCount);
  });
  layout.drawPagesBefore(pagination.pageCount);
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

/** For each block, the first page it or any block after it draws on (header rows repeat, notes follow a table). */
function earliestPagesFrom(blocks: readonly BlockPlacement[]): number[] {
  const earliest: number[] = new Array<number>(blocks.length);
  let min = Infinity;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const place = blocks[i]!;
    const rowPages = place.table?.rows.flatMap((spots) => spots.map((spot) => spot.page)) ?? [];
    min = Math.min(min, place.page, ...place.at.map((at) => at.page), ...rowPages);
    earliest[i] = min;
  }
  return earliest;
}

interface Outline {
  addItem(title: string, options?: { expanded?: boolean }): Outline;
}

/**
 * Lays the blocks out into per-page lists of drawing steps and draws the pages in order once they
 * are complete: pdfkit writes a page out when the next one is added, which it can only do if
 * nothing comes back to it.
 */
class Layout {
  private readonly outlineRoot: Outline;
  private outlineSection: Outline | undefined;
  private readonly steps: (() => void)[][];
  /** The page the last step went to: where a state change with no place of its own is written. */
  private lastPage = 0;
  /** Pages drawn so far (and so closed to further steps). */
  private drawnPages = 0;

  constructor(
    private readonly doc: Doc,
    private readonly fonts: FontSet,
    pageCount: number,
    private readonly draft: boolean,
    private readonly onProgress: PdfProgress,
  ) {
    this.outlineRoot = (doc as unknown as { outline: Outline }).outline;
    this.steps = Array.from({ length: pageCount }, () => []);
  }

  /** Draws `step` on page `page` (0-based) when that page's turn comes. */
  private on(page: number, step: () => void): void {
    const steps = this.steps[page];
    if (!steps) throw new Error(`page ${page + 1} is outside the pagination`);
    if (page < this.drawnPages) throw new Error(`page ${page + 1} was already drawn`);
    steps.push(step);
    this.lastPage = page;
  }

  block(block: DocBlock, place: BlockPlacement): void {
    switch (block.kind) {
      case 'title':
        this.bookmark(0, block.text, place);
        return this.centred(place, 'xiaobiaosong', SIZES.title);
      case 'heading1':
        this.bookmark(1, block.text, place);
        return this.paragraph(place, [{ text: block.text }], 'hei', false);
      case 'heading2':
        this.bookmark(2, block.runs.map((r) => r.text).join(''), place);
        return this.paragraph(place, block.runs, 'kai', false);
      case 'heading3':
        return this.paragraph(place, block.runs.map((r) => ({ ...r, bold: true })), 'fangsong', false);
      case 'paragraph':
        return this.paragraph(place, block.runs, 'fangsong', true);
      case 'listItem':
        return this.paragraph(place, [{ text: block.marker }, ...block.runs], 'fangsong', true);
      case 'table':
        return this.table(block.table, place);
      case 'signature':
        return this.signature(block.org, block.date, place);
    }
  }

  /** The title and each level-1 and level-2 heading in the PDF's bookmarks (outline), nested. */
  private bookmark(level: 0 | 1 | 2, title: string, place: BlockPlacement): void {
    const page = place.at[0]?.page ?? place.page;
    this.on(page, () => {
      if (level === 0) this.outlineRoot.addItem(title);
      else if (level === 1) {
        this.outlineSection = this.outlineRoot.addItem(title, { expanded: true });
      } else (this.outlineSection ?? this.outlineRoot).addItem(title);
    });
  }

  /**
   * Draws, in turn, the pages not drawn yet before `limit` (0-based, exclusive), each with its page
   * number ("— N —", outer side) and, for a draft, the 草稿 watermark.
   */
  drawPagesBefore(limit: number): void {
    const font = this.fonts.role('song');
    for (; this.drawnPages < Math.min(limit, this.steps.length); this.drawnPages++) {
      const i = this.drawnPages;
      if (i > 0) this.doc.addPage();
      const steps = this.steps[i]!;
      for (const step of steps) step();
      steps.length = 0;
      const label = `— ${i + 1} —`;
      const size = SIZES.pageNumber;
      const width = this.measure(label, 'song', size);
      const odd = (i + 1) % 2 === 1;
      const x = odd ? LEFT + TYPE_WIDTH_PT - size - width : LEFT + size;
      drawText(this.doc, font, label, x, BOTTOM + 7 * MM_TO_PT + size * ASCENT, size, false);
      if (this.draft) this.watermark(DRAFT_MARK.watermark);
      this.onProgress(i + 1, this.steps.length);
    }
  }

  /** A large grey diagonal mark across the type area, under nothing and over everything. */
  private watermark(text: string): void {
    const size = 150;
    const hei = this.fonts.role('hei');
    const cx = LEFT + TYPE_WIDTH_PT / 2;
    const cy = TOP + TYPE_HEIGHT_PT / 2;
    const width = this.fonts.width(hei, text, size);
    this.doc.save();
    this.doc.translate(cx, cy).rotate(-45, { origin: [0, 0] });
    this.doc.fillColor('#808080').fillOpacity(0.3);
    let x = -width / 2;
    for (const ch of text) {
      drawText(this.doc, hei, ch, x, size * 0.35, size, false);
      x += this.fonts.width(hei, ch, size);
    }
    this.doc.restore();
    this.doc.fillOpacity(1).fillColor('black');
  }

  private baseline(slot: number, size: number): number {
    return TOP + slot * LINE_PITCH_PT + (LINE_PITCH_PT - size) / 2 + size * ASCENT;
  }

  /** Atoms as measured by the pagination, each with the font that has its glyphs. */
  private placed(line: RunAtom[], runs: readonly TextRun[], role: FontRole): PlacedAtom[] {
    const placed: PlacedAtom[] = [];
    // A loop and a literal, not flatMap and a spread copy: this runs for every atom of the report.
    for (const { text, width, space, run } of line) {
      const font = text === '\n' ? this.fonts.role(role) : this.fonts.fontFor(role, text);
      if (font) placed.push({ text, width, space, run, font, bold: runs[run]?.bold === true });
    }
    return placed;
  }

  private paragraph(place: BlockPlacement, runs: readonly TextRun[], role: FontRole, justify: boolean): void {
    const size = SIZES.body;
    place.lines.forEach((atoms, i) => {
      const line = this.placed(atoms, runs, role);
      const indent = i === 0 ? FIRST_LINE_INDENT * CHAR_PITCH_PT : 0;
      const available = TYPE_WIDTH_PT - indent;
      const natural = line.reduce((sum, a) => sum + a.width, 0);
      const last = i === place.lines.length - 1;
      const gaps = line.filter((a, k) => k > 0 && !joinsPrevious(line[k - 1]?.text, a.text)).length;
      // Justify, but never open gaps wider than a character: such a line is set flush left instead.
      const spread = justify && !last && gaps > 0 ? Math.max(0, (available - natural) / gaps) : 0;
      const gap = spread <= CHAR_PITCH_PT ? spread : 0;
      const at = place.at[i]!;
      const drawn: DrawnAtom[] = [];
      let x = LEFT + indent;
      line.forEach((atom, k) => {
        if (k > 0 && !joinsPrevious(line[k - 1]?.text, atom.text)) x += gap;
        // Every atom sits centred in the grid cells the pagination gave it.
        if (!atom.space && atom.text !== '\n') drawn.push(drawnAt(atom, x + (atom.width - this.fonts.width(atom.font, atom.text, size)) / 2));
        x += atom.width;
      });
      this.on(at.page, () => this.drawAtoms(drawn, this.baseline(at.slot, size), size));
    });
  }

  /** Title lines, centred. */
  private centred(place: BlockPlacement, role: FontRole, size: number): void {
    place.lines.forEach((atoms, i) => {
      const line = this.placed(atoms, [{ text: '' }], role);
      const width = line.reduce((sum, a) => sum + this.fonts.width(a.font, a.text, size), 0);
      const at = place.at[i]!;
      this.drawLine(at.page, line, LEFT + Math.max(0, (TYPE_WIDTH_PT - width) / 2), this.baseline(at.slot, size), size);
    });
  }

  /** 署名 and 成文日期 on the right, the date four characters in, the organisation centred over it. */
  private signature(org: string, date: string | null, place: BlockPlacement): void {
    const size = SIZES.body;
    const right = LEFT + TYPE_WIDTH_PT - 4 * CHAR_PITCH_PT;
    const dateWidth = date ? this.measure(date, 'fangsong', size) : 0;
    const orgWidth = this.measure(org, 'fangsong', size);
    const center = date ? right - dateWidth / 2 : right - orgWidth / 2;
    const starts = [Math.min(center - orgWidth / 2, right - orgWidth), right - dateWidth];
    place.lines.forEach((atoms, i) => {
      const at = place.at[i]!;
      this.drawLine(at.page, this.placed(atoms, [{ text: '' }], 'fangsong'), starts[i]!, this.baseline(at.slot, size), size);
    });
  }

  /** Atoms set one after the other from x0, on `page`. */
  private drawLine(page: number, line: PlacedAtom[], x0: number, baseline: number, size: number): void {
    const drawn: DrawnAtom[] = [];
    let x = x0;
    for (const atom of line) {
      if (atom.text !== '\n') drawn.push(drawnAt(atom, x));
      x += this.fonts.width(atom.font, atom.text, size);
    }
    this.on(page, () => this.drawAtoms(drawn, baseline, size));
  }

  /** One text object per stretch of atoms in the same font and weight. */
  private drawAtoms(atoms: readonly DrawnAtom[], baseline: number, size: number): void {
    let start = 0;
    for (let k = 1; k <= atoms.length; k++) {
      const first = atoms[start]!;
      const atom = atoms[k];
      if (atom && atom.font === first.font && atom.bold === first.bold) continue;
      drawGlyphRun(this.doc, first.font, size, first.bold, baseline, atoms.slice(start, k));
      start = k;
    }
  }

  private measure(text: string, role: FontRole, size: number): number {
    return this.placed(textAtoms([{ text }], size, false), [{ text }], role).reduce((sum, a) => sum + this.fonts.width(a.font, a.text, size), 0);
  }

  private table(table: DocTable, place: BlockPlacement): void {
    const placement = place.table!;
    const heights = placement.rowHeights;
    const widths = table.columnWidths.map((w) => w * MM_TO_PT);
    const xOf = (col: number) => LEFT + widths.slice(0, col).reduce((a, b) => a + b, 0);
    table.rows.forEach((row, r) => {
      for (const cell of row.cells) {
        const x = xOf(cell.col);
        const w = widths.slice(cell.col, cell.col + cell.colspan).reduce((a, b) => a + b, 0);
        // One frame per page the cell's rows are on (header rows are on every page of the table).
        const frames = new Map<number, { top: number; bottom: number }>();
        for (let k = r; k < r + cell.rowspan; k++) {
          for (const spot of placement.rows[k] ?? []) {
            const frame = frames.get(spot.page);
            const top = TOP + spot.y;
            const bottom = top + heights[k]!;
            frames.set(spot.page, frame ? { top: Math.min(frame.top, top), bottom: Math.max(frame.bottom, bottom) } : { top, bottom });
          }
        }
        for (const [framePage, frame] of frames) {
          const height = frame.bottom - frame.top;
          this.on(framePage, () => {
            if (cell.shaded) this.doc.rect(x, frame.top, w, height).fillColor('#d9d9d9').fill().fillColor('black');
            // Set for every frame: on a continuation page, bold text may have changed the width since.
            this.doc.lineWidth(0.5).strokeColor('black').rect(x, frame.top, w, height).stroke();
          });
          this.cellText(framePage, cell, x, frame.top, w, height);
        }
      }
    });
    tableNoteLines(table).forEach((note, i) => {
      const line = this.placed(textAtoms([{ text: note }], SIZES.table, false), [{ text: note }], 'song');
      const at = place.at[i]!;
      this.drawLine(at.page, line, LEFT, this.baseline(at.slot, SIZES.table), SIZES.table);
    });
  }

  private cellText(page: number, cell: DocCell, x: number, y: number, w: number, h: number): void {
    const size = SIZES.table;
    let top = y + (h - cell.lines.length * TABLE_LINE_PT) / 2;
    for (const text of cell.lines) {
      const line = this.placed(textAtoms([{ text, bold: cell.bold }], size, false), [{ text, bold: cell.bold }], 'song');
      const width = line.reduce((sum, a) => sum + this.fonts.width(a.font, a.text, size), 0);
      const left = cell.align === 'center' ? x + (w - width) / 2 : x + CELL_PAD_PT;
      this.drawLine(page, line, left, top + (TABLE_LINE_PT - size) / 2 + size * ASCENT, size);
      top += TABLE_LINE_PT;
    }
  }
}
