import { useI18n } from '../i18n/i18n.js';
import { documentStore } from '../state/documentStore.js';
import { useDocument } from '../state/useDocument.js';
import { locationSection } from './findingPlaces.js';

/** Every finding, errors first; a click goes to the cell or section it is about. */
export function FindingsPanel() {
  const doc = useDocument();
  const { t } = useI18n();
  if (!doc) return null;
  const findings = [...doc.findings].sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'));
  return (
    <section className="findings" aria-label={t('findings')} data-testid="findings">
      <h3>
        {t('findings')} <span className="muted">{t('errorsCount', { n: doc.findings.filter((f) => f.severity === 'error').length })}</span>
      </h3>
      {findings.length === 0 ? <p className="muted">{t('noFindings')}</p> : null}
      <ul>
        {findings.map((f, i) => {
          const sectionId = locationSection(doc.template, f.location);
          return (
            <li key={`${f.ruleId}-${i}`} className={f.severity}>
              <button type="button" disabled={!sectionId} onClick={() => sectionId && documentStore.goTo(sectionId, 'tableId' in f.location ? f.location : undefined)} data-rule={f.ruleId}>
                <span className="badge">{f.severity === 'error' ? t('errorLabel') : t('warningLabel')}</span>
                <span className="rule">{f.ruleId}</span> {f.message}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
