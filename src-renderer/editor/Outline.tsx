import { memo, useCallback, useMemo } from 'react';
import type { Template } from '../../src-core/index.js';
import { useI18n } from '../i18n/i18n.js';
import type { OpenDocument } from '../state/documentStore.js';
import { useDocumentSelector } from '../state/useDocument.js';
import { locationSection, META_SECTION } from './findingPlaces.js';

interface SectionStatus {
  errors: number;
  warnings: number;
  complete: boolean;
}

type FindingCounts = ReadonlyMap<string, { errors: number; warnings: number }>;

/** Errors and warnings per outline entry; entries without findings are left out. */
function countFindings(template: Template, doc: OpenDocument | null): FindingCounts {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const f of doc?.findings ?? []) {
    const sectionId = locationSection(template, f.location);
    if (!sectionId) continue;
    const entry = counts.get(sectionId) ?? { errors: 0, warnings: 0 };
    if (f.severity === 'error') entry.errors++;
    else entry.warnings++;
    counts.set(sectionId, entry);
  }
  return counts;
}

function sameCounts(a: FindingCounts, b: FindingCounts): boolean {
  if (a.size !== b.size) return false;
  for (const [id, count] of a) {
    const other = b.get(id);
    if (other?.errors !== count.errors || other.warnings !== count.warnings) return false;
  }
  return true;
}

/**
 * The mandated sections in order, each with its completion state and its count of errors and warnings.
 * It redraws when a count changes, not on every edit (an edit makes new findings with the same counts).
 */
export const Outline = memo(function Outline({ template, filled, active, onSelect }: { template: Template; filled: ReadonlySet<string>; active: string; onSelect: (id: string) => void }) {
  const { t } = useI18n();
  const counts = useDocumentSelector(useCallback((doc: OpenDocument | null) => countFindings(template, doc), [template]), sameCounts);
  const status = useMemo(() => {
    const result = new Map<string, SectionStatus>();
    const statusOf = (id: string, complete: boolean) => {
      const count = counts.get(id);
      return { errors: count?.errors ?? 0, warnings: count?.warnings ?? 0, complete: complete && !count };
    };
    result.set(META_SECTION, statusOf(META_SECTION, true));
    for (const section of template.sections) result.set(section.id, statusOf(section.id, !section.textRequired || filled.has(section.id)));
    return result;
  }, [counts, template, filled]);
  return (
    <nav className="outline" aria-label={t('outline')}>
      <h3>{t('outline')}</h3>
      <ol>
        <li key="meta">
          <button type="button" className={active === 'meta' ? 'active meta' : 'meta'} aria-current={active === 'meta'} onClick={() => onSelect('meta')} data-section="meta">
            <span className="name">{t('metaTitle')}</span>
            {(status.get('meta')?.errors ?? 0) > 0 ? <span className="count error">{status.get('meta')?.errors}</span> : null}
            {(status.get('meta')?.warnings ?? 0) > 0 ? <span className="count warning">{status.get('meta')?.warnings}</span> : null}
          </button>
        </li>
        {template.sections.map((section) => {
          const s = status.get(section.id);
          return (
            <li key={section.id}>
              <button type="button" className={section.id === active ? 'active' : ''} aria-current={section.id === active} onClick={() => onSelect(section.id)} data-section={section.id}>
                <span className={s?.complete ? 'dot done' : 'dot'} title={s?.complete ? t('sectionComplete') : t('sectionIncomplete')} />
                <span className="name">{section.heading ?? t('preamble')}</span>
                {s && s.errors > 0 ? <span className="count error">{s.errors}</span> : null}
                {s && s.warnings > 0 ? <span className="count warning">{s.warnings}</span> : null}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
});
