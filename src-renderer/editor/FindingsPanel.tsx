import { memo, useMemo, useState } from 'react';
import type { Finding, Template } from '../../src-core/index.js';
import { useI18n } from '../i18n/i18n.js';
import { documentStore } from '../state/documentStore.js';
import { useDocument } from '../state/useDocument.js';
import { locationSection } from './findingPlaces.js';

/**
 * Every finding, errors first; a click goes to the cell or section it is about (for empty cells, the
 * table's first one). The list can be folded away to give the report room.
 */
export function FindingsPanel() {
  const doc = useDocument();
  const { t } = useI18n();
  const [collapsed, setCollapsed] = useState(false);
  const findings = doc?.findings;
  const ordered = useMemo(() => [...(findings ?? [])].sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning')), [findings]);
  if (!doc) return null;
  const errors = ordered.filter((f) => f.severity === 'error').length;
  return (
    <section className={collapsed ? 'findings collapsed' : 'findings'} aria-label={t('findings')} data-testid="findings">
      <h3>
        <button type="button" className="link fold" aria-expanded={!collapsed} onClick={() => setCollapsed(!collapsed)} data-testid="findings-toggle">
          {collapsed ? '▸' : '▾'} {t('findings')}
        </button>{' '}
        <span className="muted">
          {t('errorsCount', { n: errors })} · {t('warningsCount', { n: ordered.length - errors })}
        </span>
      </h3>
      {collapsed ? null : ordered.length === 0 ? (
        <p className="muted">{t('noFindings')}</p>
      ) : (
        <ul>
          {ordered.map((f, i) => (
            <FindingItem key={`${f.ruleId}-${i}`} finding={f} template={doc.template} errorLabel={t('errorLabel')} warningLabel={t('warningLabel')} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** One finding; unchanged findings are not drawn again after an edit (a check makes new objects with the same content). */
const FindingItem = memo(
  function FindingItem({ finding: f, template, errorLabel, warningLabel }: { finding: Finding; template: Template; errorLabel: string; warningLabel: string }) {
    const sectionId = locationSection(template, f.location);
    return (
      <li className={f.severity}>
        <button type="button" disabled={!sectionId} onClick={() => sectionId && documentStore.goTo(sectionId, 'tableId' in f.location ? f.location : undefined)} data-rule={f.ruleId}>
          <span className="badge">{f.severity === 'error' ? errorLabel : warningLabel}</span>
          <span className="rule">{f.ruleId}</span> {f.message}
        </button>
      </li>
    );
  },
  (a, b) =>
    a.template === b.template &&
    a.errorLabel === b.errorLabel &&
    a.warningLabel === b.warningLabel &&
    a.finding.ruleId === b.finding.ruleId &&
    a.finding.severity === b.finding.severity &&
    a.finding.message === b.finding.message &&
    JSON.stringify(a.finding.location) === JSON.stringify(b.finding.location),
);
