import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_EDITOR, REDO_COMMAND, UNDO_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { documentStore } from '../../state/documentStore.js';

/**
 * Undo and redo in a section go to the report's one history (documentStore), as in Word: Lexical keeps
 * no history of its own, so Ctrl+Z after editing a table or another section takes back that edit.
 */
export function ReportHistoryPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          UNDO_COMMAND,
          () => {
            documentStore.undo();
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          REDO_COMMAND,
          () => {
            documentStore.redo();
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
      ),
    [editor],
  );
  return null;
}
