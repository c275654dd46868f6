import { $isListNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import { useCallback, useEffect } from 'react';
import type { OpenDocument } from '../../state/documentStore.js';
import { useDocumentSelector } from '../../state/useDocument.js';

/**
 * Marks the paragraphs that repeat last year's report (the format's priorRepetition rule) in the
 * text itself, with the finding as their tooltip. Block indices are those of lexicalToBlocks: a
 * list item counts as a paragraph of its own.
 */
export function RepeatedParagraphsPlugin({ sectionId }: { sectionId: string }) {
  const [editor] = useLexicalComposerContext();
  // The marks change only with the repetition findings of this section, not with every edit of the report.
  const marks = useDocumentSelector(
    useCallback((doc: OpenDocument | null) => repeatedParagraphs(doc, sectionId), [sectionId]),
    sameMarks,
  );

  useEffect(() => {
    const apply = () =>
      editor.getEditorState().read(() => {
        let index = 0;
        for (const node of $getRoot().getChildren()) {
          for (const block of $isListNode(node) ? node.getChildren() : [node]) {
            const element = editor.getElementByKey(block.getKey());
            const message = marks.get(index++);
            if (!element) continue;
            element.classList.toggle('repeated-prior', message !== undefined);
            if (message) element.title = message;
            else element.removeAttribute('title');
          }
        }
      });
    apply();
    return editor.registerUpdateListener(apply);
  }, [editor, marks]);
  return null;
}

/** The paragraphs of a section that repeat last year's report, by block index, with the finding's message. */
function repeatedParagraphs(doc: OpenDocument | null, sectionId: string): ReadonlyMap<number, string> {
  const rules = new Set(doc?.template.rules.filter((r) => r.kind === 'priorRepetition').map((r) => r.id));
  const byParagraph = new Map<number, string>();
  for (const f of doc?.findings ?? []) {
    if (rules.has(f.ruleId) && 'sectionId' in f.location && f.location.sectionId === sectionId && f.location.span) byParagraph.set(f.location.span.paragraph, f.message);
  }
  return byParagraph;
}

function sameMarks(a: ReadonlyMap<number, string>, b: ReadonlyMap<number, string>): boolean {
  return a.size === b.size && [...a].every(([paragraph, message]) => b.get(paragraph) === message);
}
