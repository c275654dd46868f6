import type { TextRun } from '../report/lexicalText.js';

/**
 * What gets printed, independent of the file format: DOCX and PDF are both drawn from this one
 * model, so the two exports cannot disagree. Sizes are in points, lengths in millimetres.
 */
export interface DocumentModel {
  meta: { title: string; author: string; subject: string; keywords: string[]; createdAt: string };
  /** A report with check errors is exported only as a draft, marked 草稿 on every page. */
  draft: boolean;
  blocks: DocBlock[];
}

/** The draft marks every export prints on a report that fails its checks; import recognises and removes them. */
export const DRAFT_MARK = { watermark: '草稿', notice: '草稿（未通过检查，不得发布）' } as const;

export type DocBlock =
  | { kind: 'title'; text: string; lines: string[] }
  | { kind: 'heading1'; text: string; sectionId: string }
  | { kind: 'heading2'; runs: TextRun[] }
  | { kind: 'heading3'; runs: TextRun[] }
  | { kind: 'paragraph'; runs: TextRun[] }
  | { kind: 'listItem'; marker: string; runs: TextRun[] }
  | { kind: 'table'; table: DocTable }
  | { kind: 'signature'; org: string; date: string | null };

export interface DocCell {
  text: string;
  col: number;
  rowspan: number;
  colspan: number;
  align: 'left' | 'center';
  bold: boolean;
  /** Cells the format leaves blank are shaded grey. */
  shaded: boolean;
  /** A column heading (caption or header), a row label, or neither (a value, a unit, a blank). */
  heading: 'col' | 'row' | null;
  /** The cell's text broken into the lines every export prints. */
  lines: string[];
}

export interface DocTableRow {
  /** Only the cells that start on this row; merged cells are covered by their spans. */
  cells: DocCell[];
  header: boolean;
}

export interface DocTable {
  id: string;
  title: string;
  /** Column widths in millimetres, summing to the type-area width. */
  columnWidths: number[];
  rows: DocTableRow[];
  /** How many leading rows repeat on every page the table spans. */
  repeatHeaderRows: number;
  /** Height of each row in points, tall enough for its cells' lines. */
  rowHeights: number[];
  /**
   * Rows that open a group kept on one page: the table's start (header rows and its first two data
   * rows) and each block caption with its header and first two rows. Maps first row → rows in the group.
   */
  keepTogether: Map<number, number>;
  notes: string[];
}

/**
 * GB/T 9704: A4, margins 37/35/28 mm (top/bottom/left), 225 mm type height, 22 lines × 28 characters
 * of 3号. The standard's 156 mm line is 2 mm short of 28 × 16 pt; Word squeezes the character grid to
 * fit, but LibreOffice (and WPS builds based on its layout) give each character whole grid cells and
 * fall to 14 characters a line. So the line is 158.2 mm (right margin 23.8 mm): 28 characters at
 * full 3号 in every program, the binding margin unchanged.
 */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  marginTopMm: 37,
  marginBottomMm: 35,
  marginLeftMm: 28,
  marginRightMm: 23.8,
  typeWidthMm: 158.2,
  typeHeightMm: 225,
  linesPerPage: 22,
  charsPerLine: 28,
} as const;

/** Chinese type sizes in points: 2号 22, 3号 16, 4号 14, 5号 10.5. */
export const SIZES = { title: 22, body: 16, pageNumber: 14, table: 10.5 } as const;

export const MM_TO_PT = 72 / 25.4;

export type FontRole = 'xiaobiaosong' | 'hei' | 'kai' | 'fangsong' | 'song';
export const FONT_ROLES: readonly FontRole[] = ['xiaobiaosong', 'hei', 'kai', 'fangsong', 'song'];
