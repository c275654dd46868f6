import type { Localized } from '../i18n/locale.js';

/**
 * What a file reader (src-main/import/readers) hands to recognition (src-core/import): the text of
 * a report as blocks, in reading order, with no knowledge of report formats. Readers keep every
 * character they read; recognition decides what is heading, body, table or junk.
 */
export type SourceBlock = SourceParagraph | SourceLine | SourceTable;

/** A paragraph of flowing text (DOCX, HTML, plain text separated by blank lines). */
export interface SourceParagraph {
  kind: 'paragraph';
  text: string;
  /** Heading or outline level the file itself declares (Word outline level / heading style, <h1>–<h6>), 1 = top. */
  level?: number;
  /** Page number (1-based) where the file has pages. */
  page?: number;
}

/**
 * One visual line of laid-out text (a PDF text layer, or `pdftotext -layout` output pasted as .txt):
 * lines still have to be joined into paragraphs, and runs of lines with numbers may be table rows.
 */
export interface SourceLine {
  kind: 'line';
  /** The whole line, fragments joined by one space where they were apart. */
  text: string;
  /** The line split at wide gaps (two or more character widths): table columns show up as separate cells. */
  cells: string[];
  /** Left indent of the line in character widths from the text block's left edge (0 = flush). */
  indent: number;
  /** True when the line reaches (about) the right edge of the text block: a wrapped body line continues on the next. */
  full: boolean;
  page?: number;
}

/** A real table (DOCX <w:tbl>, HTML <table>, a Markdown pipe table): rows of cells with their spans. */
export interface SourceTable {
  kind: 'table';
  /** Rows as written in the file: each cell once, where it starts, with its spans (as HTML). */
  rows: SourceCell[][];
  page?: number;
}

export interface SourceCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

export type SourceKind = 'docx' | 'doc' | 'html' | 'pdf' | 'text';

export interface SourceDocument {
  kind: SourceKind;
  /** The file's name (no folder), for the import report. */
  fileName: string;
  blocks: SourceBlock[];
  /** What the reader assumed or converted (charset detected, .doc converted by LibreOffice, pages read …). */
  notes: Localized[];
}
