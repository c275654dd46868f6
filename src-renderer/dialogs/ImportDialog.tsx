import { useEffect, useMemo, useRef, useState } from 'react';
import { cellPlaceVars, checkReport, countBySeverity, sectionName, type Localized, type Template } from '../../src-core/index.js';
import type { IpcResponse } from '../../src-main/ipc/contract.js';
import { useI18n } from '../i18n/i18n.js';
import { drs } from '../api.js';
import { autosave } from '../state/appActions.js';
import { documentStore, newDocumentId } from '../state/documentStore.js';
import { Modal } from './Modal.js';

type Imported = Extract<IpcResponse<'importReport'>, { status: 'imported' }>;

/**
 * An import, from the file to the user's decision: progress while the file is read, then the import
 * report — what went where, what could not be placed — and only on "accept" a new, unsaved report.
 */
export function ImportDialog({ path, templates, onClose }: { path: string | null; templates: ReadonlyMap<string, Template>; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [stage, setStage] = useState<'read' | 'recognize' | null>('read');
  const [imported, setImported] = useState<Imported | null>(null);
  const [failure, setFailure] = useState<Localized | null>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => drs.onCommand((command) => command.type === 'importProgress' && setStage(command.stage)), []);
  useEffect(() => {
    let live = true;
    void drs.importReport(path ? { path } : {}).then((answer) => {
      if (!live) return;
      setStage(null);
      if (!answer.ok) return setFailure(answer.error.message);
      if (answer.value.status === 'cancelled') return onCloseRef.current();
      if (answer.value.status === 'failed') return setFailure(answer.value.reason);
      setImported(answer.value);
    });
    return () => {
      live = false;
    };
    // The import runs once per file; a change of language shows the same result in the other language.
  }, [path]);

  const template = imported ? templates.get(imported.report.templateId) : undefined;
  const counts = useMemo(() => (template && imported ? countBySeverity(checkReport(template, imported.report, { locale })) : null), [template, imported, locale]);

  const accept = async () => {
    if (!imported || !template) return;
    // The report open until now keeps its unsaved work in the recovery area, as with 新建.
    await autosave();
    documentStore.open(template, imported.report, { path: null, docId: newDocumentId(), dirty: true });
    onClose();
  };

  if (failure !== null || !imported || !template) {
    return (
      <Modal title={t('importTitle')} onClose={onClose} testId="import-dialog">
        {failure !== null ? (
          <p className="error-text" role="alert" data-testid="import-failure">
            {failure[locale]}
          </p>
        ) : (
          <p role="status" data-testid="import-progress">
            <span className="spinner" aria-hidden="true" /> {stage === 'recognize' ? t('importRecognizing') : t('importReading')}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>
            {failure !== null ? t('close') : t('cancel')}
          </button>
        </div>
      </Modal>
    );
  }

  const r = imported.importReport;
  const cellLabel = (tableId: string, rowId: string, colId: string) => {
    const v = cellPlaceVars(template, tableId, rowId, colId, locale);
    return `${v.row} · ${v.col}`;
  };
  return (
    <Modal title={t('importTitle')} onClose={onClose} testId="import-dialog" wide>
      <div className="import-report" data-testid="import-report">
        <p>
          <strong>{r.fileName}</strong>
        </p>
        <dl className="facts">
          <dt>{t('format')}</dt>
          <dd data-testid="import-format">{template.name[locale]}</dd>
          <dt>{t('year')}</dt>
          <dd data-testid="import-year">{r.year ?? '—'}</dd>
          <dt>{t('orgName')}</dt>
          <dd data-testid="import-org">{r.orgName ?? '—'}</dd>
          <dt>{t('importChecks')}</dt>
          <dd data-testid="import-checks">{counts ? t('importCheckCounts', { errors: counts.errors, warnings: counts.warnings }) : '—'}</dd>
        </dl>

        <h3>{t('importSections')}</h3>
        <ul className="import-list" data-testid="import-sections">
          {r.sections.map((s) => (
            <li key={s.sectionId}>
              <strong>{sectionName(template, s.sectionId, locale)}</strong>
              <span className="meta">
                {s.sourceHeading ? `“${s.sourceHeading}” · ` : ''}
                {s.from[locale]} · {t('importParagraphs', { n: s.paragraphs, chars: s.characters })}
              </span>
            </li>
          ))}
        </ul>

        <h3>{t('importTables')}</h3>
        {[...template.tableModels.values()].map((model) => {
          const cells = r.cells.filter((c) => c.tableId === model.def.id);
          const missing = r.missingCells.filter((c) => c.tableId === model.def.id);
          if (cells.length === 0 && missing.length === 0) return null;
          return (
            <details key={model.def.id} data-testid={`import-table-${model.def.id}`}>
              <summary>{t('importTableSummary', { table: model.def.title, filled: cells.length, missing: missing.length })}</summary>
              <table className="import-cells">
                <tbody>
                  {cells.map((c) => (
                    <tr key={`${c.rowId}/${c.colId}`}>
                      <td>{cellLabel(c.tableId, c.rowId, c.colId)}</td>
                      <td className="num">{c.value ?? '—'}</td>
                      <td className="meta">{c.sourceText}{c.note ? ` · ${c.note}` : ''}</td>
                    </tr>
                  ))}
                  {missing.map((c) => (
                    <tr key={`missing-${c.rowId}/${c.colId}`} className="missing">
                      <td>{cellLabel(c.tableId, c.rowId, c.colId)}</td>
                      <td className="num">—</td>
                      <td className="meta">{t('importMissing')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          );
        })}

        {r.unplaced.length > 0 ? (
          <>
            <h3 className="attention">{t('importUnplaced', { n: r.unplaced.length })}</h3>
            <p className="muted">{t('importUnplacedHint')}</p>
            <ul className="import-list" data-testid="import-unplaced">
              {r.unplaced.map((u, i) => (
                <li key={i}>
                  <span className="meta">
                    {u.where[locale]} · {u.reason[locale]}
                  </span>
                  <span className="quote">{u.text}</span>
                  <button type="button" className="link" onClick={() => void navigator.clipboard?.writeText(u.text)}>
                    {t('copyText')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : null}

        {r.removed.length > 0 ? (
          <details data-testid="import-removed">
            <summary>{t('importRemoved', { n: r.removed.length })}</summary>
            <ul className="import-list">
              {r.removed.map((x, i) => (
                <li key={i}>
                  <span className="quote">{x.text}</span>
                  <span className="meta">{x.reason[locale]}</span>
                </li>
              ))}
            </ul>
          </details>
        ) : null}

        {r.assumptions.length > 0 ? (
          <>
            <h3>{t('importAssumptions')}</h3>
            <ul className="notes" data-testid="import-assumptions">
              {r.assumptions.map((a, i) => (
                <li key={i}>{a[locale]}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="button" className="primary" onClick={() => void accept()} data-testid="import-accept">
          {t('importAccept')}
        </button>
      </div>
    </Modal>
  );
}
