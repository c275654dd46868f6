import PDFDocument from 'pdfkit';
import {
  breakLines,
  joinsPrevious,
  MM_TO_PT,
  PAGE,
  SIZES,
  splitAtoms,
  type Atom,
  type DocBlock,
  type DocCell,
  type DocTable,
  type DocumentModel,
  type FontRole,
  type TextRun,
} from '../../../src-core/index.js';
import type { FontSet, PdfFont } from './fontSet.js';

type Doc = InstanceType<typeof PDFDocument>;

const TOP = PAGE.marginTopMm * MM_TO_PT;
const LEFT = PAGE.marginLeftMm * MM_TO_PT;
const TYPE_WIDTH = PAGE.typeWidthMm * MM_TO_PT;
const TYPE_HEIGHT = PAGE.typeHeightMm * MM_TO_PT;
const BOTTOM = TOP + TYPE_HEIGHT;
/** 22 lines fill the 225 mm type area; 28 characters fill the 156 mm line. */
const LINE_PITCH = TYPE_HEIGHT / PAGE.linesPerPage;
const CHAR_PITCH = TYPE_WIDTH / PAGE.charsPerLine;
const ASCENT = 0.88;
const CELL_PAD = 3;
const TABLE_LINE = SIZES.table * 1.3;

interface PlacedAtom extends Atom {
  font: PdfFont;
  bold: boolean;
  /** A full-width character on the 28-per-line grid. */
  grid: boolean;
}

export interface PdfProgress {
  (done: number, total: number): void;
}

const isWide = (text: string) => /^[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\u3000-\u303F\u2014\u2018-\u201D\u2026]$/u.test(text);

/**
 * Draws the document model as a PDF laid out per GB/T 9704: every body line on the 22-line grid,
 * tables with repeated header rows and unsplit rows, page numbers on the outer side.
 */
export async function renderPdf(model: DocumentModel, fonts: FontSet, onProgress: PdfProgress = () => undefined): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
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

  const layout = new Layout(doc, fonts);
  model.blocks.forEach((block, index) => {
    layout.block(block, model.blocks[index + 1]);
    onProgress(index + 1, model.blocks.length);
  });
  layout.finishPages(model.draft);
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

class Layout {
  /** The next free line slot on the current page (0…21). */
  private slot = 0;

  constructor(
    private readonly doc: Doc,
    private readonly fonts: FontSet,
  ) {}

  block(block: DocBlock, next: DocBlock | undefined): void {
    switch (block.kind) {
      case 'title':
        return this.title(block.lines);
      case 'heading1':
        this.keepWithNext(next);
        return this.paragraph([{ text: block.text }], 'hei', { indent: 2, justify: false });
      case 'heading2':
        this.keepWithNext(next);
        return this.paragraph(block.runs, 'kai', { indent: 2, justify: false });
      case 'heading3':
        this.keepWithNext(next);
        return this.paragraph(block.runs.map((r) => ({ ...r, bold: true })), 'fangsong', { indent: 2, justify: false });
      case 'paragraph':
        return this.paragraph(block.runs, 'fangsong', { indent: 2, justify: true });
      case 'listItem':
        return this.paragraph([{ text: `${block.marker}` }, ...block.runs], 'fangsong', { indent: 2, justify: true });
      case 'table':
        return this.table(block.table);
      case 'signature':
        return this.signature(block.org, block.date);
    }
  }

  /** Draws page numbers ("— N —", outer side) and, for a draft, the 草稿 watermark on every page. */
  finishPages(draft: boolean): void {
    const range = this.doc.bufferedPageRange();
    const font = this.fonts.role('song');
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const label = `— ${i + 1} —`;
      const size = SIZES.pageNumber;
      const width = this.measure(label, 'song', size);
      const odd = (i + 1) % 2 === 1;
      const x = odd ? LEFT + TYPE_WIDTH - size - width : LEFT + size;
      this.draw(label, font, x, BOTTOM + 7 * MM_TO_PT + size * ASCENT, size, false);
      if (draft) this.watermark('草稿');
    }
  }

  /** A large grey diagonal mark across the type area, under nothing and over everything. */
  private watermark(text: string): void {
    const size = 150;
    const hei = this.fonts.role('hei');
    const cx = LEFT + TYPE_WIDTH / 2;
    const cy = TOP + TYPE_HEIGHT / 2;
    const width = this.fonts.width(hei, text, size);
    this.doc.save();
    this.doc.translate(cx, cy).rotate(-45, { origin: [0, 0] });
    this.doc.fillColor('#808080').fillOpacity(0.3);
    let x = -width / 2;
    for (const ch of text) {
      this.doc.font(hei.key).fontSize(size).text(ch, x, size * 0.35, { lineBreak: false, baseline: 'alphabetic' });
      x += this.fonts.width(hei, ch, size);
    }
    this.doc.restore();
    this.doc.fillOpacity(1).fillColor('black');
  }

  private newPage(): void {
    this.doc.addPage();
    this.slot = 0;
  }

  private lineTop(): number {
    if (this.slot >= PAGE.linesPerPage) this.newPage();
    return TOP + this.slot * LINE_PITCH;
  }

  /** A heading never ends a page: it needs the next line (or a table's header and first row) below it. */
  private keepWithNext(next: DocBlock | undefined): void {
    const needed = next?.kind === 'table' ? 1 + Math.ceil(this.tableStartHeight(next.table) / LINE_PITCH) : 2;
    if (this.slot + needed > PAGE.linesPerPage && this.slot > 0) this.newPage();
  }

  private atoms(runs: TextRun[], role: FontRole, size: number, grid: boolean): PlacedAtom[] {
    const placed: PlacedAtom[] = [];
    for (const run of runs) {
      for (const text of splitAtoms(run.text)) {
        if (text === '\n') {
          placed.push({ text, width: 0, space: false, font: this.fonts.role(role), bold: false, grid: false });
          continue;
        }
        const font = this.fonts.fontFor(role, text);
        if (!font) continue;
        const wide = grid && isWide(text);
        placed.push({ text, width: wide ? CHAR_PITCH * (size / SIZES.body) : this.fonts.width(font, text, size), space: /^\s$/.test(text), font, bold: run.bold === true, grid: wide });
      }
    }
    return placed;
  }

  private paragraph(runs: TextRun[], role: FontRole, options: { indent: number; justify: boolean }): void {
    const size = SIZES.body;
    const indent = options.indent * CHAR_PITCH;
    const lines = breakLines(this.atoms(runs, role, size, true), TYPE_WIDTH, TYPE_WIDTH - indent) as PlacedAtom[][];
    lines.forEach((line, i) => {
      const top = this.lineTop();
      const start = LEFT + (i === 0 ? indent : 0);
      const available = TYPE_WIDTH - (i === 0 ? indent : 0);
      const natural = line.reduce((sum, a) => sum + a.width, 0);
      const last = i === lines.length - 1;
      const gaps = line.filter((a, k) => k > 0 && !joinsPrevious(line[k - 1]?.text, a.text)).length;
      // Justify, but never open gaps wider than a character: such a line is set flush left instead.
      const spread = options.justify && !last && gaps > 0 ? Math.max(0, (available - natural) / gaps) : 0;
      const gap = spread <= CHAR_PITCH ? spread : 0;
      let x = start;
      line.forEach((atom, k) => {
        if (k > 0 && !joinsPrevious(line[k - 1]?.text, atom.text)) x += gap;
        this.drawAtom(atom, x, top + (LINE_PITCH - size) / 2 + size * ASCENT, size);
        x += atom.width;
      });
      this.slot++;
    });
  }

  private title(lines: string[]): void {
    const size = SIZES.title;
    for (const text of lines) {
      const line = this.atoms([{ text }], 'xiaobiaosong', size, false);
      const width = line.reduce((sum, a) => sum + a.width, 0);
      let x = LEFT + Math.max(0, (TYPE_WIDTH - width) / 2);
      const top = this.lineTop();
      for (const atom of line) {
        this.drawAtom(atom, x, top + (LINE_PITCH - size) / 2 + size * ASCENT, size);
        x += atom.width;
      }
      this.slot++;
    }
    this.slot++;
  }

  private signature(org: string, date: string | null): void {
    this.slot += 1;
    const size = SIZES.body;
    const right = LEFT + TYPE_WIDTH - 4 * CHAR_PITCH;
    const dateWidth = date ? this.measure(date, 'fangsong', size) : 0;
    const orgWidth = this.measure(org, 'fangsong', size);
    const center = date ? right - dateWidth / 2 : right - orgWidth / 2;
    const lines: [string, number][] = [[org, Math.min(center - orgWidth / 2, right - orgWidth)]];
    if (date) lines.push([date, right - dateWidth]);
    for (const [text, x0] of lines) {
      const top = this.lineTop();
      let x = x0;
      for (const atom of this.atoms([{ text }], 'fangsong', size, false)) {
        this.drawAtom(atom, x, top + (LINE_PITCH - size) / 2 + size * ASCENT, size);
        x += atom.width;
      }
      this.slot++;
    }
  }

  private measure(text: string, role: FontRole, size: number): number {
    return this.atoms([{ text }], role, size, false).reduce((sum, a) => sum + a.width, 0);
  }

  private drawAtom(atom: PlacedAtom, x: number, baseline: number, size: number): void {
    if (atom.space || atom.text === '\n') return;
    const advance = this.fonts.width(atom.font, atom.text, size);
    // Full-width characters sit centred in their grid cell (the grid pitch is a little under 1 em).
    const dx = atom.grid ? (atom.width - advance) / 2 : 0;
    this.draw(atom.text, atom.font, x + dx, baseline, size, atom.bold);
  }

  private draw(text: string, font: PdfFont, x: number, baseline: number, size: number, bold: boolean): void {
    this.doc.font(font.key).fontSize(size);
    // Chinese fonts have no bold face; bold is drawn as fill plus a thin stroke, as word processors do.
    if (bold) this.doc.lineWidth(size / 40).strokeColor('black');
    this.doc.text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic', fill: true, stroke: bold });
  }

  private cellLines(cell: DocCell, width: number): PlacedAtom[][] {
    const atoms = this.atoms([{ text: cell.text, bold: cell.bold }], 'song', SIZES.table, false);
    return breakLines(atoms, Math.max(SIZES.table, width - 2 * CELL_PAD)) as PlacedAtom[][];
  }

  private rowHeights(table: DocTable): number[] {
    const widths = table.columnWidths.map((w) => w * MM_TO_PT);
    const span = (c: DocCell) => widths.slice(c.col, c.col + c.colspan).reduce((a, b) => a + b, 0);
    const need = (c: DocCell) => Math.max(1, this.cellLines(c, span(c)).length) * TABLE_LINE + 2 * CELL_PAD;
    const heights = table.rows.map((row) => Math.max(TABLE_LINE + 2 * CELL_PAD, ...row.cells.filter((c) => c.rowspan === 1).map(need)));
    table.rows.forEach((row, r) => {
      for (const c of row.cells.filter((c) => c.rowspan > 1)) {
        const have = heights.slice(r, r + c.rowspan).reduce((a, b) => a + b, 0);
        const short = need(c) - have;
        if (short > 0) heights[r + c.rowspan - 1]! += short;
      }
    });
    return heights;
  }

  private tableStartHeight(table: DocTable): number {
    const heights = this.rowHeights(table);
    return heights.slice(0, table.repeatHeaderRows + 1).reduce((a, b) => a + b, 0);
  }

  private table(table: DocTable): void {
    const heights = this.rowHeights(table);
    const widths = table.columnWidths.map((w) => w * MM_TO_PT);
    const xOf = (col: number) => LEFT + widths.slice(0, col).reduce((a, b) => a + b, 0);
    // Pass 1: place every row on a page; a row that does not fit starts a new page under repeated headers.
    const placement: { page: number; y: number }[][] = table.rows.map(() => []);
    let page = this.doc.bufferedPageRange().start + this.doc.bufferedPageRange().count - 1;
    let y = this.lineTop();
    table.rows.forEach((_, r) => {
      if (y + heights[r]! > BOTTOM && y > TOP) {
        this.newPage();
        page++;
        y = TOP;
        if (r >= table.repeatHeaderRows) {
          for (let h = 0; h < table.repeatHeaderRows; h++) {
            placement[h]!.push({ page, y });
            y += heights[h]!;
          }
        }
      }
      placement[r]!.push({ page, y });
      y += heights[r]!;
    });
    // Pass 2: draw each cell; a merged cell cut by a page break is drawn as one frame per page.
    this.doc.lineWidth(0.5).strokeColor('black');
    table.rows.forEach((row, r) => {
      for (const cell of row.cells) {
        const x = xOf(cell.col);
        const w = widths.slice(cell.col, cell.col + cell.colspan).reduce((a, b) => a + b, 0);
        // One frame per page the cell's rows are on (header rows are on every page of the table).
        const frames = new Map<number, { top: number; bottom: number }>();
        for (let k = r; k < r + cell.rowspan; k++) {
          for (const spot of placement[k] ?? []) {
            const frame = frames.get(spot.page);
            const bottom = spot.y + heights[k]!;
            frames.set(spot.page, frame ? { top: Math.min(frame.top, spot.y), bottom: Math.max(frame.bottom, bottom) } : { top: spot.y, bottom });
          }
        }
        for (const [framePage, frame] of frames) {
          const height = frame.bottom - frame.top;
          this.doc.switchToPage(framePage);
          if (cell.shaded) this.doc.rect(x, frame.top, w, height).fillColor('#d9d9d9').fill().fillColor('black');
          this.doc.rect(x, frame.top, w, height).stroke();
          this.cellText(cell, x, frame.top, w, height);
        }
      }
    });
    this.doc.switchToPage(page);
    // Notes below the table, then back onto the line grid.
    for (const note of table.notes) {
      y += 2;
      let x = LEFT;
      for (const atom of this.atoms([{ text: note }], 'song', SIZES.table, false)) {
        this.drawAtom(atom, x, y + SIZES.table * ASCENT + 2, SIZES.table);
        x += atom.width;
      }
      y += TABLE_LINE;
    }
    this.slot = Math.ceil((y - TOP) / LINE_PITCH - 0.01);
  }

  private cellText(cell: DocCell, x: number, y: number, w: number, h: number): void {
    const lines = this.cellLines(cell, w);
    let top = y + (h - lines.length * TABLE_LINE) / 2;
    for (const line of lines) {
      const width = line.reduce((sum, a) => sum + a.width, 0);
      let left = cell.align === 'center' ? x + (w - width) / 2 : x + CELL_PAD;
      for (const atom of line) {
        this.drawAtom(atom, left, top + (TABLE_LINE - SIZES.table) / 2 + SIZES.table * ASCENT, SIZES.table);
        left += atom.width;
      }
      top += TABLE_LINE;
    }
  }
}
