import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { HANGING_PUNCTUATION } from '../../src-core/document/lineBreaking.js';
import type { SourceLine } from '../../src-core/import/sourceDocument.js';
import { readerMessages } from './readerMessages.js';
import type { ReadResult } from './readResult.js';

/** A PDF that takes longer than this is not a report; the app must not stall on it. */
const PDF_TIME_LIMIT_MS = 15_000;
/** Fewer visible characters per page than this: a scan, whatever stray text it carries. */
const MIN_CHARS_PER_PAGE = 10;

/** One run of text as the PDF draws it, in PDF units (y grows upwards). */
interface Fragment {
  text: string;
  x: number;
  y: number;
  end: number;
  size: number;
  /** Average advance of one character of this run. */
  charWidth: number;
  /** Drawn at an angle (a watermark, a stamp): never part of a horizontal line. */
  rotated: boolean;
}

interface LaidOutLine {
  page: number;
  x: number;
  end: number;
  size: number;
  cells: string[];
}

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
}

/** Turns pdfjs text items into fragments; whitespace-only items (pdfjs's gap fillers, often absurdly wide) are dropped. */
function fragmentsOf(items: readonly PdfTextItem[]): Fragment[] {
  const fragments: Fragment[] = [];
  for (const item of items) {
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b);
    // A run with wide inner spaces holds several columns: keep them as separate cells (marked by a tab).
    const text = item.str.replace(/\s{2,}/g, '\t').trim();
    if (!text || size <= 0) continue;
    const chars = [...text].length;
    const plausible = item.width > 0 && item.width < size * chars * 2;
    const width = plausible ? item.width : size * chars * 0.75;
    fragments.push({ text, x, y, end: x + width, size, charWidth: width / chars, rotated: Math.abs(b) > 1e-3 * size || Math.abs(c) > 1e-3 * size });
  }
  return fragments;
}

/**
 * Fragments on one baseline (within half the smaller font size) make a line; its cells split at gaps
 * of 1.2 characters or more (table headers in narrow columns sit that close). Text drawn at an angle
 * (a 草稿 watermark across the page) comes after the page's lines, each run a line of its own.
 */
function linesOf(fragments: Fragment[], page: number): LaidOutLine[] {
  const angled = fragments.filter((f) => f.rotated).map((f) => ({ page, x: f.x, end: f.end, size: f.size, cells: [f.text.replace(/\t/g, ' ')] }));
  const sorted = fragments.filter((f) => !f.rotated).sort((p, q) => q.y - p.y || p.x - q.x);
  const groups: Fragment[][] = [];
  for (const fragment of sorted) {
    const group = groups.at(-1);
    const first = group?.[0];
    if (group && first && Math.abs(first.y - fragment.y) <= 0.5 * Math.min(first.size, fragment.size)) group.push(fragment);
    else groups.push([fragment]);
  }
  const lines = groups.map((group) => {
    group.sort((p, q) => p.x - q.x);
    const cells: string[] = [];
    let previous: Fragment | undefined;
    for (const fragment of group) {
      // Some producers draw text twice, slightly offset, to fake bold.
      if (previous && fragment.text === previous.text && Math.abs(fragment.x - previous.x) < previous.charWidth) continue;
      const [head = '', ...rest] = fragment.text.split('\t');
      if (!previous) {
        cells.push(head);
      } else {
        const gap = fragment.x - previous.end;
        const unit = Math.max(previous.charWidth, fragment.charWidth);
        if (gap >= 1.2 * unit) cells.push(head);
        else cells[cells.length - 1] += (gap >= 0.4 * unit ? ' ' : '') + head;
      }
      cells.push(...rest);
      previous = fragment;
    }
    const size = group.reduce((best, f) => (f.text.length > best.text.length ? f : best)).size;
    return { page, x: group[0]!.x, end: Math.max(...group.map((f) => f.end)), size, cells };
  });
  return [...lines, ...angled];
}

/** The edge most body lines share (within 1.5 pt): flush lines of a justified page; the extreme value if none is shared. */
function sharedEdge(values: number[], pick: 'left' | 'right'): number {
  const sorted = [...values].sort((p, q) => (pick === 'left' ? p - q : q - p));
  const shared = sorted.find((v) => values.filter((w) => Math.abs(w - v) <= 1.5).length >= 3);
  return shared ?? sorted[0] ?? 0;
}

/** Indent and "reaches the right edge" measured against the body text: the font size with the most characters and its common edges. */
function toSourceLines(lines: LaidOutLine[]): SourceLine[] {
  const charsBySize = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    charsBySize.set(size, (charsBySize.get(size) ?? 0) + line.cells.join('').length);
  }
  const bodySize = [...charsBySize].sort((p, q) => q[1] - p[1])[0]?.[0] ?? 12;
  const body = lines.filter((l) => Math.abs(l.size - bodySize) <= 0.5);
  const left = sharedEdge(body.map((l) => l.x), 'left');
  // A comma or stop may hang past the right edge (Word's default): the edge is where the other lines end.
  const hangs = (l: LaidOutLine) => HANGING_PUNCTUATION.has(l.cells.at(-1)?.at(-1) ?? '');
  const flush = body.filter((l) => !hangs(l));
  const right = sharedEdge((flush.length > 0 ? flush : body).map((l) => l.end), 'right');
  return lines.map((line) => ({
    kind: 'line',
    text: line.cells.join(' '),
    cells: line.cells,
    indent: Math.max(0, Math.round(((line.x - left) / bodySize) * 10) / 10),
    full: line.end >= right - bodySize,
    page: line.page,
  }));
}

const pdfjsFolder = () => dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Lines of every page, top to bottom, from the PDF's text layer (pdfjs, no worker, no fonts, no network). */
async function extractLines(data: Uint8Array, deadline: AbortSignal): Promise<{ pages: number; lines: LaidOutLine[] }> {
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const folder = pdfjsFolder();
  const task = getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: VerbosityLevel.ERRORS,
    // CJK PDFs use Adobe's predefined CMaps; pdfjs reads them from its own folder (a path, not a URL, in Node).
    cMapUrl: join(folder, 'cmaps') + sep,
    cMapPacked: true,
    standardFontDataUrl: join(folder, 'standard_fonts') + sep,
  });
  deadline.addEventListener('abort', () => void task.destroy());
  try {
    const doc = await task.promise;
    const lines: LaidOutLine[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      deadline.throwIfAborted();
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      lines.push(...linesOf(fragmentsOf(content.items.flatMap((i): PdfTextItem[] => ('str' in i ? [{ str: i.str, transform: i.transform as number[], width: i.width }] : []))), n));
      page.cleanup();
    }
    return { pages: doc.numPages, lines };
  } finally {
    await task.destroy();
  }
}

/**
 * Reads a PDF's text layer as visual lines split into cells at wide gaps, with their indent and page;
 * every line is kept (page numbers too: recognition decides what is junk). Scans are refused.
 */
export async function readPdf(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  const deadline = AbortSignal.timeout(PDF_TIME_LIMIT_MS);
  let extracted;
  try {
    // pdfjs takes the buffer over; it gets its own copy.
    extracted = await extractLines(new Uint8Array(bytes), deadline);
  } catch (error) {
    if (deadline.aborted) return { ok: false, message: readerMessages.tooSlow(fileName, PDF_TIME_LIMIT_MS / 1000) };
    const name = (error as { name?: string } | undefined)?.name;
    return { ok: false, message: name === 'PasswordException' ? readerMessages.encryptedPdf(fileName) : readerMessages.brokenPdf(fileName) };
  }
  const characters = extracted.lines.reduce((sum, line) => sum + line.cells.join('').length, 0);
  if (characters < MIN_CHARS_PER_PAGE * extracted.pages) return { ok: false, message: readerMessages.pdfWithoutText(fileName) };
  return {
    ok: true,
    source: {
      kind: 'pdf',
      fileName,
      blocks: toSourceLines(extracted.lines),
      notes: [{ 'zh-CN': `已读取 PDF 文字层，共 ${extracted.pages} 页。`, en: `Read the PDF's text layer, ${extracted.pages} page(s).` }],
    },
  };
}
