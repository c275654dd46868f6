import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { documentStore, type Focus } from '../../state/documentStore.js';
import { blockRange, textBlockElements } from './textBlocks.js';

/**
 * Goes to a place in this section that the store names (a find match, an undo, a click in the page
 * view): scrolls the block into view and selects the span, or puts the caret at its start.
 */
export function FocusPlugin({ sectionId }: { sectionId: string }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let handled = -1;
    const apply = () => {
      const focus = documentStore.getSnapshot()?.focus;
      if (!focus || focus.seq === handled || focus.sectionId !== sectionId || focus.block === undefined || focus.cell) return;
      const root = editor.getRootElement();
      if (!root) return;
      handled = focus.seq;
      // After the editor has drawn a state just loaded (an undo) or just mounted (another section).
      requestAnimationFrame(() => selectInBlock(root, focus));
    };
    apply();
    return documentStore.subscribe(apply);
  }, [editor, sectionId]);
  return null;
}

function selectInBlock(root: HTMLElement, focus: Focus): void {
  const block = textBlockElements(root)[focus.block ?? 0];
  if (!block) return;
  const start = focus.range?.start ?? 0;
  const range = blockRange(block, start, focus.range?.end ?? start);
  root.focus({ preventScroll: true });
  const selection = document.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  block.scrollIntoView({ block: 'center' });
}
