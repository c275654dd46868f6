import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { documentStore } from '../state/documentStore.js';
import { useDocument } from '../state/useDocument.js';
import { findInReport, replaceInReport, type Match } from './reportSearch.js';
import { clearMatch, showMatch } from './showMatch.js';

/**
 * Ctrl+F / Ctrl+H over the whole report: 报告信息, every section's text and (for find) the tables.
 * Next and previous go to the section and mark the match; replace all is one undo step.
 */
export function FindBar({ mode, onMode, onClose }: { mode: 'find' | 'replace'; onMode: (mode: 'find' | 'replace') => void; onClose: () => void }) {
  const doc = useDocument();
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  // The match being shown, or null before the first Enter / next.
  const [shown, setShown] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const queryInput = useRef<HTMLInputElement>(null);
  const report = doc?.report;
  const template = doc?.template;
  const matches = useMemo(() => (template && report ? findInReport(template, report, query) : []), [template, report, query]);
  const current: Match | undefined = shown === null ? undefined : matches[Math.min(shown, matches.length - 1)];

  useEffect(() => {
    queryInput.current?.focus();
    queryInput.current?.select();
  }, [mode]);
  useEffect(() => () => clearMatch(), []);
  // After a replace or an undo the matches move: the mark follows the one now at the same position.
  useEffect(() => {
    if (current) showMatch(current.place);
    else clearMatch();
  }, [current]);

  const go = (step: 1 | -1) => {
    if (matches.length === 0) return;
    const from = shown === null ? (step === 1 ? -1 : matches.length) : Math.min(shown, matches.length - 1);
    const next = (from + step + matches.length) % matches.length;
    setShown(next);
    setNotice(null);
    documentStore.show({ sectionId: matches[next]!.place.sectionId });
  };

  const replaceCurrent = () => {
    const latest = documentStore.flush();
    if (!latest || !current) return;
    if (!current.replaceable) return setNotice(t('findCannotReplaceCell'));
    documentStore.replaceReport(replaceInReport(latest.template, latest.report, query, replacement, current), current.place);
    setNotice(null);
  };

  const replaceAll = () => {
    const latest = documentStore.flush();
    if (!latest || query === '') return;
    const replaceable = findInReport(latest.template, latest.report, query).filter((m) => m.replaceable);
    if (replaceable.length > 0) documentStore.replaceReport(replaceInReport(latest.template, latest.report, query, replacement), replaceable[0]!.place);
    setNotice(t('findReplaced', { n: replaceable.length }));
  };

  // Closing leaves the current match selected in the editor, as Word does.
  const close = () => {
    clearMatch();
    if (current?.place.block !== undefined) documentStore.show(current.place);
    else if (current?.place.cell) documentStore.goTo(current.place.sectionId, current.place.cell);
    onClose();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    close();
  };

  return (
    <div className="find-bar" role="search" aria-label={t('findTitle')} data-testid="find-bar" data-own-undo onKeyDown={onKeyDown}>
      <div className="find-row">
        <input
          ref={queryInput}
          value={query}
          placeholder={t('findPlaceholder')}
          aria-label={t('findPlaceholder')}
          data-testid="find-query"
          onChange={(e) => {
            setQuery(e.target.value);
            setShown(null);
            setNotice(null);
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            go(e.shiftKey ? -1 : 1);
          }}
        />
        <span className="find-count" data-testid="find-count">
          {query === '' ? '' : matches.length === 0 ? t('findNone') : t('findCount', { i: shown === null ? '–' : Math.min(shown, matches.length - 1) + 1, n: matches.length })}
        </span>
        <button type="button" onClick={() => go(-1)} disabled={matches.length === 0} title={t('findPrevious')} data-testid="find-previous">
          ↑
        </button>
        <button type="button" onClick={() => go(1)} disabled={matches.length === 0} title={t('findNext')} data-testid="find-next">
          ↓
        </button>
        <button type="button" className="link" onClick={() => onMode(mode === 'find' ? 'replace' : 'find')} data-testid="find-toggle-replace">
          {mode === 'find' ? t('replace') : t('findOnly')}
        </button>
        <button type="button" onClick={close} aria-label={t('close')} data-testid="find-close">
          ×
        </button>
      </div>
      {mode === 'replace' ? (
        <div className="find-row">
          <input value={replacement} placeholder={t('replaceWith')} aria-label={t('replaceWith')} data-testid="replace-with" onChange={(e) => setReplacement(e.target.value)} />
          <button type="button" onClick={replaceCurrent} disabled={!current} data-testid="replace-one">
            {t('replace')}
          </button>
          <button type="button" onClick={replaceAll} disabled={matches.length === 0} data-testid="replace-all">
            {t('replaceAll')}
          </button>
        </div>
      ) : null}
      {notice ? <p className="find-notice" role="status">{notice}</p> : null}
    </div>
  );
}
