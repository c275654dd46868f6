import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { lexicalToBlocks, type LexicalState } from '../../../src-core/index.js';
import { documentStore } from '../../state/documentStore.js';

/** How long typing may pause before the section is serialized into the report (keeps keystrokes fast). */
const SYNC_DELAY_MS = 300;

/** Writes the editor's content into the open report, soon after typing stops and before any save or export. */
export function StoreSyncPlugin({ sectionId }: { sectionId: string }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let pending = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      if (!pending) return;
      pending = false;
      clearTimeout(timer);
      const next = editor.getEditorState().toJSON() as unknown as LexicalState;
      const current = documentStore.getSnapshot()?.report.sections[sectionId];
      // Lexical normalises a loaded state (and re-runs transforms); only a change of content makes the report unsaved.
      if (JSON.stringify(lexicalToBlocks(current)) === JSON.stringify(lexicalToBlocks(next))) return;
      documentStore.setSection(sectionId, next);
    };
    const unregisterFlusher = documentStore.registerFlusher(flush);
    const unregisterListener = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      pending = true;
      clearTimeout(timer);
      timer = setTimeout(flush, SYNC_DELAY_MS);
    });
    // A person typing or pasting (not Lexical normalising a loaded state) makes the report unsaved at once.
    const onInput = () => documentStore.markPending();
    const unregisterRoot = editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('beforeinput', onInput);
      root?.addEventListener('beforeinput', onInput);
    });
    return () => {
      flush();
      unregisterListener();
      unregisterFlusher();
      unregisterRoot();
    };
  }, [editor, sectionId]);
  return null;
}
