import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, HeadingNode } from '@lexical/rich-text';
import { mergeRegister } from '@lexical/utils';
import { IS_BOLD, ParagraphNode, TextNode } from 'lexical';
import { useEffect } from 'react';

/**
 * Keeps only what the document model prints: text pasted from Word, WPS or a web page loses its
 * fonts, colours, sizes, italics, alignment and indents; other heading levels become （一） or 1.
 * (Images, tables and links are not registered nodes, so Lexical does not import them at all.)
 */
export function SupportedFormatsPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerNodeTransform(TextNode, (node) => {
          if (node.getStyle() !== '') node.setStyle('');
          const format = node.getFormat() & IS_BOLD;
          if (node.getFormat() !== format) node.setFormat(format);
        }),
        editor.registerNodeTransform(ParagraphNode, (node) => {
          if (node.getFormatType() !== '' && node.getFormatType() !== 'left') node.setFormat('');
          if (node.getIndent() !== 0) node.setIndent(0);
        }),
        editor.registerNodeTransform(HeadingNode, (node) => {
          const tag = node.getTag();
          if (tag === 'h2' || tag === 'h3') return;
          const replacement = $createHeadingNode(tag === 'h1' ? 'h2' : 'h3');
          replacement.append(...node.getChildren());
          node.replace(replacement);
        }),
      ),
    [editor],
  );
  return null;
}
