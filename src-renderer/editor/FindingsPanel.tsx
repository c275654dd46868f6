import { memo, useMemo, useState } from 'react';
import type { Finding, Template } from '../../src-core/index.js';
import { useI18n } from '../i18n/i18n.js';
import { documentStore, type OpenDocument } from '../state/documentStore.js';
import { sameFields, useDocumentSelector } from '../state/useDocument.js';
import { locationSection, META_SECTION } from './findingPlaces.js';

/**
 * Every finding, errors first; a click goes to the cell or section it is about (for empty cells, the
 * table's first one). The list can be folded away to give the report room.
 */
export function FindingsPanel() {
  const doc = useDocumentSelector(selectFindings, sameFields);
  const { t } = useI18n();
  const [collapsed, setCollapsed] = useState(false);
  const findings = doc.findings;
  const ordered = useMemo(() => [...(findings ?? [])].sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning')), [findings]);
  const template = doc.template;
  const groups = useMemo(
    () => groupFindings(ordered, template, (sectionId) => template?.sectionById.get(sectionId)?.heading ?? (sectionId === META_SECTION ? t('metaTitle') : t('preamble'))),
    [ordered, template, t],
  );
  if (!template) return null;
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
          {groups.map((group) =>
            group.findings.length === 1 ? (
              <FindingItem key={group.key} finding={group.findings[0]!} template={template} errorLabel={t('errorLabel')} warningLabel={t('warningLabel')} />
            ) : (
              <li key={group.key} className={`${group.findings[0]!.severity} group`} data-group={group.findings[0]!.ruleId}>
                <span className="group-head">
                  <span className="badge">{group.findings[0]!.severity === 'error' ? t('errorLabel') : t('warningLabel')}</span>
                  {t('findingsInSection', { section: group.section, n: group.findings.length })}
                </span>
                <ul>
                  {group.findings.map((f, i) => (
                    <FindingItem key={i} finding={f} template={template} errorLabel={t('errorLabel')} warningLabel={t('warningLabel')} compact />
                  ))}
                </ul>
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}

const selectFindings = (doc: OpenDocument | null) => ({ findings: doc?.findings, template: doc?.template });

/** Findings of one rule in one section (the 【请填写】 gaps of 引言) go under one heading, in the order they come. */
function groupFindings(findings: readonly Finding[], template: Template | undefined, sectionName: (id: string) => string): { key: string; section: string; findings: Finding[] }[] {
  const groups: { key: string; section: string; findings: Finding[] }[] = [];
  for (const f of findings) {
    const sectionId = template ? (locationSection(template, f.location) ?? '') : '';
    const key = `${f.severity}:${f.ruleId}:${sectionId}`;
    const last = groups[groups.length - 1];
    if (last?.key === key) last.findings.push(f);
    else groups.push({ key, section: sectionName(sectionId), findings: [f] });
  }
  // A finding on its own comes before a run of its kind, so a run of gaps never buries another error.
  const rank = (g: { findings: Finding[] }) => (g.findings[0]!.severity === 'error' ? 0 : 2) + (g.findings.length > 1 ? 1 : 0);
  return groups.sort((a, b) => rank(a) - rank(b));
}

/** One finding; unchanged findings are not drawn again after an edit (a check makes new objects with the same content). */
const FindingItem = memo(
  function FindingItem({ finding: f, template, errorLabel, warningLabel, compact = false }: { finding: Finding; template: Template; errorLabel: string; warningLabel: string; compact?: boolean }) {
    const sectionId = locationSection(template, f.location);
    // Under its group's heading a gap shows just its words (the heading names the section and the count).
    if (compact && typeof f.actual === 'string') {
      return (
        <li className={`${f.severity} compact`}>
          <button type="button" disabled={!sectionId} onClick={() => sectionId && documentStore.goTo(sectionId)} data-rule={f.ruleId} title={f.message}>
            {f.actual}
          </button>
        </li>
      );
    }
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
    a.compact === b.compact &&
    a.finding.ruleId === b.finding.ruleId &&
    a.finding.severity === b.finding.severity &&
    a.finding.message === b.finding.message &&
    JSON.stringify(a.finding.location) === JSON.stringify(b.finding.location),
);
