import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createParagraphNode, $getRoot, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import { blockText, lexicalToBlocks, type LexicalState } from '../../../src-core/index.js';
import { documentStore } from '../../state/documentStore.js';

/** How long typing may pause before the section is serialized into the report (keeps keystrokes fast). */
const SYNC_DELAY_MS = 300;
/** Marks an update that loads the report's text into the editor (undo, replace): not the user's typing. */
const FROM_STORE = 'drs-from-store';

/**
 * Keeps the editor and the open report in step: typing is written into the report soon after it
 * stops and before any save or export; a change of the report made elsewhere (undo, redo, replace)
 * is loaded back into the editor.
 */
export function StoreSyncPlugin({ sectionId }: { sectionId: string }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let pending = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The section's state the editor shows (the one it was loaded from or last wrote).
    let shown = documentStore.getSnapshot()?.report.sections[sectionId];
    const flush = () => {
      if (!pending) return;
      pending = false;
      clearTimeout(timer);
      const next = editor.getEditorState().toJSON() as unknown as LexicalState;
      const current = documentStore.getSnapshot()?.report.sections[sectionId];
      // Lexical normalises a loaded state (an empty section gets an empty paragraph, transforms re-run):
      // only a change of what is printed makes the report unsaved.
      if (printedContent(current) === printedContent(next)) return;
      shown = next;
      documentStore.setSection(sectionId, next);
    };
    const unregisterFlusher = documentStore.registerFlusher(flush);
    const unregisterListener = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      if (tags.has(FROM_STORE) || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) return;
      pending = true;
      clearTimeout(timer);
      timer = setTimeout(flush, SYNC_DELAY_MS);
    });
    const unsubscribe = documentStore.subscribe(() => {
      const stored = documentStore.getSnapshot()?.report.sections[sectionId];
      if (stored === shown || pending) return;
      shown = stored;
      loadIntoEditor(editor, stored);
    });
    // A person typing or pasting (not Lexical normalising a loaded state) makes the report unsaved at once.
    const onInput = () => documentStore.markPending();
    const unregisterRoot = editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('beforeinput', onInput);
      root?.addEventListener('beforeinput', onInput);
    });
    return () => {
      flush();
      unsubscribe();
      unregisterListener();
      unregisterFlusher();
      unregisterRoot();
    };
  }, [editor, sectionId]);
  return null;
}

/** The blocks the export prints (it leaves out blank ones), as a string to compare. */
function printedContent(state: LexicalState | undefined): string {
  return JSON.stringify(lexicalToBlocks(state).filter((block) => blockText(block).trim() !== ''));
}

function loadIntoEditor(editor: LexicalEditor, state: LexicalState | undefined): void {
  if (state && state.root.children.length > 0) {
    editor.setEditorState(editor.parseEditorState(JSON.stringify(state)), { tag: FROM_STORE });
    return;
  }
  // Lexical refuses an empty state: an empty section is one empty paragraph.
  editor.update(
    () => {
      const root = $getRoot();
      root.clear();
      root.append($createParagraphNode());
    },
    { tag: FROM_STORE },
  );
}
