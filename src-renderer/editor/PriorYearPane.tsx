import { useState } from 'react';
import { priorSectionOf, type SectionDef } from '../../src-core/index.js';
import { useI18n } from '../i18n/i18n.js';
import { documentStore } from '../state/documentStore.js';
import { useDocument } from '../state/useDocument.js';

/** Beside this year's section: last year's text of the same section, read only, each paragraph copyable. */
export function PriorYearPane({ section }: { section: SectionDef }) {
  const doc = useDocument();
  const { t, locale } = useI18n();
  const [copied, setCopied] = useState<number | null>(null);
  const prior = doc?.report.priorYear;
  const priorTemplate = documentStore.priorTemplate();
  if (!doc || !prior || !priorTemplate) return null;
  const where = priorSectionOf(doc.template, priorTemplate, section.id);
  const blocks = where.ok ? (prior.sections[where.prior] ?? []) : [];
  const copy = (text: string, index: number) =>
    void navigator.clipboard
      ?.writeText(text)
      .then(() => setCopied(index))
      .catch(() => setCopied(null));
  return (
    <aside className="prior-pane" data-testid="prior-pane" aria-label={t('priorPaneTitle', { year: prior.year })}>
      <h3>{t('priorPaneTitle', { year: prior.year })}</h3>
      {where.note ? <p className="muted">{where.note[locale]}</p> : null}
      {blocks.length === 0 ? <p className="muted">{t('priorPaneEmpty')}</p> : null}
      {blocks.map((block, i) =>
        typeof block === 'string' ? (
          <div key={i} className="prior-paragraph">
            <p>{block}</p>
            <button type="button" className="link" onClick={() => copy(block, i)} data-testid="copy-prior-paragraph">
              {copied === i ? t('copied') : t('copyParagraph')}
            </button>
          </div>
        ) : (
          <h4 key={i}>{block.heading}</h4>
        ),
      )}
    </aside>
  );
}
