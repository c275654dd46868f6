import { ListItemNode, ListNode } from '@lexical/list';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { HeadingNode } from '@lexical/rich-text';
import { memo } from 'react';
import type { SectionDef } from '../../../src-core/index.js';
import { useI18n } from '../../i18n/i18n.js';
import { documentStore } from '../../state/documentStore.js';
import { RepeatedParagraphsPlugin } from './RepeatedParagraphsPlugin.js';
import { FocusPlugin } from './FocusPlugin.js';
import { PastePlugin } from './PastePlugin.js';
import { ReportHistoryPlugin } from './ReportHistoryPlugin.js';
import { StoreSyncPlugin } from './StoreSyncPlugin.js';
import { SupportedFormatsPlugin } from './SupportedFormatsPlugin.js';
import { ToolbarPlugin } from './ToolbarPlugin.js';

const THEME = {
  paragraph: 'lx-paragraph',
  heading: { h2: 'lx-h2', h3: 'lx-h3' },
  list: { ol: 'lx-ol', ul: 'lx-ul', listitem: 'lx-li' },
  text: { bold: 'lx-bold' },
};

/** A section's narrative: paragraphs, （一） and 1. sub-headings, bold, lists — the document model's vocabulary. */
export const NarrativeEditor = memo(function NarrativeEditor({ section }: { section: SectionDef }) {
  const { t } = useI18n();
  const initial = documentStore.getSnapshot()?.report.sections[section.id];
  const initialConfig = {
    namespace: `drs-${section.id}`,
    nodes: [HeadingNode, ListNode, ListItemNode],
    theme: THEME,
    onError: (error: Error) => {
      throw error;
    },
    ...(initial && initial.root.children.length > 0 ? { editorState: JSON.stringify(initial) } : {}),
  };
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="narrative">
        <ToolbarPlugin section={section} />
        <RichTextPlugin
          contentEditable={<ContentEditable className="narrative-text" aria-label={section.heading ?? t('preamble')} data-testid={`narrative-${section.id}`} spellCheck={false} />}
          placeholder={<div className="narrative-placeholder">{section.tables.length > 0 ? t('tableNarrativePlaceholder') : t('narrativePlaceholder')}</div>}
          ErrorBoundary={LexicalErrorBoundary}
        />
        <ReportHistoryPlugin />
        <ListPlugin />
        <SupportedFormatsPlugin />
        <StoreSyncPlugin sectionId={section.id} />
        <RepeatedParagraphsPlugin sectionId={section.id} />
        <FocusPlugin sectionId={section.id} />
        <PastePlugin />
      </div>
    </LexicalComposer>
  );
});
