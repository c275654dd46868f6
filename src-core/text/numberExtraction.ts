import { CHINESE_NUMERAL_CHARS, parseNumber } from './chineseNumerals.js';

/**
 * The one number-extraction step the narrative checks share: it splits a section's text into
 * sentences and finds every counted quantity in them ("新收申请46件", "两件", "一百零五件",
 * "186.52万元"), with the words that say what the number counts. It reads text that is already
 * normalised (simplified characters, half-width digits); deciding what a count means is the
 * checks' job (checks/narrative/countClaims.ts).
 */
export const COUNT_UNITS = ['件', '起', '条', '项', '个', '份', '次', '篇'] as const;
export const MONEY_UNITS = ['万元', '元'] as const;
export type QuantityUnit = (typeof COUNT_UNITS)[number] | (typeof MONEY_UNITS)[number];

export interface Sentence {
  start: number;
  /** Exclusive; the closing punctuation is not part of the sentence. */
  end: number;
}

export interface Quantity {
  value: number;
  unit: QuantityUnit;
  /** "100余件", "约50件", "近百件": not a figure to compare. */
  approximate: boolean;
  /** The number and its unit in the text. */
  start: number;
  end: number;
  sentence: Sentence;
  /** The words from the previous number of the sentence (or its start) up to this one: what it counts. */
  lead: string;
}

export interface ExtractedNumbers {
  sentences: Sentence[];
  quantities: Quantity[];
}

const SENTENCE_END = /[。！？!?；;\n]/g;
const QUANTITY_RE = new RegExp(`(\\d+(?:\\.\\d+)?|[${CHINESE_NUMERAL_CHARS}]+)\\s*(余|多)?\\s*(${[...MONEY_UNITS, ...COUNT_UNITS].join('|')})`, 'g');
const APPROXIMATE_BEFORE = /(?:约|近|逾|超过|超|大约)\s*$/;
const ORDINAL_BEFORE = /[第\d.]$/;

function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    if (m.index > start) sentences.push({ start, end: m.index });
    start = m.index + 1;
  }
  if (start < text.length) sentences.push({ start, end: text.length });
  return sentences;
}

export function extractNumbers(text: string): ExtractedNumbers {
  const sentences = splitSentences(text);
  const quantities: Quantity[] = [];
  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end);
    let leadStart = 0;
    for (const m of body.matchAll(QUANTITY_RE)) {
      const [whole, digits = '', about, unit] = m;
      const before = body.slice(0, m.index);
      const value = parseNumber(digits);
      if (value === undefined || ORDINAL_BEFORE.test(before)) continue;
      quantities.push({
        value,
        unit: unit as QuantityUnit,
        approximate: about !== undefined || APPROXIMATE_BEFORE.test(before),
        start: sentence.start + m.index,
        end: sentence.start + m.index + whole.length,
        sentence,
        lead: body.slice(leadStart, m.index),
      });
      leadStart = m.index + whole.length;
    }
  }
  return { sentences, quantities };
}
