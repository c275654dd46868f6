/** The text blocks of an editor's DOM in lexicalToBlocks order: paragraphs, headings, list items. */
export function textBlockElements(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('p, h2, h3, li')].filter((el) => !el.querySelector('p, li'));
}

/** A DOM range over characters start…end of a block's text (a collapsed one at its start when it has none). */
export function blockRange(block: HTMLElement, start: number, end: number): Range {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  range.setStart(block, 0);
  range.setEnd(block, 0);
  let offset = 0;
  let started = false;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const next = offset + node.length;
    if (!started && start <= next) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= next) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset = next;
    last = node;
  }
  if (started && last) range.setEnd(last, last.length);
  return range;
}
