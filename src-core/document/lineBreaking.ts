/**
 * Chinese line breaking (禁则): text is split into atoms — one CJK character, or one run of Latin
 * letters and digits — and lines are filled atom by atom. No line may start with closing
 * punctuation, and none may end with opening punctuation.
 */
export interface Atom {
  text: string;
  width: number;
  /** A space: a break opportunity that disappears at a line end. */
  space: boolean;
}

/** Characters that may not start a line. */
export const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’…—～·．,.;:?!)]}%％'].concat(['”', '’', '〗', '］', '｝']));
/** Characters that may not end a line. */
export const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{'].concat(['〖', '［', '｛']));

/**
 * Splits text into atoms: CJK characters and punctuation one by one, Latin words and numbers whole.
 * Long addresses (URLs, e-mail) may also break after / . - _ ? & = so they do not leave a gap.
 */
export function splitAtoms(text: string): string[] {
  const atoms: string[] = [];
  const re = /[A-Za-z0-9@#&_+\-./:%=~?]+|\s|[\s\S]/gu;
  for (const [word] of text.matchAll(re)) {
    if (word.length > 12 && /[/.]/.test(word)) atoms.push(...(word.match(/[^/.\-_?&=]*[/.\-_?&=]+|[^/.\-_?&=]+$/g) ?? [word]));
    else atoms.push(word);
  }
  return atoms;
}

/** Two atoms that are pieces of one Latin word (or address): no justification space between them. */
export function joinsPrevious(previous: string | undefined, atom: string): boolean {
  const latin = (t: string | undefined) => t !== undefined && /^[A-Za-z0-9@#&_+\-./:%=~?]+$/.test(t);
  return latin(previous) && latin(atom);
}

/**
 * Punctuation that may hang past a line's end instead of pulling a character down (悬挂标点):
 * LibreOffice hangs exactly these, as Word does by default (w:overflowPunct).
 */
export const HANGING_PUNCTUATION = new Set([...'、。，．']);

/**
 * Fills lines of `width` (the first line `firstWidth`, e.g. after an indent). Returns the atoms of
 * each line. An atom wider than a line gets a line of its own. With `hanging`, a comma or full stop
 * that does not fit hangs past the line's end, as office programs set body text.
 */
export function breakLines(atoms: readonly Atom[], width: number, firstWidth = width, hanging = false): Atom[][] {
  const lines: Atom[][] = [];
  let line: Atom[] = [];
  let used = 0;
  const limit = () => (lines.length === 0 ? firstWidth : width);
  for (const atom of atoms) {
    if (atom.text === '\n') {
      lines.push(trimEnd(line));
      line = [];
      used = 0;
      continue;
    }
    if (line.length === 0 && atom.space) continue;
    const hangs = hanging && HANGING_PUNCTUATION.has(atom.text) && used <= limit() + 0.01;
    if (used + atom.width <= limit() + 0.01 || line.length === 0 || hangs) {
      line.push(atom);
      used += atom.width;
      continue;
    }
    // The atom does not fit: start a new line, moving atoms so that no 禁则 is broken.
    const carried: Atom[] = [];
    if (NO_LINE_START.has(atom.text[0] ?? '')) {
      // Pull characters down until the new line starts with one that may start a line.
      while (line.length > 1) {
        const moved = line.pop() as Atom;
        carried.unshift(moved);
        if (!NO_LINE_START.has(moved.text[0] ?? '')) break;
      }
    }
    while (line.length > 1 && NO_LINE_END.has(line.at(-1)?.text.at(-1) ?? '')) carried.unshift(line.pop() as Atom);
    lines.push(trimEnd(line));
    line = [...carried.filter((a, i) => !(i === 0 && a.space)), atom];
    used = line.reduce((sum, a) => sum + a.width, 0);
  }
  if (line.length > 0 || lines.length === 0) lines.push(trimEnd(line));
  return lines;
}

function trimEnd(line: Atom[]): Atom[] {
  let end = line.length;
  while (end > 0 && line[end - 1]?.space) end--;
  return line.slice(0, end);
}
