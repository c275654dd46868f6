import type { SectionDef } from '../../src-core/index.js';
import { useI18n } from '../i18n/i18n.js';
import { useDocument } from '../state/useDocument.js';
import { NarrativeEditor } from './lexical/NarrativeEditor.js';
import { TableGrid } from './tables/TableGrid.js';

/** One section: its locked mandated heading, its narrative, and its statistical tables. */
export function SectionView({ section }: { section: SectionDef }) {
  const doc = useDocument();
  const { t } = useI18n();
  if (!doc) return null;
  const tables = section.tables.map((id) => doc.template.tableModels.get(id)).filter((m) => m !== undefined);
  return (
    <article className="section" data-testid={`section-${section.id}`}>
      <h2 className="mandated-heading" title={t('headingLocked')}>
        {section.heading ?? t('preamble')}
      </h2>
      <NarrativeEditor section={section} />
      {tables.map((model) => (
        <TableGrid key={model.def.id} model={model} />
      ))}
    </article>
  );
}
