import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';

/** Independent readers of what the exporter wrote: poppler for PDF, LibreOffice for DOCX. */
export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  words: Word[];
  lines: Word[];
}

/** `pdftotext -raw`: the text in drawing order, so a cell's wrapped label reads as one string. */
export function pdfRawText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-raw', ...range, file, '-'], { encoding: 'utf8' });
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** `pdftotext -bbox-layout`: every word and every line with its box, page by page. */
export function pdfBoxes(file: string): PdfPage[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  for (const page of xml.split('<page ').slice(1)) {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(page);
    const box = (attrs: string) => {
      const n = (k: string) => Number(new RegExp(`${k}="([\\d.-]+)"`).exec(attrs)?.[1]);
      return { xMin: n('xMin'), yMin: n('yMin'), xMax: n('xMax'), yMax: n('yMax') };
    };
    const words = [...page.matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)].map((m) => ({ ...box(m[1]!), text: decode(m[2]!) }));
    const lines = [...page.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)].map((m) => ({
      ...box(m[1]!),
      text: [...m[2]!.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]!)).join(' '),
    }));
    pages.push({ width: Number(size?.[1]), height: Number(size?.[2]), words, lines });
  }
  return pages;
}

export function pdfFonts(file: string): { name: string; embedded: boolean; subset: boolean }[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
  return out.map((line) => {
    const cols = line.trim().split(/\s+/);
    const [emb, sub] = cols.slice(-5, -3);
    return { name: cols[0] ?? '', embedded: emb === 'yes', subset: sub === 'yes' };
  });
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

/** Renders pages to PNG (kept under test-results/ for people to look at). */
export function renderPages(file: string, prefix: string, first: number, last: number): void {
  execFileSync('pdftoppm', ['-r', '70', '-png', '-f', String(first), '-l', String(last), file, prefix]);
}

/** LibreOffice opens the DOCX headless and converts it; a failure throws. Returns the output file. */
export function libreOfficeConvert(file: string, to: 'pdf' | 'txt'): string {
  const outDir = mkdtempSync(join(tmpdir(), 'drs-lo-'));
  const filter = to === 'txt' ? 'txt:Text (encoded):UTF8' : 'pdf';
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${outDir}/profile`, '--convert-to', filter, '--outdir', outDir, file], { encoding: 'utf8', timeout: 180_000 });
  const produced = readdirSync(outDir).find((f) => f.endsWith(`.${to}`));
  if (!produced) throw new Error(`LibreOffice did not convert ${file}`);
  return join(outDir, produced);
}

export function docxPart(file: string, part: string): string {
  const entries = unzipSync(readFileSync(file));
  const data = entries[part];
  if (!data) throw new Error(`${part} is not in ${file}`);
  return strFromU8(data);
}

export function docxParts(file: string): string[] {
  return Object.keys(unzipSync(readFileSync(file)));
}
