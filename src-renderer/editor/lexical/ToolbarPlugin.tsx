import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $createParagraphNode, $createTextNode, $getRoot, $getSelection, $isRangeSelection, FORMAT_TEXT_COMMAND, type LexicalNode } from 'lexical';
import { fillStarter, type SectionDef } from '../../../src-core/index.js';
import { useI18n } from '../../i18n/i18n.js';
import { documentStore } from '../../state/documentStore.js';

/** Paragraph, （一） and 1. headings, bold, lists, and 插入标准表述 (undo and redo are the report's, in the top bar). */
export function ToolbarPlugin({ section }: { section: SectionDef }) {
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  const setBlock = (make: () => LexicalNode) =>
    editor.update(() => {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) $setBlocksType(selection, make as never);
    });
  const insertStarter = () => {
    const meta = documentStore.getSnapshot()?.report.meta;
    if (!meta) return;
    editor.update(() => {
      const root = $getRoot();
      for (const block of fillStarter(section.starter, meta)) {
        const node = typeof block === 'string' ? $createParagraphNode() : $createHeadingNode(block.level === 3 ? 'h3' : 'h2');
        node.append($createTextNode(typeof block === 'string' ? block : block.heading));
        root.append(node);
      }
    });
  };
  const button = (label: string, action: () => void, testId: string) => (
    <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={action} data-testid={testId}>
      {label}
    </button>
  );
  return (
    <div className="narrative-toolbar" role="toolbar">
      {button(t('paragraph'), () => setBlock($createParagraphNode), 'tb-paragraph')}
      {button(t('heading2'), () => setBlock(() => $createHeadingNode('h2')), 'tb-h2')}
      {button(t('heading3'), () => setBlock(() => $createHeadingNode('h3')), 'tb-h3')}
      {button(t('bold'), () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'), 'tb-bold')}
      {button(t('numberedList'), () => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined), 'tb-ol')}
      {button(t('bulletList'), () => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined), 'tb-ul')}
      {section.starter.length > 0 ? button(t('insertStarter'), insertStarter, 'tb-starter') : null}
    </div>
  );
}
