import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  Header,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphStyleOptions,
  type IRunOptions,
} from 'docx';
import {
  CELL_PAD_PT,
  CHAR_PITCH_PT,
  LINE_PITCH_PT,
  PAGE,
  paginate,
  SIZES,
  TABLE_LINE_PT,
  tableNoteLines,
  type BlockPlacement,
  type DocBlock,
  type DocTable,
  type DocumentModel,
  type FontRole,
  type Pagination,
  type TextRun as ModelRun,
  DRAFT_MARK,
} from '../../../src-core/index.js';
import { finishPackage, WATERMARK_MARKER, type PackageParts } from './ooxmlParts.js';

/** The East-Asian font name written for each role (Word substitutes what the reader lacks); digits use Times New Roman. */
export type DocxFontNames = Record<FontRole, string>;

export const OFFICIAL_DOCX_FONTS: DocxFontNames = {
  xiaobiaosong: '方正小标宋简体',
  hei: '黑体',
  kai: '楷体_GB2312',
  fangsong: '仿宋_GB2312',
  song: '宋体',
};

const LATIN = 'Times New Roman';
const half = (pt: number) => Math.round(pt * 2);
/** docx's own converter truncates (210 mm → 11905); Word's A4 is 11906. */
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
const twip = (pt: number) => Math.round(pt * 20);
/** 22 lines in 225 mm: 579 twips, 22 of them 636.9 pt, inside the 637.8 pt type area. */
const LINE_PITCH = Math.floor(LINE_PITCH_PT * 20);
/**
 * 28 characters a line: the grid's character pitch, written (as Word does) as its difference from the
 * 3号 body size in 1/4096 pt, a little under the exact pitch so that 28 cells surely fit the line.
 */
const CHAR_SPACE = Math.floor((CHAR_PITCH_PT - SIZES.body) * 4096) - 8;
const CHAR = twip(SIZES.body);
/** LibreOffice adds a row's 0.5 pt border to its exact height; the PDF's rows include it. */
const ROW_BORDER_PT = 0.5;

/** Paragraph styles: Word shows them as 正文, 标题, 标题 1–3; the headings carry outline levels for the navigation pane and a TOC. */
const STYLE = { title: 'Title', heading1: 'Heading1', heading2: 'Heading2', heading3: 'Heading3', tableText: 'TableText', note: 'TableNote', signature: 'Signature' } as const;

/** A row of a keep-together group (caption, header and first two rows) other than the group's last. */
function keptWithNextRow(table: DocTable, r: number): boolean {
  return [...table.keepTogether].some(([first, size]) => r >= first && r < first + size - 1);
}

class DocxBuilder {
  constructor(
    private readonly fonts: DocxFontNames,
    private readonly pagination: Pagination,
  ) {}

  run(text: string, role: FontRole | null, extra: Partial<IRunOptions> = {}): TextRun {
    return new TextRun({ text, ...(role ? { font: { eastAsia: this.fonts[role], ascii: LATIN, hAnsi: LATIN, hint: 'eastAsia' } } : {}), ...extra });
  }

  runs(runs: ModelRun[]): TextRun[] {
    return runs.map((r) => this.run(r.text, null, r.bold ? { bold: true } : {}));
  }

  block(block: DocBlock, index: number): (Paragraph | Table)[] {
    const place = this.pagination.blocks[index]!;
    const pageBreakBefore = place.startsPage;
    switch (block.kind) {
      case 'title':
        return [
          new Paragraph({ style: STYLE.title, pageBreakBefore, children: block.lines.map((line, i) => this.run(line, null, i > 0 ? { break: 1 } : {})) }),
          new Paragraph({ children: [] }),
        ];
      case 'heading1':
        return [new Paragraph({ style: STYLE.heading1, pageBreakBefore, children: [this.run(block.text, null)] })];
      case 'heading2':
        return [new Paragraph({ style: STYLE.heading2, pageBreakBefore, children: this.runs(block.runs) })];
      case 'heading3':
        return [new Paragraph({ style: STYLE.heading3, pageBreakBefore, children: this.runs(block.runs) })];
      case 'paragraph':
        return [new Paragraph({ pageBreakBefore, children: this.runs(block.runs) })];
      case 'listItem':
        return [new Paragraph({ pageBreakBefore, children: [this.run(block.marker, null), ...this.runs(block.runs)] })];
      case 'table':
        return [
          this.table(block.table, place),
          ...tableNoteLines(block.table).map((n) => new Paragraph({ style: STYLE.note, keepNext: place.table!.keptWithNext !== undefined, children: [this.run(n, null)] })),
        ];
      case 'signature':
        return [
          new Paragraph({ pageBreakBefore, keepNext: true, children: [] }),
          new Paragraph({ style: STYLE.signature, keepNext: block.date !== null, children: [this.run(block.org, null)] }),
          ...(block.date ? [new Paragraph({ style: STYLE.signature, children: [this.run(block.date, null)] })] : []),
        ];
    }
  }

  /**
   * A table as the PDF prints it: the same column widths, merges, line breaks in the cells and row
   * heights (exact), header rows repeated, rows never split, and the same page breaks.
   */
  table(table: DocTable, place: BlockPlacement): Table {
    const widths = table.columnWidths.map(mm);
    const heights = place.table!.rowHeights;
    return new Table({
      style: 'TableGrid',
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: table.rows.map(
        (row, r) =>
          new TableRow({
            tableHeader: r < table.repeatHeaderRows,
            cantSplit: true,
            height: { value: twip(heights[r]! - ROW_BORDER_PT), rule: HeightRule.EXACT },
            children: row.cells.map(
              (cell, c) =>
                new TableCell({
                  columnSpan: cell.colspan,
                  rowSpan: cell.rowspan,
                  width: { size: widths.slice(cell.col, cell.col + cell.colspan).reduce((a, b) => a + b, 0), type: WidthType.DXA },
                  verticalAlign: VerticalAlignTable.CENTER,
                  ...(cell.shaded ? { shading: { type: ShadingType.CLEAR, fill: 'D9D9D9', color: 'auto' } } : {}),
                  margins: { left: twip(CELL_PAD_PT), right: twip(CELL_PAD_PT), top: 0, bottom: 0 },
                  children: [
                    new Paragraph({
                      style: STYLE.tableText,
                      // Word and LibreOffice move the whole table to the next page for a break before its first cell.
                      pageBreakBefore: r === 0 && c === 0 && place.startsPage,
                      // A caption or header stays with its first two rows wherever the text above ends; the rows
                      // that share the signature's page are kept with it (and so move with it, as in the PDF).
                      keepNext: keptWithNextRow(table, r) || r >= (place.table!.keptWithNext ?? Infinity),
                      children: cell.lines.map((line, i) => this.run(line, null, { bold: cell.bold, ...(i > 0 ? { break: 1 } : {}) })),
                      alignment: cell.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
                    }),
                  ],
                }),
            ),
          }),
      ),
    });
  }

  pageNumberFooter(side: 'odd' | 'even'): Footer {
    const size = SIZES.pageNumber;
    const font = { eastAsia: this.fonts.song, ascii: LATIN, hAnsi: LATIN };
    return new Footer({
      children: [
        new Paragraph({
          alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: side === 'odd' ? { right: twip(size) } : { left: twip(size) },
          spacing: { line: twip(size * 1.2), lineRule: LineRuleType.EXACT },
          children: [
            new TextRun({ text: '— ', font, size: half(size), snapToGrid: false }),
            new TextRun({ children: [PageNumber.CURRENT], font, size: half(size), snapToGrid: false }),
            new TextRun({ text: ' —', font, size: half(size), snapToGrid: false }),
          ],
        }),
      ],
    });
  }

  /** The draft header line, and the 草稿 watermark behind the text (written in by finishPackage). */
  draftHeader(): Header {
    return new Header({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun(WATERMARK_MARKER), this.run(DRAFT_MARK.notice, 'hei', { size: half(SIZES.pageNumber), color: 'C00000', bold: true })],
        }),
      ],
    });
  }
}

function paragraphStyles(fonts: DocxFontNames): IParagraphStyleOptions[] {
  const font = (role: FontRole) => ({ eastAsia: fonts[role], ascii: LATIN, hAnsi: LATIN, hint: 'eastAsia' as const });
  const heading = (id: string, name: string, role: FontRole, level: number, bold: boolean): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: font(role), size: half(SIZES.body), bold },
    paragraph: { outlineLevel: level, keepNext: true, keepLines: true },
  });
  return [
    {
      id: 'Normal',
      name: 'Normal',
      quickFormat: true,
      run: { font: font('fangsong'), size: half(SIZES.body), language: { value: 'en-US', eastAsia: 'zh-CN' } },
      paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 2 * CHAR }, spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
    },
    {
      id: STYLE.title,
      name: 'Title',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: font('xiaobiaosong'), size: half(SIZES.title) },
      // One grid line per title line, as in the PDF: the title keeps its own spacing off the character grid.
      paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, keepNext: true },
    },
    heading(STYLE.heading1, 'heading 1', 'hei', 0, false),
    heading(STYLE.heading2, 'heading 2', 'kai', 1, false),
    heading(STYLE.heading3, 'heading 3', 'fangsong', 2, true),
    {
      id: STYLE.tableText,
      name: 'Table Text',
      basedOn: 'Normal',
      run: { font: font('song'), size: half(SIZES.table) },
      paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { line: twip(TABLE_LINE_PT), lineRule: LineRuleType.EXACT } },
    },
    {
      id: STYLE.note,
      name: 'Table Note',
      basedOn: 'Normal',
      next: 'Normal',
      run: { font: font('song'), size: half(SIZES.table) },
      paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0 } },
    },
    {
      id: STYLE.signature,
      name: 'Signature',
      basedOn: 'Normal',
      next: 'Normal',
      paragraph: { alignment: AlignmentType.RIGHT, indent: { firstLine: 0, right: 4 * CHAR } },
    },
  ];
}

/**
 * Writes the document model as a Word file on the GB/T 9704 page: a 22 × 28 document grid, real
 * styles with outline levels, the fonts named with substitution hints (none embedded), the PDF's
 * page breaks and table layout, page numbers on the outer side and a watermark on a draft.
 */
export async function renderDocx(model: DocumentModel, fonts: DocxFontNames = OFFICIAL_DOCX_FONTS): Promise<Buffer> {
  const pagination = paginate(model);
  const b = new DocxBuilder(fonts, pagination);
  const header = model.draft ? b.draftHeader() : undefined;
  const doc = new Document({
    title: model.meta.title,
    creator: model.meta.author,
    lastModifiedBy: model.meta.author,
    subject: model.meta.subject,
    keywords: model.meta.keywords.join(', '),
    description: model.draft ? '草稿' : model.meta.subject,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: { eastAsia: fonts.fangsong, ascii: LATIN, hAnsi: LATIN }, size: half(SIZES.body), language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT } },
        },
      },
      paragraphStyles: paragraphStyles(fonts),
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(PAGE.widthMm), height: mm(PAGE.heightMm) },
            margin: { top: mm(PAGE.marginTopMm), bottom: mm(PAGE.marginBottomMm), left: mm(PAGE.marginLeftMm), right: mm(PAGE.marginRightMm), footer: mm(PAGE.marginBottomMm - 7 - 6), header: mm(15) },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH, charSpace: CHAR_SPACE },
        },
        ...(header ? { headers: { default: header, even: b.draftHeader() } } : {}),
        footers: { default: b.pageNumberFooter('odd'), even: b.pageNumberFooter('even') },
        children: model.blocks.flatMap((block, index) => b.block(block, index)),
      },
    ],
  });
  return finishPackage(compileParts(doc), {
    fonts,
    latin: LATIN,
    watermark: model.draft ? '草稿' : null,
    // Body text snaps to the 22 × 28 grid; the title, the tables and the notes keep their own spacing.
    paragraphFlags: { Normal: ['<w:widowControl/>'], [STYLE.title]: ['<w:snapToGrid w:val="0"/>'], [STYLE.tableText]: ['<w:widowControl w:val="0"/>', '<w:snapToGrid w:val="0"/>'], [STYLE.note]: ['<w:snapToGrid w:val="0"/>'] },
  });
}

/**
 * The package's files before they are zipped, from the compiler Packer runs first: finishPackage patches them and
 * zips once (Packer.toBuffer zips, and patching its output meant unzipping and zipping again, ~40 ms). docx keeps
 * its compiler private, so its version is pinned in package.json and the DOCX tests read every patched part back.
 */
function compileParts(doc: Document): PackageParts {
  return (Packer as unknown as { compiler: { compile(file: Document): PackageParts } }).compiler.compile(doc);
}
