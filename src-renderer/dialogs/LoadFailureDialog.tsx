import type { Template } from '../../src-core/index.js';
import { formatWhen, useI18n } from '../i18n/i18n.js';
import { openBackup, type Feedback, type LoadFailure } from '../state/appActions.js';
import { Modal } from './Modal.js';

/** A file that failed to load: why, in plain words, and its newest good backup. The file itself is left as it is. */
export function LoadFailureDialog({ failure, templates, feedback, onClose }: { failure: LoadFailure; templates: ReadonlyMap<string, Template>; feedback: Feedback; onClose: () => void }) {
  const { t, locale } = useI18n();
  return (
    <Modal title={t('loadFailedTitle')} onClose={onClose} testId="load-failure">
      <p className="path">{failure.path}</p>
      <p>{failure.reason[locale]}</p>
      {failure.backup ? null : <p className="muted">{t('noBackup')}</p>}
      <div className="actions">
        {failure.backup ? (
          <button type="button" className="primary" onClick={() => void openBackup(templates, feedback, failure.backup!.id).then(onClose)}>
            {t('openBackup', { when: formatWhen(failure.backup.savedAt, locale) })}
          </button>
        ) : null}
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </Modal>
  );
}
