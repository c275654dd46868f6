import { $isListNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import { useEffect, useMemo } from 'react';
import { useDocument } from '../../state/useDocument.js';

/**
 * Marks the paragraphs that repeat last year's report (the format's priorRepetition rule) in the
 * text itself, with the finding as their tooltip. Block indices are those of lexicalToBlocks: a
 * list item counts as a paragraph of its own.
 */
export function RepeatedParagraphsPlugin({ sectionId }: { sectionId: string }) {
  const [editor] = useLexicalComposerContext();
  const doc = useDocument();
  const template = doc?.template;
  const findings = doc?.findings;
  const marks = useMemo(() => {
    const rules = new Set(template?.rules.filter((r) => r.kind === 'priorRepetition').map((r) => r.id));
    const byParagraph = new Map<number, string>();
    for (const f of findings ?? []) {
      if (rules.has(f.ruleId) && 'sectionId' in f.location && f.location.sectionId === sectionId && f.location.span) byParagraph.set(f.location.span.paragraph, f.message);
    }
    return byParagraph;
  }, [template, findings, sectionId]);

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
