import { blockRange, textBlockElements } from '../editor/lexical/textBlocks.js';
import { cellKey } from '../editor/findingPlaces.js';
import type { Place } from '../state/documentStore.js';

const HIGHLIGHT = 'drs-find-current';
const MARKED = 'find-current';
/** Frames to wait for a section that is just being drawn (moving to a match in another section). */
const MAX_FRAMES = 30;

/**
 * Marks the current match while the find bar keeps the keyboard: text through the CSS highlight API
 * (the editor's own selection would take the focus), a fact or a cell with an outline.
 */
export function showMatch(place: Place | undefined): void {
  clearMatch();
  if (!place) return;
  let frames = 0;
  const attempt = () => {
    if (markPlace(place) || ++frames > MAX_FRAMES) return;
    requestAnimationFrame(attempt);
  };
  attempt();
}

export function clearMatch(): void {
  CSS.highlights?.delete(HIGHLIGHT);
  for (const el of document.querySelectorAll(`.${MARKED}`)) el.classList.remove(MARKED);
}

function markPlace(place: Place): boolean {
  if (place.metaField) return markElement(document.querySelector(`[data-testid="meta-panel"] input[name="${place.metaField}"]`));
  if (place.cell) return markElement(document.querySelector(`[data-cell="${cellKey(place.cell.tableId, place.cell.rowId, place.cell.colId)}"]`));
  const root = document.querySelector<HTMLElement>(`[data-testid="narrative-${place.sectionId}"]`);
  const block = root && place.block !== undefined ? textBlockElements(root)[place.block] : undefined;
  if (!block || !place.range) return false;
  const range = blockRange(block, place.range.start, place.range.end);
  CSS.highlights?.set(HIGHLIGHT, new Highlight(range));
  block.scrollIntoView({ block: 'center' });
  return true;
}

function markElement(el: Element | null): boolean {
  if (!el) return false;
  el.classList.add(MARKED);
  el.scrollIntoView({ block: 'center' });
  return true;
}
