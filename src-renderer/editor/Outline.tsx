import type { Template } from '../../src-core/index.js';
import { useI18n } from '../i18n/i18n.js';

export interface SectionStatus {
  errors: number;
  warnings: number;
  complete: boolean;
}

/** The mandated sections in order, each with its completion state and its count of errors and warnings. */
export function Outline({ template, status, active, onSelect }: { template: Template; status: Map<string, SectionStatus>; active: string; onSelect: (id: string) => void }) {
  const { t } = useI18n();
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
}
