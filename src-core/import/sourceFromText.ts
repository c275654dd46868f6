import { displayWidth } from './normalizeText.js';
import type { SourceBlock, SourceCell, SourceDocument, SourceLine } from './sourceDocument.js';

const WIDE_GAP = /\t+| {2,}|\u3000+/;
const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Leading indent in character widths: two spaces make one (half-width) character, a tab four. */
function indentOf(line: string): number {
  const lead = /^[ \t\u3000]*/.exec(line)?.[0] ?? '';
  let spaces = 0;
  for (const c of lead) spaces += c === '\t' ? 4 : c === '\u3000' ? 2 : 1;
  return Math.round(spaces / 2);
}

function pipeCells(line: string): SourceCell[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((text) => ({ text: text.trim(), rowSpan: 1, colSpan: 1 }));
}

/**
 * The width a body line reaches when it wraps: the 80th percentile of the document's single-column
 * lines (table lines are left out, their gaps make them wide). A line within two characters of it is "full".
 */
function bodyWidth(lines: readonly string[]): number {
  const widths = lines
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '' && l.trim().split(WIDE_GAP).length === 1)
    .map((l) => displayWidth(l))
    .sort((a, b) => a - b);
  return widths[Math.floor(widths.length * 0.8)] ?? 0;
}

/**
 * Text copied from a page or a PDF (`pdftotext -layout`), as the blocks recognition reads: each
 * line a SourceLine split into cells at wide gaps, form feeds as page breaks, Markdown pipe tables
 * as SourceTables. Every character of the text is kept in some block.
 */
export function sourceFromText(text: string, fileName: string): SourceDocument {
  const pages = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\f');
  const multiPage = pages.length > 1;
  const blocks: SourceBlock[] = [];
  const full = bodyWidth(pages.flatMap((page) => page.split('\n'))) - 4;
  pages.forEach((pageText, pageIndex) => {
    const lines = pageText.split('\n');
    const page = multiPage ? { page: pageIndex + 1 } : {};
    for (let i = 0; i < lines.length; i++) {
      const raw = lines[i]!;
      if (PIPE_ROW.test(raw) && PIPE_SEPARATOR.test(lines[i + 1] ?? '')) {
        const rows: SourceCell[][] = [pipeCells(raw)];
        i += 2;
        while (i < lines.length && PIPE_ROW.test(lines[i]!)) rows.push(pipeCells(lines[i++]!));
        i--;
        blocks.push({ kind: 'table', rows, ...page });
        continue;
      }
      const trimmed = raw.trim();
      if (trimmed === '') continue;
      const cells = trimmed.split(WIDE_GAP).filter((c) => c !== '');
      const line: SourceLine = {
        kind: 'line',
        text: trimmed.replace(/[ \t\u3000]+/g, ' '),
        cells,
        indent: indentOf(raw),
        full: cells.length === 1 && displayWidth(raw.trimEnd()) >= full,
        ...page,
      };
      blocks.push(line);
    }
  });
  return { kind: 'text', fileName, blocks, notes: [] };
}
