import { memo, useState } from 'react';
import type { SectionDef } from '../../src-core/index.js';
import { useI18n } from '../i18n/i18n.js';
import type { OpenDocument } from '../state/documentStore.js';
import { sameFields, useDocumentSelector } from '../state/useDocument.js';
import { NarrativeEditor } from './lexical/NarrativeEditor.js';
import { PriorYearPane } from './PriorYearPane.js';
import { TableGrid } from './tables/TableGrid.js';

/** What the section itself shows; its text and tables follow the report on their own. */
const selectSectionState = (doc: OpenDocument | null) => ({ template: doc?.template, linked: doc?.report.priorYear !== undefined });

/** One section: its locked mandated heading, its narrative, and its statistical tables; last year's beside it on request. */
export const SectionView = memo(function SectionView({ section }: { section: SectionDef }) {
  const { template, linked } = useDocumentSelector(selectSectionState, sameFields);
  const { t } = useI18n();
  const [showPrior, setShowPrior] = useState(false);
  if (!template) return null;
  const tables = section.tables.map((id) => template.tableModels.get(id)).filter((m) => m !== undefined);
  return (
    <div className={showPrior && linked ? 'section-with-prior' : undefined}>
      <article className="section" data-testid={`section-${section.id}`}>
        <h2 className="mandated-heading" title={t('headingLocked')}>
          {section.heading ?? t('preamble')}
          {linked ? (
            <button type="button" className="prior-toggle" onClick={() => setShowPrior(!showPrior)} aria-pressed={showPrior} data-testid="prior-pane-toggle">
              {showPrior ? t('priorPaneHide') : t('priorPaneShow')}
            </button>
          ) : null}
        </h2>
        <NarrativeEditor section={section} />
        {tables.map((model) => (
          <TableGrid key={model.def.id} model={model} />
        ))}
      </article>
      {showPrior && linked ? <PriorYearPane section={section} /> : null}
    </div>
  );
});
