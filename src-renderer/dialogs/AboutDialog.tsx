import { useEffect, useState } from 'react';
import type { IpcResponse } from '../../src-main/ipc/contract.js';
import { drs } from '../api.js';
import { useI18n } from '../i18n/i18n.js';
import { Modal } from './Modal.js';

/** Version, the licences of the open-source parts, and the full licence texts of the bundled fonts. */
export function AboutDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [about, setAbout] = useState<IpcResponse<'getAbout'> | null>(null);
  useEffect(() => void drs.getAbout({}).then((r) => r.ok && setAbout(r.value)), []);
  return (
    <Modal title={`${t('about')} ${t('appName')}`} onClose={onClose} testId="about-dialog">
      <p>{t('aboutVersion', { version: about?.version ?? '' })}</p>
      <h3>{t('aboutDependencies')}</h3>
      <ul className="licences">
        {about?.dependencies.map((d) => (
          <li key={d.name}>
            {d.name} {d.version} — {d.license}
          </li>
        ))}
      </ul>
      <h3>{t('aboutFontLicenses')}</h3>
      {about?.fontLicenses.map((l) => (
        <details key={l.name}>
          <summary>{l.name}</summary>
          <pre className="licence-text">{l.text}</pre>
        </details>
      ))}
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </Modal>
  );
}
