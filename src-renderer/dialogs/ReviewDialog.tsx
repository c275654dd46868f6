import { useEffect, useState } from 'react';
import type { Localized } from '../../src-core/index.js';
import type { IpcRequest, IpcResponse } from '../../src-main/ipc/contract.js';
import { drs } from '../api.js';
import { useI18n } from '../i18n/i18n.js';
import { Modal } from './Modal.js';

type Summary = Extract<IpcResponse<'reviewReports'>, { status: 'reviewed' }>['summary'];
type Progress = { done: number; total: number; fileName: string };

/**
 * Review mode: choose published reports (files or a folder), watch them being read, then the
 * summary — a row per report; clicking one shows its findings — and write it as HTML or Excel.
 */
export function ReviewDialog({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [problem, setProblem] = useState<Localized | null>(null);
  const [written, setWritten] = useState<string | null>(null);

  useEffect(() => drs.onCommand((command) => command.type === 'reviewProgress' && setProgress(command)), []);

  const run = async (request: IpcRequest<'reviewReports'>) => {
    setRunning(true);
    setProblem(null);
    setWritten(null);
    setProgress(null);
    const answer = await drs.reviewReports(request);
    setRunning(false);
    if (!answer.ok) return setProblem(answer.error.message);
    if (answer.value.status === 'cancelled') return;
    setSummary(answer.value.summary);
    setSelected(null);
  };

  const exportAs = async (format: 'html' | 'xlsx') => {
    setProblem(null);
    const answer = await drs.exportReview({ format });
    if (!answer.ok) return setProblem(answer.error.message);
    if (answer.value.status === 'failed') return setProblem(answer.value.reason);
    if (answer.value.status === 'exported') setWritten(answer.value.path);
  };

  const report = summary && selected !== null ? summary.reports[selected] : undefined;
  return (
    <Modal title={t('reviewTitle')} onClose={running ? () => undefined : onClose} testId="review-dialog" wide>
      {running ? (
        <p role="status" data-testid="review-progress">
          <span className="spinner" aria-hidden="true" /> {progress ? t('reviewProgress', { n: progress.done + 1, total: progress.total, file: progress.fileName }) : t('reviewStarting')}
        </p>
      ) : null}
      {!running && !summary ? <p className="muted">{t('reviewHint')}</p> : null}
      {problem ? (
        <p className="error-text" role="alert" data-testid="review-problem">
          {problem[locale]}
        </p>
      ) : null}

      {summary && !running ? (
        <div className="review" data-testid="review-summary">
          <p data-testid="review-overview">
            {t('reviewOverview', {
              reports: summary.reports.length,
              withErrors: summary.reports.filter((r) => r.errors > 0).length,
              unreadable: summary.unreadable.length,
            })}
          </p>
          {summary.notices.length > 0 ? (
            <ul className="notes" data-testid="review-notices">
              {summary.notices.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          ) : null}
          <table className="review-table" data-testid="review-table">
            <thead>
              <tr>
                <th>{t('reviewFile')}</th>
                <th>{t('orgName')}</th>
                <th>{t('year')}</th>
                <th>{t('reviewFormat')}</th>
                <th>{t('reviewSignature')}</th>
                <th>{t('reviewErrors')}</th>
                <th>{t('reviewWarnings')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.reports.map((r, i) => (
                <tr
                  key={r.file}
                  className={`${r.errors > 0 ? 'has-errors' : ''}${selected === i ? ' selected' : ''}`}
                  tabIndex={0}
                  aria-selected={selected === i}
                  onClick={() => setSelected(i)}
                  onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && setSelected(i)}
                  data-testid="review-row"
                >
                  <td>{r.fileName}</td>
                  <td>{r.orgName || '—'}</td>
                  <td className="num">{r.year}</td>
                  <td>{r.format}</td>
                  <td>
                    {r.signature.date ?? t('reviewNotSigned')}
                    {r.signature.deadline ? <span className="meta"> ≤ {r.signature.deadline}</span> : null}
                    {r.signature.problem ? <span className="error-text"> {t('reviewLate')}</span> : null}
                  </td>
                  <td className="num errors">{r.errors}</td>
                  <td className="num">{r.warnings}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report ? (
            <section className="review-findings" data-testid="review-findings" aria-label={report.fileName}>
              <h3>
                {report.orgName} · {report.year} · {report.fileName}
              </h3>
              {report.findings.length === 0 ? <p className="muted">{t('noFindings')}</p> : null}
              <ol>
                {report.findings.map((f, i) => (
                  <li key={i} className={`finding ${f.severity}`}>
                    <span className="meta">
                      [{f.ruleId}] {f.severity === 'error' ? t('reviewError') : t('reviewWarning')} · {f.place}
                    </span>
                    <span>{f.message}</span>
                    {f.quote ? <span className="quote">{f.quote}</span> : null}
                  </li>
                ))}
              </ol>
            </section>
          ) : summary.reports.length > 0 ? (
            <p className="muted">{t('reviewPickRow')}</p>
          ) : null}
          {summary.unreadable.length > 0 ? (
            <>
              <h3 className="attention">{t('reviewUnreadable', { n: summary.unreadable.length })}</h3>
              <ul className="import-list" data-testid="review-unreadable">
                {summary.unreadable.map((u) => (
                  <li key={u.file}>
                    <strong>{u.fileName}</strong>
                    <span className="meta">{u.message}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {written ? (
            <p role="status" data-testid="review-written">
              {t('reviewWritten', { path: written })}
            </p>
          ) : null}
        </div>
      ) : null}

      <div className="actions">
        {running ? (
          <button type="button" onClick={() => void drs.cancelReview({})} data-testid="review-cancel">
            {t('cancel')}
          </button>
        ) : (
          <>
            {summary ? (
              <>
                <button type="button" onClick={() => void exportAs('html')} data-testid="review-export-html">
                  {t('reviewExportHtml')}
                </button>
                <button type="button" onClick={() => void exportAs('xlsx')} data-testid="review-export-xlsx">
                  {t('reviewExportXlsx')}
                </button>
              </>
            ) : null}
            <button type="button" onClick={() => void run({ choose: 'folder' })} data-testid="review-choose-folder">
              {t('reviewChooseFolder')}
            </button>
            <button type="button" onClick={() => void run({ choose: 'files' })} data-testid="review-choose-files">
              {t('reviewChooseFiles')}
            </button>
            <button type="button" onClick={onClose}>
              {t('close')}
            </button>
          </>
        )}
      </div>
    </Modal>
  );
}
