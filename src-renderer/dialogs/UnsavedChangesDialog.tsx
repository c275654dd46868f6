import { CLOSE_PROMPT } from '../../src-main/app/menu.js';
import { useI18n } from '../i18n/i18n.js';
import { Modal } from './Modal.js';

export type LeaveChoice = 'save' | 'discard' | 'cancel';

/**
 * Leaving a report with unsaved changes (首页, 新建, 打开, 导入): the same question, wording and
 * three answers as closing the window, which the main process asks.
 */
export function UnsavedChangesDialog({ onChoose }: { onChoose: (choice: LeaveChoice) => void }) {
  const { locale } = useI18n();
  return (
    <Modal title={CLOSE_PROMPT.title[locale]} onClose={() => onChoose('cancel')} testId="unsaved-changes">
      <p>{CLOSE_PROMPT.message[locale]}</p>
      <p className="muted">{CLOSE_PROMPT.detail[locale]}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => onChoose('save')} data-testid="leave-save">
          {CLOSE_PROMPT.buttons.save[locale]}
        </button>
        <button type="button" onClick={() => onChoose('discard')} data-testid="leave-discard">
          {CLOSE_PROMPT.buttons.discard[locale]}
        </button>
        <button type="button" onClick={() => onChoose('cancel')} data-testid="leave-cancel">
          {CLOSE_PROMPT.buttons.cancel[locale]}
        </button>
      </div>
    </Modal>
  );
}
