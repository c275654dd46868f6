import type { TextRun } from '../report/lexicalText.js';
import { MM_TO_PT, PAGE, SIZES } from './documentModel.js';
import { breakLines, splitAtoms, type Atom } from './lineBreaking.js';

/** The type area and its grid in points: 22 lines fill 225 mm, 28 characters fill 156 mm. */
export const TYPE_WIDTH_PT = PAGE.typeWidthMm * MM_TO_PT;
export const TYPE_HEIGHT_PT = PAGE.typeHeightMm * MM_TO_PT;
export const LINE_PITCH_PT = TYPE_HEIGHT_PT / PAGE.linesPerPage;
export const CHAR_PITCH_PT = TYPE_WIDTH_PT / PAGE.charsPerLine;
/** Table text: 5号 on 1.3 line spacing, with a padding inside each cell. */
export const TABLE_LINE_PT = SIZES.table * 1.3;
export const CELL_PAD_PT = 3;

/** A full-width character: it takes one cell of the character grid. */
export const isWide = (text: string) => /^[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\u3000-\u303F\u2014\u2018-\u201D\u2026]$/u.test(text);

/**
 * Width of a Latin character in ems, rounded up over the fonts the exports use (Times New Roman,
 * Noto CJK, the 方正/中易 fonts' Latin), so a line measured here never overflows when drawn.
 */
function latinEm(ch: string): number {
  if (/\s/.test(ch)) return 0.3;
  if (/[0-9]/.test(ch)) return 0.6;
  if (/[A-Z@%&#MW]/.test(ch)) return 0.75;
  if (/[a-z]/.test(ch)) return 0.6;
  if (/[.,:;'!|]/.test(ch)) return 0.35;
  return 0.6;
}

/** An atom of a run of text, and which run it came from (for its bold). */
export interface RunAtom extends Atom {
  run: number;
}

/**
 * The width every export reserves for an atom: on the character grid a full-width character is one
 * grid cell and Latin text whole cells; elsewhere one em, and Latin text its rounded-up estimate. One measure for PDF, DOCX
 * and the page preview keeps their line breaks and page breaks the same.
 */
export function atomWidth(text: string, size: number, grid: boolean): number {
  const cell = CHAR_PITCH_PT * (size / SIZES.body);
  if (isWide(text)) return grid ? cell : size;
  const natural = [...text].reduce((sum, ch) => sum + (isWide(ch) ? size : latinEm(ch) * size), 0);
  // On the character grid a word or number takes whole cells, as Word, WPS and LibreOffice set it.
  return grid ? Math.max(1, Math.ceil(natural / cell - 0.1)) * cell : natural;
}

export function textAtoms(runs: readonly TextRun[], size: number, grid: boolean): RunAtom[] {
  return runs.flatMap((run, index) => splitAtoms(run.text).map((text) => ({ text, run: index, width: text === '\n' ? 0 : atomWidth(text, size, grid), space: /^\s$/.test(text) })));
}

/** The lines of a body paragraph (3号, on the grid), the first indented by `indentChars` characters; commas and stops hang. */
export function paragraphLines(runs: readonly TextRun[], indentChars: number): RunAtom[][] {
  return breakLines(textAtoms(runs, SIZES.body, true), TYPE_WIDTH_PT, TYPE_WIDTH_PT - indentChars * CHAR_PITCH_PT, true) as RunAtom[][];
}

/**
 * The lines of a table cell's text. Centred cells (headers) get balanced lines; no cell leaves one
 * character alone on its last line when its text has more than three ("本年制发件/数" becomes
 * "本年制/发件数").
 */
export function cellLines(text: string, widthPt: number, balanced: boolean): string[] {
  const atoms = textAtoms([{ text }], SIZES.table, false);
  const available = Math.max(SIZES.table, widthPt - 2 * CELL_PAD_PT);
  let lines = breakLines(atoms, available);
  const lonely = lines.length > 1 && (lines.at(-1)?.length ?? 0) === 1;
  if (lines.length > 1 && (balanced || lonely)) {
    const total = atoms.reduce((sum, a) => sum + a.width, 0);
    // Narrow the measure until the lines are as even as the same number of lines allows.
    for (let width = total / lines.length; width < available; width += SIZES.table / 4) {
      const even = breakLines(atoms, width);
      if (even.length === lines.length && (even.at(-1)?.length ?? 0) > 1) {
        lines = even;
        break;
      }
    }
  }
  return lines.map((line) => line.map((a) => a.text).join(''));
}
