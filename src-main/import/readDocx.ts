import type { ChildNode, Element } from 'domhandler';
import { unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import type { Localized } from '../../src-core/index.js';
import type { SourceBlock, SourceCell, SourceDocument, SourceParagraph, SourceTable } from '../../src-core/import/sourceDocument.js';
import { NumberingCounters, type NumberingLevel } from './ooxmlNumbering.js';
import { readerMessages } from './readerMessages.js';
import type { ReadResult } from './readResult.js';

/** The parts a report's text lives in; headers and footers hold page numbers and banners, not report text. */
const PARTS = ['word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'word/footnotes.xml', 'word/endnotes.xml'] as const;
/** Zip-bomb bounds: a report's document.xml is a few MB; a zip listing this many entries is not a report. */
const MAX_UNPACKED = 200 * 1024 * 1024;
const MAX_ENTRIES = 20_000;

/** Element names without their namespace prefix ("w:p" → "p"): producers may choose other prefixes. */
const local = (el: Element) => el.name.slice(el.name.indexOf(':') + 1);
const elements = (node: Element | { children: ChildNode[] }) => node.children.filter((c): c is Element => c.type === 'tag');
const child = (el: Element | undefined, name: string) => (el ? elements(el).find((c) => local(c) === name) : undefined);
/** A w:val-style attribute, whatever the prefix. */
function attr(el: Element | undefined, name: string): string | undefined {
  if (!el) return undefined;
  for (const [key, value] of Object.entries(el.attribs)) if (key.slice(key.indexOf(':') + 1) === name) return value;
  return undefined;
}

interface StyleInfo {
  basedOn?: string;
  outlineLevel?: number;
  headingLevel?: number;
  numId?: string;
  ilvl?: number;
}

function parseStyles(xml: string | undefined): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!xml) return styles;
  for (const style of elements(parseDocument(xml, { xmlMode: true })).flatMap((root) => elements(root)).filter((e) => local(e) === 'style')) {
    const id = attr(style, 'styleId');
    if (!id) continue;
    const pPr = child(style, 'pPr');
    const numPr = child(pPr, 'numPr');
    const heading = /^heading (\d)$/i.exec(attr(child(style, 'name'), 'val') ?? '');
    const outline = attr(child(pPr, 'outlineLvl'), 'val');
    styles.set(id, {
      basedOn: attr(child(style, 'basedOn'), 'val'),
      outlineLevel: outline === undefined ? undefined : Number(outline),
      headingLevel: heading ? Number(heading[1]) : undefined,
      numId: attr(child(numPr, 'numId'), 'val'),
      ilvl: numPr ? Number(attr(child(numPr, 'ilvl'), 'val') ?? 0) : undefined,
    });
  }
  return styles;
}

function parseNumbering(xml: string | undefined): (numId: string) => NumberingLevel[] | undefined {
  if (!xml) return () => undefined;
  const root = elements(parseDocument(xml, { xmlMode: true })).flatMap((r) => elements(r));
  const abstract = new Map<string, NumberingLevel[]>();
  for (const def of root.filter((e) => local(e) === 'abstractNum')) {
    const levels: NumberingLevel[] = [];
    for (const lvl of elements(def).filter((e) => local(e) === 'lvl')) {
      const suffix = attr(child(lvl, 'suff'), 'val');
      levels[Number(attr(lvl, 'ilvl') ?? 0)] = {
        start: Number(attr(child(lvl, 'start'), 'val') ?? 1),
        format: attr(child(lvl, 'numFmt'), 'val') ?? 'decimal',
        text: attr(child(lvl, 'lvlText'), 'val') ?? '',
        suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
      };
    }
    abstract.set(attr(def, 'abstractNumId') ?? '', levels);
  }
  const instances = new Map<string, NumberingLevel[]>();
  for (const num of root.filter((e) => local(e) === 'num')) {
    const levels = abstract.get(attr(child(num, 'abstractNumId'), 'val') ?? '');
    if (levels) instances.set(attr(num, 'numId') ?? '', levels);
  }
  return (numId) => instances.get(numId);
}

/** Footnotes and endnotes by id, their separators left out. */
function parseNotes(xml: string | undefined): Map<string, Element> {
  const notes = new Map<string, Element>();
  if (!xml) return notes;
  for (const note of elements(parseDocument(xml, { xmlMode: true })).flatMap((r) => elements(r))) {
    const type = attr(note, 'type');
    if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
    notes.set(`${local(note)}:${attr(note, 'id') ?? ''}`, note);
  }
  return notes;
}

class DocxWalker {
  readonly noteRefs: string[] = [];
  private readonly numbering: NumberingCounters;

  constructor(
    private readonly styles: Map<string, StyleInfo>,
    levelsOf: (numId: string) => NumberingLevel[] | undefined,
  ) {
    this.numbering = new NumberingCounters(levelsOf);
  }

  /** Body, cell, text box or note content: paragraphs and tables in order; text boxes follow their anchor paragraph. */
  blocks(container: Element, out: SourceBlock[]): void {
    for (const el of elements(container)) {
      switch (local(el)) {
        case 'p': {
          const boxes: Element[] = [];
          const paragraph = this.paragraph(el, boxes);
          if (paragraph.text) out.push(paragraph);
          for (const box of boxes) this.blocks(box, out);
          break;
        }
        case 'tbl':
          out.push(this.table(el));
          break;
        case 'sdt':
          this.blocks(child(el, 'sdtContent') ?? el, out);
          break;
        case 'customXml':
        case 'ins':
        case 'moveTo':
          this.blocks(el, out);
          break;
      }
    }
  }

  private styleChain(id: string | undefined): StyleInfo[] {
    const chain: StyleInfo[] = [];
    for (let next = id; next && chain.length < 20; ) {
      const style = this.styles.get(next);
      if (!style) break;
      chain.push(style);
      next = style.basedOn;
    }
    return chain;
  }

  private paragraph(p: Element, boxes: Element[]): SourceParagraph {
    const pPr = child(p, 'pPr');
    const chain = this.styleChain(attr(child(pPr, 'pStyle'), 'val'));
    const direct = attr(child(pPr, 'outlineLvl'), 'val');
    const outline = direct !== undefined ? Number(direct) : chain.find((s) => s.outlineLevel !== undefined)?.outlineLevel;
    // OOXML outline levels are 0-based and 9 means body text.
    const level = outline !== undefined ? (outline < 9 ? outline + 1 : undefined) : chain.find((s) => s.headingLevel !== undefined)?.headingLevel;

    const numPr = child(pPr, 'numPr');
    const numId = numPr ? attr(child(numPr, 'numId'), 'val') : chain.find((s) => s.numId !== undefined)?.numId;
    const ilvl = numPr ? Number(attr(child(numPr, 'ilvl'), 'val') ?? 0) : (chain.find((s) => s.numId !== undefined)?.ilvl ?? 0);
    const number = numId && numId !== '0' ? this.numbering.next(numId, ilvl) : '';

    const text = (number + this.inlineText(p, boxes)).replace(/[ \t]*\n[ \t]*/g, '\n').trim();
    return level === undefined ? { kind: 'paragraph', text } : { kind: 'paragraph', text, level };
  }

  /** The text of a paragraph's runs: tabs as spaces, line breaks as newlines, deleted text and field codes left out. */
  private inlineText(node: Element, boxes: Element[]): string {
    let text = '';
    for (const el of elements(node)) {
      switch (local(el)) {
        case 't':
          text += el.children.map((c) => (c.type === 'text' ? c.data : '')).join('');
          break;
        case 'tab':
        case 'ptab':
          text += ' ';
          break;
        case 'br':
        case 'cr':
          text += '\n';
          break;
        case 'noBreakHyphen':
          text += '-';
          break;
        case 'txbxContent':
          boxes.push(el);
          break;
        case 'AlternateContent':
          // The same drawing twice (DrawingML choice, VML fallback): read one.
          text += this.inlineText(child(el, 'Choice') ?? child(el, 'Fallback') ?? el, boxes);
          break;
        case 'footnoteReference':
        case 'endnoteReference':
          this.noteRefs.push(`${local(el).replace('Reference', '')}:${attr(el, 'id') ?? ''}`);
          break;
        case 'pPr':
        case 'rPr':
        case 'del':
        case 'moveFrom':
        case 'instrText':
        case 'delText':
          break;
        default:
          text += this.inlineText(el, boxes);
      }
    }
    return text;
  }

  private table(tbl: Element): SourceTable {
    const rows: SourceCell[][] = [];
    /** The cell that started in each grid column and may continue down (w:vMerge). */
    const open = new Map<number, SourceCell>();
    for (const tr of this.flatten(tbl, 'tr')) {
      const row: SourceCell[] = [];
      let col = Number(attr(child(child(tr, 'trPr'), 'gridBefore'), 'val') ?? 0);
      for (const tc of this.flatten(tr, 'tc')) {
        const tcPr = child(tc, 'tcPr');
        const colSpan = Math.max(1, Number(attr(child(tcPr, 'gridSpan'), 'val') ?? 1) || 1);
        const vMerge = child(tcPr, 'vMerge');
        const above = open.get(col);
        if (vMerge && attr(vMerge, 'val') !== 'restart' && above) {
          above.rowSpan++;
        } else {
          const cell: SourceCell = { text: this.cellText(tc), rowSpan: 1, colSpan };
          row.push(cell);
          for (let c = col; c < col + colSpan; c++) open.delete(c);
          open.set(col, cell);
        }
        col += colSpan;
      }
      rows.push(row);
    }
    return { kind: 'table', rows };
  }

  /** Rows of a table or cells of a row, also where content controls or custom XML wrap them. */
  private flatten(parent: Element, name: string): Element[] {
    return elements(parent).flatMap((el) => {
      const n = local(el);
      if (n === name) return [el];
      if (n === 'sdt') return this.flatten(child(el, 'sdtContent') ?? el, name);
      if (n === 'customXml') return this.flatten(el, name);
      return [];
    });
  }

  private cellText(tc: Element): string {
    const inner: SourceBlock[] = [];
    this.blocks(tc, inner);
    return inner
      .map((b) => (b.kind === 'table' ? b.rows.map((r) => r.map((c) => c.text).join(' ')).join('\n') : b.text))
      .join('\n')
      .trim();
  }
}

/**
 * Reads a Word document (DOCX from Word, WPS, LibreOffice or our own export): paragraphs with the
 * outline level the file declares, tables with their merged cells, text boxes after their paragraph,
 * footnotes and endnotes at the end.
 */
export function readDocx(bytes: Uint8Array, fileName: string, kind: 'docx' | 'doc' = 'docx', notes: Localized[] = []): ReadResult {
  let entries = 0;
  let unpacked = 0;
  let overLimit = false;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (file) => {
        entries++;
        if (!(PARTS as readonly string[]).includes(file.name)) return false;
        unpacked += file.originalSize;
        if (entries > MAX_ENTRIES || unpacked > MAX_UNPACKED) overLimit = true;
        return !overLimit;
      },
    });
  } catch {
    return { ok: false, message: readerMessages.brokenDocx(fileName) };
  }
  if (overLimit || entries > MAX_ENTRIES) return { ok: false, message: readerMessages.docxTooBig(fileName, MAX_UNPACKED) };
  const decoder = new TextDecoder('utf-8');
  const part = (name: (typeof PARTS)[number]) => (parts[name] ? decoder.decode(parts[name]) : undefined);
  const documentXml = part('word/document.xml');
  if (documentXml === undefined) return { ok: false, message: readerMessages.zipNotDocx(fileName) };

  const root = parseDocument(documentXml, { xmlMode: true });
  const body = elements(root).flatMap((r) => elements(r)).find((e) => local(e) === 'body');
  if (!body) return { ok: false, message: readerMessages.brokenDocx(fileName) };

  const walker = new DocxWalker(parseStyles(part('word/styles.xml')), parseNumbering(part('word/numbering.xml')));
  const blocks: SourceBlock[] = [];
  walker.blocks(body, blocks);

  const noteParts = new Map([...parseNotes(part('word/footnotes.xml')), ...parseNotes(part('word/endnotes.xml'))]);
  const referenced = [...new Set(walker.noteRefs)].map((id) => noteParts.get(id)).filter((n): n is Element => n !== undefined);
  if (referenced.length > 0) {
    for (const note of referenced) walker.blocks(note, blocks);
    notes = [...notes, { 'zh-CN': `文中的 ${referenced.length} 条脚注/尾注已附在正文末尾。`, en: `The document's ${referenced.length} footnote(s)/endnote(s) are appended after the body text.` }];
  }
  const source: SourceDocument = { kind, fileName, blocks, notes };
  return { ok: true, source };
}
