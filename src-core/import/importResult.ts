import type { Localized } from '../i18n/locale.js';
import type { Report } from '../report/reportSchema.js';

/**
 * What recognition made of a source document, shown to the user before anything is saved.
 * Nothing read from the file is dropped silently: it is placed (sections, cells) or listed as unplaced.
 */
export interface ImportReport {
  fileName: string;
  /** The format chosen, with why (cited notice, table labels, year, or the user's --template). */
  templateId: string;
  year: number | null;
  orgName: string | null;
  sections: ImportedSection[];
  cells: ImportedCell[];
  /** Text, numbers or tables that could not be placed, each with its text, for the user to place or drop. */
  unplaced: UnplacedItem[];
  /** Cells of the format's tables that the source did not give (left blank, never 0). */
  missingCells: { tableId: string; rowId: string; colId: string; label: Localized }[];
  /** Web-copy junk and chrome removed from the text (pinyin after characters, 【字体：大 中 小】…), each listed. */
  removed: { text: string; reason: Localized }[];
  /** Everything recognition assumed: format, year, traditional→simplified conversion, merged outline… */
  assumptions: Localized[];
}

export interface ImportedSection {
  sectionId: string;
  /** The heading as it stood in the source (may be a variant, an alias or misnumbered). */
  sourceHeading: string | null;
  paragraphs: number;
  characters: number;
  /** Where the text came from, e.g. "第 2–3 页" or "段落 5–12". */
  from: Localized;
}

export interface ImportedCell {
  tableId: string;
  rowId: string;
  colId: string;
  value: number | string | null;
  /** The source text the value was read from ("22（其中修订16件）", "/", "1,234"). */
  sourceText: string;
  /** A note kept from the cell (e.g. "其中修订16件"). */
  note?: string;
}

export interface UnplacedItem {
  kind: 'paragraph' | 'number' | 'table';
  text: string;
  /** Where it stood in the source (page, paragraph), for finding it. */
  where: Localized;
  /** Why it was not placed. */
  reason: Localized;
}

export type ImportResult = { ok: true; report: Report; importReport: ImportReport } | { ok: false; message: Localized };
