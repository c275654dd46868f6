import type { ReportMeta } from '../../src-core/index.js';
import { useI18n } from '../i18n/i18n.js';
import { UnitTypeSelect } from '../UnitTypeSelect.js';
import type { MessageKey } from '../i18n/zh-CN.js';
import { documentStore } from '../state/documentStore.js';
import { useDocument } from '../state/useDocument.js';
import { factProblem, normalizeWebsite, type FactField } from './factChecks.js';
import { PriorYearLink } from './PriorYearLink.js';

const TEXT_FIELDS: FactField[] = ['orgName', 'website', 'contactDept', 'address', 'postcode', 'phone', 'fax', 'email', 'signatureOrg'];

/** 报告信息: the facts of the report, checked as typed; the title, standard wording and findings follow live. */
export function MetaPanel() {
  const doc = useDocument();
  const { t, locale } = useI18n();
  if (!doc) return null;
  const meta = doc.report.meta;
  const findingsFor = (field: string) => doc.findings.filter((f) => 'metaField' in f.location && f.location.metaField === field);
  const set = (patch: Partial<ReportMeta>) => documentStore.setMeta(patch);
  const field = (name: FactField, input: React.ReactNode) => {
    const problem = factProblem(name, meta, locale);
    const findings = findingsFor(name);
    return (
      <label key={name} className="fact">
        <span>{t(`fact_${name}` as MessageKey)}</span>
        {input}
        {problem ? (
          <span className="error-text" role="alert" data-testid={`fact-problem-${name}`}>
            {problem}
          </span>
        ) : null}
        {findings.map((f, i) => (
          <span key={i} className={f.severity === 'error' ? 'error-text' : 'warning-note'}>
            {f.message}
          </span>
        ))}
      </label>
    );
  };
  return (
    <article className="section meta-panel" data-testid="meta-panel">
      <h2 className="mandated-heading">{t('metaTitle')}</h2>
      <div className="facts">
        {field('orgName', <input name="orgName" value={meta.orgName} onChange={(e) => set({ orgName: e.target.value })} />)}
        {field('year', <input name="year" type="number" min={2008} max={2100} value={meta.year} onChange={(e) => Number(e.target.value) >= 2008 && set({ year: Number(e.target.value) })} />)}
        <label className="fact">
          <span>{t('format')}</span>
          <input value={doc.template.name[locale]} readOnly disabled />
        </label>
        {field(
          'unitType',
          <UnitTypeSelect name="unitType" value={meta.unitType} onChange={(unitType) => set({ unitType })} />,
        )}
        <label className="fact check">
          <input type="checkbox" checked={meta.hasRulemakingPower} onChange={(e) => set({ hasRulemakingPower: e.target.checked })} />
          <span>{t('rulemaking')}</span>
        </label>
        {TEXT_FIELDS.slice(1).map((name) =>
          field(
            name,
            <input
              name={name}
              value={meta[name] ?? ''}
              onChange={(e) => set({ [name]: e.target.value })}
              // The address is completed when the field is left, so the clerk sees the http:// that goes in.
              onBlur={name === 'website' ? (e) => normalizeWebsite(e.target.value) !== e.target.value && set({ website: normalizeWebsite(e.target.value) }) : undefined}
            />,
          ),
        )}
        {field('signatureDate', <input name="signatureDate" type="date" value={meta.signatureDate ?? ''} onChange={(e) => set(e.target.value ? { signatureDate: e.target.value } : { signatureDate: undefined })} />)}
      </div>
      <PriorYearLink />
    </article>
  );
}
