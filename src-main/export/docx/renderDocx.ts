import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  Header,
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
  type IRunOptions,
} from 'docx';
import { PAGE, SIZES, type DocBlock, type DocTable, type DocumentModel, type FontRole, type TextRun as ModelRun } from '../../../src-core/index.js';

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
/** 22 lines in 225 mm. */
const LINE_PITCH = twip(((PAGE.typeHeightMm / PAGE.linesPerPage) * 72) / 25.4);
/**
 * 28 characters in 156 mm: body text is set 0.25 pt tighter than 3号 (in twentieths of a point).
 * A character grid would say the same, but LibreOffice and WPS size its cells differently from Word.
 */
const BODY_TRACKING = -5;
const CHAR = twip(SIZES.body);

class DocxBuilder {
  constructor(private readonly fonts: DocxFontNames) {}

  run(text: string, role: FontRole, size: number, extra: Partial<IRunOptions> = {}): TextRun {
    return new TextRun({ text, font: { eastAsia: this.fonts[role], ascii: LATIN, hAnsi: LATIN }, size: half(size), ...extra });
  }

  runs(runs: ModelRun[], role: FontRole, bold = false): TextRun[] {
    return runs.map((r) => this.run(r.text, role, SIZES.body, { bold: bold || r.bold === true, characterSpacing: BODY_TRACKING }));
  }

  bodyParagraph(children: TextRun[], justify = true): Paragraph {
    return new Paragraph({ children, alignment: justify ? AlignmentType.JUSTIFIED : AlignmentType.LEFT, indent: { firstLine: 2 * CHAR } });
  }

  block(block: DocBlock): (Paragraph | Table)[] {
    switch (block.kind) {
      case 'title':
        return [
          new Paragraph({
            children: block.lines.map((line, i) => this.run(line, 'xiaobiaosong', SIZES.title, i > 0 ? { break: 1 } : {})),
            alignment: AlignmentType.CENTER,
          }),
          new Paragraph({ children: [] }),
        ];
      // Outline levels (0-based) give Word's navigation pane the report's outline, and let an import of this file find its headings.
      case 'heading1':
        return [new Paragraph({ children: [this.run(block.text, 'hei', SIZES.body)], indent: { firstLine: 2 * CHAR }, keepNext: true, outlineLevel: 0 })];
      case 'heading2':
        return [new Paragraph({ children: this.runs(block.runs, 'kai'), indent: { firstLine: 2 * CHAR }, keepNext: true, outlineLevel: 1 })];
      case 'heading3':
        return [new Paragraph({ children: this.runs(block.runs, 'fangsong', true), indent: { firstLine: 2 * CHAR }, keepNext: true, outlineLevel: 2 })];
      case 'paragraph':
        return [this.bodyParagraph(this.runs(block.runs, 'fangsong'))];
      case 'listItem':
        return [this.bodyParagraph([this.run(block.marker, 'fangsong', SIZES.body, { characterSpacing: BODY_TRACKING }), ...this.runs(block.runs, 'fangsong')])];
      case 'table':
        return [this.table(block.table), ...block.table.notes.map((n) => new Paragraph({ children: [this.run(n, 'song', SIZES.table)] }))];
      case 'signature':
        return [
          new Paragraph({ children: [] }),
          new Paragraph({ children: [this.run(block.org, 'fangsong', SIZES.body)], alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR } }),
          ...(block.date ? [new Paragraph({ children: [this.run(block.date, 'fangsong', SIZES.body)], alignment: AlignmentType.RIGHT, indent: { right: 4 * CHAR } })] : []),
        ];
    }
  }

  table(table: DocTable): Table {
    const widths = table.columnWidths.map(mm);
    return new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: table.rows.map(
        (row, r) =>
          new TableRow({
            tableHeader: r < table.repeatHeaderRows,
            cantSplit: true,
            children: row.cells.map(
              (cell) =>
                new TableCell({
                  columnSpan: cell.colspan,
                  rowSpan: cell.rowspan,
                  width: { size: widths.slice(cell.col, cell.col + cell.colspan).reduce((a, b) => a + b, 0), type: WidthType.DXA },
                  verticalAlign: VerticalAlignTable.CENTER,
                  ...(cell.shaded ? { shading: { type: ShadingType.CLEAR, fill: 'D9D9D9', color: 'auto' } } : {}),
                  margins: { left: 60, right: 60, top: 30, bottom: 30 },
                  children: [
                    new Paragraph({
                      // Table text keeps its own spacing instead of the page's character grid.
                      children: cell.text ? [this.run(cell.text, 'song', SIZES.table, { bold: cell.bold, snapToGrid: false })] : [],
                      alignment: cell.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
                      spacing: { line: twip(SIZES.table * 1.3), lineRule: LineRuleType.EXACT },
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
    return new Footer({
      children: [
        new Paragraph({
          alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: side === 'odd' ? { right: twip(size) } : { left: twip(size) },
          children: [
            this.run('— ', 'song', size),
            new TextRun({ children: [PageNumber.CURRENT], font: { eastAsia: this.fonts.song, ascii: this.fonts.song, hAnsi: this.fonts.song }, size: half(size) }),
            this.run(' —', 'song', size),
          ],
        }),
      ],
    });
  }

  draftHeader(): Header {
    return new Header({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [this.run('草稿（未通过检查，不得发布）', 'hei', SIZES.pageNumber, { color: 'C00000', bold: true })] })],
    });
  }
}

/** Writes the document model as a Word file: A4, GB/T 9704 margins and grid, the fonts named, none embedded. */
export async function renderDocx(model: DocumentModel, fonts: DocxFontNames = OFFICIAL_DOCX_FONTS): Promise<Buffer> {
  const b = new DocxBuilder(fonts);
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
          run: { font: { eastAsia: fonts.fangsong, ascii: LATIN, hAnsi: LATIN }, size: half(SIZES.body) },
          paragraph: { spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(PAGE.widthMm), height: mm(PAGE.heightMm) },
            margin: { top: mm(PAGE.marginTopMm), bottom: mm(PAGE.marginBottomMm), left: mm(PAGE.marginLeftMm), right: mm(PAGE.marginRightMm), footer: mm(PAGE.marginBottomMm - 7 - 5), header: mm(15) },
          },
          // Exact 28.95 pt line spacing gives the 22 lines; a snapping grid would double-space the title and the tables.
          grid: { type: DocumentGridType.DEFAULT, linePitch: LINE_PITCH },
        },
        ...(header ? { headers: { default: header, even: b.draftHeader() } } : {}),
        footers: { default: b.pageNumberFooter('odd'), even: b.pageNumberFooter('even') },
        children: model.blocks.flatMap((block) => b.block(block)),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
