import { toHalfWidthDigits } from '../../text/chineseNumerals.js';
import { extractNumbers, type ExtractedNumbers, type Sentence } from '../../text/numberExtraction.js';
import { toSimplifiedChars, traditionalCharsIn } from '../../text/traditionalChars.js';
import type { TextSpan } from '../finding.js';
import { countClaims, type CountClaim } from './countClaims.js';

/**
 * A section's text read once for all narrative rules: normalised (simplified characters,
 * half-width digits; same length, so offsets hold for the original), split into sentences,
 * its numbers extracted and classified. Cached by text: an unchanged section is not read again
 * on the next check run.
 */
export interface SectionAnalysis {
  /** The text as the user wrote it, one block per line. */
  original: string;
  /** The text the rules match against. */
  text: string;
  numbers: ExtractedNumbers;
  claims: CountClaim[];
  /** The distinct traditional-only characters of the original, in order of appearance. */
  traditional: string[];
}

const CACHE_SIZE = 64;
const cache = new Map<string, SectionAnalysis>();

export function analyseSection(original: string): SectionAnalysis {
  const hit = cache.get(original);
  if (hit) return hit;
  const text = toHalfWidthDigits(toSimplifiedChars(original));
  const numbers = extractNumbers(text);
  const traditional = text === original ? [] : traditionalCharsIn(original);
  const analysis = { original, text, numbers, claims: countClaims(text, numbers), traditional };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
  cache.set(original, analysis);
  return analysis;
}

/** Where a range of the section text is: its paragraph (block) and the offsets inside it. */
export function spanOf(analysis: SectionAnalysis, start: number, end: number): TextSpan {
  const before = analysis.original.lastIndexOf('\n', start - 1);
  let paragraph = 0;
  for (let i = analysis.original.indexOf('\n'); i !== -1 && i < start; i = analysis.original.indexOf('\n', i + 1)) paragraph++;
  const offset = before + 1;
  return { paragraph, start: start - offset, end: end - offset };
}

const QUOTE_MAX = 80;

/** The sentence as the user wrote it, shortened around its middle when long. */
export function quoteOf(analysis: SectionAnalysis, sentence: Sentence): string {
  const text = analysis.original.slice(sentence.start, sentence.end).trim();
  return text.length <= QUOTE_MAX ? text : `${text.slice(0, QUOTE_MAX - 1)}…`;
}
