import stCharacters from 'opencc-js/dict/STCharacters';
import tsCharacters from 'opencc-js/dict/TSCharacters';

/**
 * Traditional → simplified at the level of single characters, from OpenCC's character tables.
 * Only characters that are never written in simplified text count as traditional (乾, 著 and 藉
 * are also simplified words), and the mapping keeps the text's length, so offsets found in the
 * mapped text point at the same characters in the original.
 */
let table: Map<string, string> | undefined;

function traditionalTable(): Map<string, string> {
  if (table) return table;
  const simplifiedChars = new Set<string>();
  for (const entry of stCharacters.split('|')) simplifiedChars.add(entry.split(' ')[0] ?? '');
  const entries = tsCharacters.split('|').map((entry) => entry.split(' '));
  for (const [, ...targets] of entries) for (const t of targets) simplifiedChars.add(t);
  table = new Map();
  for (const [source, first] of entries) {
    if (!source || !first || source === first || simplifiedChars.has(source)) continue;
    if (source.length !== 1 || first.length !== 1) continue; // keep the length: offsets must stay valid
    table.set(source, first);
  }
  return table;
}

/** The text with its traditional-only characters replaced by their simplified forms. */
export function toSimplifiedChars(text: string): string {
  const map = traditionalTable();
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const simplified = map.get(text.charAt(i));
    if (simplified === undefined) continue;
    out += text.slice(copied, i) + simplified;
    copied = i + 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** The distinct traditional-only characters of the text, in order of first appearance. */
export function traditionalCharsIn(text: string): string[] {
  const map = traditionalTable();
  const found = new Set<string>();
  for (const c of text) if (map.has(c)) found.add(c);
  return [...found];
}
