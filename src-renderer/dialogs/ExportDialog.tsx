import { useEffect, useState } from 'react';
import type { IpcResponse } from '../../src-main/ipc/contract.js';
import { drs } from '../api.js';
import { useI18n } from '../i18n/i18n.js';
import { documentStore } from '../state/documentStore.js';
import { locationSection } from '../editor/findingPlaces.js';
import { useDocument } from '../state/useDocument.js';
import { Modal } from './Modal.js';

export type ExportFormat = 'docx' | 'pdf' | 'html';
const FORMAT_LABEL = { docx: 'exportWord', pdf: 'exportPdf', html: 'exportHtml' } as const;
type Result = IpcResponse<'exportReport'>;

/** Word, PDF or both, into a folder; a report with errors exports only as a draft; progress, then the files. */
export function ExportDialog({ initialFormats, onClose }: { initialFormats: ExportFormat[]; onClose: () => void }) {
  const { t, locale } = useI18n();
  const doc = useDocument();
  const [formats, setFormats] = useState<ExportFormat[]>(initialFormats.length >= 2 ? initialFormats : ['docx', 'pdf']);
  const [progress, setProgress] = useState<{ stage: string; done: number; total: number } | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const errors = doc?.findings.filter((f) => f.severity === 'error') ?? [];

  useEffect(
    () =>
      drs.onCommand((command) => {
        if (command.type === 'exportProgress') setProgress(command);
      }),
    [],
  );

  const toggle = (format: ExportFormat) => setFormats((f) => (f.includes(format) ? f.filter((x) => x !== format) : [...f, format]));

  const run = async (draft: boolean) => {
    const current = documentStore.flush();
    if (!current || formats.length === 0) return;
    setFailure(null);
    setProgress({ stage: 'check', done: 0, total: 1 });
    const answer = await drs.exportReport({ report: current.report, formats, draft, folder: null });
    setProgress(null);
    if (!answer.ok) return setFailure(answer.error.message[locale]);
    if (answer.value.status === 'failed') return setFailure(answer.value.reason[locale]);
    if (answer.value.status !== 'cancelled') setResult(answer.value);
  };

  const goToFirstError = () => {
    const first = errors[0];
    if (doc && first) {
      const sectionId = locationSection(doc.template, first.location) ?? doc.template.sections[0]!.id;
      documentStore.goTo(sectionId, 'tableId' in first.location ? first.location : undefined);
    }
    onClose();
  };

  return (
    <Modal title={t('exportTitle')} onClose={onClose} testId="export-dialog">
      {result?.status === 'exported' ? (
        <div data-testid="export-result">
          <p className="ok">{result.draft ? t('exportDoneDraft') : t('exportDone')}</p>
          <ul className="files">
            {result.files.map((f) => (
              <li key={f.path}>
                <span className="path">{f.path}</span>
                <button type="button" onClick={() => void drs.openExportedFile({ path: f.path })}>
                  {t('openExported')}
                </button>
                <button type="button" onClick={() => void drs.showExportedFile({ path: f.path })}>
                  {t('showInFolder')}
                </button>
              </li>
            ))}
          </ul>
          {result.warnings.length > 0 ? (
            <>
              <h3>{t('exportWarnings')}</h3>
              <ul className="notes">
                {result.warnings.map((w, i) => (
                  <li key={i}>{w.message}</li>
                ))}
              </ul>
            </>
          ) : null}
          {result.notes.length > 0 ? (
            <>
              <h3>{t('exportNotes')}</h3>
              <ul className="notes">
                {result.notes.map((n, i) => (
                  <li key={i}>{n[locale]}</li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="actions">
            <button type="button" className="primary" onClick={onClose}>
              {t('close')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <fieldset className="formats">
            {(['docx', 'pdf', 'html'] as const).map((format) => (
              <label key={format}>
                <input type="checkbox" checked={formats.includes(format)} onChange={() => toggle(format)} />
                {t(FORMAT_LABEL[format])}
              </label>
            ))}
          </fieldset>
          {formats.length === 0 ? <p className="muted">{t('exportChooseFormat')}</p> : null}
          {errors.length > 0 ? (
            <p className="warning-text" role="alert">
              {t('exportHasErrors', { n: errors.length })}
            </p>
          ) : null}
          {progress ? (
            <div className="progress" role="progressbar" aria-valuenow={progress.done} aria-valuemax={progress.total}>
              <span>
                {t('exporting')} {t(`stage_${progress.stage}` as 'stage_pdf')}
              </span>
              <div className="bar">
                <div style={{ width: `${Math.round((100 * progress.done) / Math.max(1, progress.total))}%` }} />
              </div>
            </div>
          ) : null}
          {failure ? (
            <p className="error-text" role="alert">
              {failure}
            </p>
          ) : null}
          <div className="actions">
            {errors.length > 0 ? (
              <>
                <button type="button" onClick={goToFirstError}>
                  {t('goToFirstError')}
                </button>
                <button type="button" className="primary" disabled={formats.length === 0 || progress !== null} onClick={() => void run(true)}>
                  {t('exportDraft')}
                </button>
              </>
            ) : (
              <button type="button" className="primary" disabled={formats.length === 0 || progress !== null} onClick={() => void run(false)}>
                {t('exportStart')}
              </button>
            )}
            <button type="button" onClick={onClose}>
              {t('cancel')}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
