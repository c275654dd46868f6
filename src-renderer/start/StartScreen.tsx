import { useEffect, useState } from 'react';
import { orderedTemplates, templateForYear, type Template, type UnitType } from '../../src-core/index.js';
import type { IpcResponse } from '../../src-main/ipc/contract.js';
import { drs } from '../api.js';
import { UnitTypeSelect } from '../UnitTypeSelect.js';
import { formatWhen, useI18n } from '../i18n/i18n.js';
import { openReport, restoreRecovery, startFromLastYear, startNewReport, type Feedback } from '../state/appActions.js';

type RecoveryEntry = IpcResponse<'listRecovery'>['entries'][number];
type RecentFile = IpcResponse<'listRecentFiles'>['files'][number];

/** New report, open a file, recent files, and work recovered from the last session. */
export function StartScreen({
  templates,
  feedback,
  onSwitchLocale,
  onDialog,
  onImport,
  onReview,
}: {
  templates: Map<string, Template> | null;
  feedback: Feedback;
  onSwitchLocale: () => void;
  onDialog: (dialog: 'preferences' | 'about') => void;
  onImport: () => void;
  onReview: () => void;
}) {
  const { t, locale } = useI18n();
  const [recent, setRecent] = useState<RecentFile[]>([]);
  const [recovery, setRecovery] = useState<RecoveryEntry[]>([]);
  const list = templates ? orderedTemplates(templates.values()) : [];
  const lastYear = new Date().getFullYear() - 1;
  const [year, setYear] = useState(lastYear);
  // The format follows the year (gov-2021 for last year) until the user picks one.
  const [chosenTemplate, setTemplateId] = useState<string | null>(null);
  const templateId = chosenTemplate ?? templateForYear(list, year)?.id ?? '';
  const [orgName, setOrgName] = useState('');
  const [unitType, setUnitType] = useState<UnitType>('department');
  const [rulemaking, setRulemaking] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  // New reports start with the facts of the user's organisation (preferences).
  const [defaults, setDefaults] = useState<IpcResponse<'getSettings'>['defaultFacts']>({});
  useEffect(() => {
    void drs.getSettings({}).then((r) => {
      if (!r.ok) return;
      setDefaults(r.value.defaultFacts);
      if (r.value.defaultFacts.orgName) setOrgName(r.value.defaultFacts.orgName);
      if (r.value.defaultFacts.unitType) setUnitType(r.value.defaultFacts.unitType);
      if (r.value.defaultFacts.hasRulemakingPower !== undefined) setRulemaking(r.value.defaultFacts.hasRulemakingPower);
    });
  }, []);

  const refresh = async () => {
    const files = await drs.listRecentFiles({});
    if (files.ok) setRecent(files.value.files);
    const found = await drs.listRecovery({});
    if (found.ok) setRecovery(found.value.entries);
  };
  useEffect(() => void refresh(), []);

  const create = () => {
    const template = templates?.get(templateId);
    if (!orgName.trim()) return setFormError(t('orgRequired'));
    if (!template) return;
    startNewReport(template, { signatureOrg: orgName.trim(), ...defaults, orgName: orgName.trim(), year, unitType, hasRulemakingPower: rulemaking });
  };

  return (
    <main className="start" data-testid="start-screen">
      <header className="start-head">
        <div>
          <h1>{t('appName')}</h1>
          <p className="subtitle">{t('appSubtitle')}</p>
        </div>
        <span className="head-buttons">
          <button type="button" onClick={() => onDialog('preferences')} data-testid="preferences">
            {t('preferences')}
          </button>
          <button type="button" onClick={() => onDialog('about')} data-testid="about">
            {t('about')}
          </button>
          <button type="button" className="link" onClick={onSwitchLocale}>
            {t('language')}
          </button>
        </span>
      </header>

      {recovery.length > 0 ? (
        <section className="panel recovery" aria-label={t('recovered')}>
          <h2>{t('recovered')}</h2>
          <p className="muted">{t('recoveredHint')}</p>
          <ul className="cards" data-testid="recovery-list">
            {recovery.map((r) => (
              <li key={r.docId}>
                <strong>{r.title}</strong>
                <span className="meta">
                  {t('savedAtRecovery', { when: formatWhen(r.savedAt, locale) })} · {r.path ? t('fileSavedAt', { when: formatWhen(r.fileSavedAt, locale) }) : t('notSavedYet')}
                  {r.newerThanFile ? ` · ${t('newerThanFile')}` : ''}
                </span>
                {r.path ? <span className="meta path">{r.path}</span> : null}
                <span className="buttons">
                  <button type="button" className="primary" disabled={!templates} onClick={() => templates && void restoreRecovery(templates, feedback, r.docId)}>
                    {t('restore')}
                  </button>
                  <button type="button" onClick={() => void drs.discardRecovery({ docId: r.docId }).then(refresh)}>
                    {t('discard')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="start-columns">
        <section className="panel" aria-label={t('newReport')}>
          <h2>{t('newReport')}</h2>
          <form
            className="new-report"
            onSubmit={(e) => {
              e.preventDefault();
              create();
            }}
          >
            <label>
              {t('orgName')}
              <input name="orgName" value={orgName} placeholder={t('orgNamePlaceholder')} onChange={(e) => (setOrgName(e.target.value), setFormError(null))} />
            </label>
            {formError ? (
              <span className="error-text" role="alert">
                {formError}
              </span>
            ) : null}
            <label>
              {t('year')}
              <input name="year" type="number" min={2008} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value) || lastYear)} />
            </label>
            <label>
              {t('format')}
              <select name="template" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
                {list.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.name[locale]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('unitType')}
              <UnitTypeSelect name="unitType" value={unitType} onChange={setUnitType} />
            </label>
            <label className="check">
              <input type="checkbox" checked={rulemaking} onChange={(e) => setRulemaking(e.target.checked)} />
              {t('rulemaking')}
            </label>
            <button type="submit" className="primary" disabled={!templates}>
              {t('create')}
            </button>
          </form>
          <div className="start-from-last-year">
            <button type="button" disabled={!templates} onClick={() => templates && void startFromLastYear(templates, feedback)} data-testid="start-from-last-year">
              {t('startFromLastYear')}
            </button>
            <p className="muted">{t('startFromLastYearHint')}</p>
          </div>
        </section>

        <section className="panel" aria-label={t('recentFiles')}>
          <h2>{t('recentFiles')}</h2>
          <span className="buttons">
            <button type="button" disabled={!templates} onClick={() => templates && void openReport(templates, feedback)}>
              {t('openFile')}
            </button>
            <button type="button" disabled={!templates} onClick={onImport} data-testid="import-button">
              {t('importReport')}
            </button>
          </span>
          <p className="muted">{t('importHint')}</p>
          <span className="buttons">
            <button type="button" disabled={!templates} onClick={onReview} data-testid="review-button">
              {t('reviewReports')}
            </button>
          </span>
          <p className="muted">{t('reviewStartHint')}</p>
          {recent.length > 0 ? (
            <ul className="cards" data-testid="recent-list">
              {recent.map((f) => (
                <li key={f.path}>
                  <button type="button" className="link" onClick={() => templates && void openReport(templates, feedback, f.path)}>
                    {f.path.split(/[\\/]/).pop()}
                  </button>
                  <span className="meta path">{f.path}</span>
                  <span className="meta">{t('lastSaved', { when: formatWhen(f.lastSavedAt, locale) })}</span>
                </li>
              ))}
            </ul>
          ) : null}
          <h2>{t('formats')}</h2>
          <ul className="cards compact" data-testid="format-list">
            {list.map((f) => (
              <li key={f.id}>
                {f.name[locale]}
                <span className="id">{f.id}</span>
                {f.default ? <span className="default">{t('defaultFormat')}</span> : null}
                <span className="meta">{f.years.to === undefined ? t('yearsFrom', { from: f.years.from }) : t('yearsRange', { from: f.years.from, to: f.years.to })}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </main>
  );
}
