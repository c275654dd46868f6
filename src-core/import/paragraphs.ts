import type { TextBlock } from '../report/lexicalText.js';
import { isCjkChar } from './normalizeText.js';
import type { TextUnit, Where } from './sourceUnits.js';

export interface Paragraph {
  text: string;
  level?: number;
  from: Where;
  to: Where;
}

const ENDS_PARAGRAPH = /[。！？；]$/;
const SUB_HEADING = /^[（(][一二三四五六七八九十]{1,3}[)）]/;

function startsParagraph(previous: TextUnit, unit: TextUnit): boolean {
  if (!previous.layout || !unit.layout || unit.level !== undefined || previous.level !== undefined) return true;
  if (ENDS_PARAGRAPH.test(previous.text) || !previous.full) return true;
  return unit.indent > 0 || SUB_HEADING.test(unit.text);
}

/**
 * Joins laid-out lines into paragraphs: a line ending a sentence, a short (not full) line, an
 * indented line or a sub-heading starts a new one. CJK text joins without a space.
 */
export function joinParagraphs(units: readonly TextUnit[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let previous: TextUnit | undefined;
  for (const unit of units) {
    const current = paragraphs.at(-1);
    if (!current || !previous || startsParagraph(previous, unit)) {
      const paragraph: Paragraph = { text: unit.text, from: unit.where, to: unit.where };
      if (unit.level !== undefined) paragraph.level = unit.level;
      paragraphs.push(paragraph);
    } else {
      const glue = isCjkChar(current.text.slice(-1)) || isCjkChar(unit.text.charAt(0)) ? '' : ' ';
      current.text += glue + unit.text;
      current.to = unit.where;
    }
    previous = unit;
  }
  return paragraphs;
}

/** A short paragraph that is only a sub-heading (（一）主动公开情况。) or a declared heading becomes the editor's heading. */
export function paragraphBlock(paragraph: Paragraph): TextBlock {
  const runs = [{ text: paragraph.text }];
  const short = [...paragraph.text].length <= 40 && !/。./.test(paragraph.text);
  if (paragraph.level !== undefined && paragraph.level >= 2) return { kind: 'heading', level: paragraph.level === 2 ? 2 : 3, runs };
  if (short && SUB_HEADING.test(paragraph.text)) return { kind: 'heading', level: 2, runs };
  return { kind: 'paragraph', runs };
}
