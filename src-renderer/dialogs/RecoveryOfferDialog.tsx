import type { Template } from '../../src-core/index.js';
import { drs } from '../api.js';
import { formatWhen, useI18n } from '../i18n/i18n.js';
import { restoreRecovery, type Feedback, type RecoveryOffer } from '../state/appActions.js';
import { Modal } from './Modal.js';

/** The file just opened has newer unsaved work in the recovery area: restore it, or keep the file's version. */
export function RecoveryOfferDialog({ offer, templates, feedback, onClose }: { offer: RecoveryOffer; templates: ReadonlyMap<string, Template>; feedback: Feedback; onClose: () => void }) {
  const { t, locale } = useI18n();
  return (
    <Modal title={t('recoveryOfferTitle')} onClose={onClose} testId="recovery-offer">
      <p className="path">{offer.path}</p>
      <p>{t('recoveryOfferText', { when: formatWhen(offer.savedAt, locale) })}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void restoreRecovery(templates, feedback, offer.docId).then(onClose)}>
          {t('recoveryOfferRestore')}
        </button>
        <button type="button" onClick={() => void drs.discardRecovery({ docId: offer.docId }).then(onClose)}>
          {t('recoveryOfferKeepFile')}
        </button>
      </div>
    </Modal>
  );
}
