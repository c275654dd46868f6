import { useState } from 'react';
import type { Localized } from '../../src-core/index.js';
import { formatWhen, useI18n } from '../i18n/i18n.js';
import { attachPriorYear } from '../state/appActions.js';
import { documentStore } from '../state/documentStore.js';
import { useDocument } from '../state/useDocument.js';

/** 报告信息 → 上年报告: which report of last year this one is linked to; attach, replace or remove it. */
export function PriorYearLink() {
  const doc = useDocument();
  const { t, locale } = useI18n();
  const [problem, setProblem] = useState<Localized | undefined>(undefined);
  if (!doc) return null;
  const prior = doc.report.priorYear;
  const format = prior ? (documentStore.priorTemplate()?.name[locale] ?? prior.templateId) : '';
  const attach = () => void attachPriorYear().then(setProblem);
  return (
    <section className="prior-year-link" data-testid="prior-year-link">
      <h3>{t('priorYearTitle')}</h3>
      <p className={prior ? '' : 'muted'} data-testid="prior-year-state">
        {prior ? t('priorYearLinked', { file: prior.source.fileName, year: prior.year, format, when: formatWhen(prior.source.linkedAt, locale) }) : t('priorYearNone')}
      </p>
      <span className="buttons">
        <button type="button" onClick={attach} data-testid="prior-year-attach">
          {prior ? t('priorYearReplace') : t('priorYearAttach')}
        </button>
        {prior ? (
          <button type="button" onClick={() => (setProblem(undefined), documentStore.setPriorYear(undefined))} data-testid="prior-year-remove">
            {t('priorYearRemove')}
          </button>
        ) : null}
      </span>
      {problem ? (
        <span className="error-text" role="alert">
          {problem[locale]}
        </span>
      ) : null}
    </section>
  );
}
