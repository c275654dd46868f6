import { useEffect, useState } from 'react';
import { FONT_ROLES, type FontRole, type Locale } from '../../src-core/index.js';
import type { IpcRequest, IpcResponse } from '../../src-main/ipc/contract.js';
import { drs } from '../api.js';
import { UnitTypeSelect } from '../UnitTypeSelect.js';
import { useI18n } from '../i18n/i18n.js';
import type { MessageKey } from '../i18n/zh-CN.js';
import { Modal } from './Modal.js';

type Settings = IpcResponse<'getSettings'>;
type Fonts = IpcResponse<'listFonts'>;
const FACTS = ['orgName', 'website', 'contactDept', 'address', 'postcode', 'phone', 'fax', 'email', 'signatureOrg'] as const;

/** Preferences (kept by SettingsStore, never report content): language, your organisation, export fonts, autosave, backups, export folder. */
export function PreferencesDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (settings: Settings) => void }) {
  const { t, locale } = useI18n();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [fonts, setFonts] = useState<Fonts | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    void drs.getSettings({}).then((r) => r.ok && setSettings(r.value));
    void drs.listFonts({}).then((r) => r.ok && setFonts(r.value));
  }, []);
  if (!settings) return null;

  const facts = settings.defaultFacts;
  const setFact = (name: string, value: string | boolean) => setSettings({ ...settings, defaultFacts: { ...facts, [name]: value === '' ? undefined : value } });
  const setFont = (role: FontRole, family: string) => {
    const next = { ...settings.fonts };
    if (family) next[role] = family;
    else delete next[role];
    setSettings({ ...settings, fonts: next });
  };

  // Files and folders are chosen in the native dialogs: the main process stores only paths the user picked there.
  const chooseFontFile = async (role: FontRole) => {
    const answer = await drs.chooseFontFile({});
    if (!answer.ok) return setMessage({ ok: false, text: answer.error.message[locale] });
    if (answer.value.status === 'refused') return setMessage({ ok: false, text: answer.value.reason[locale] });
    if (answer.value.status === 'chosen') setFont(role, answer.value.path);
  };
  const chooseExportFolder = async () => {
    const answer = await drs.chooseExportFolder({});
    if (answer.ok && answer.value.status === 'chosen') setSettings({ ...settings, exportFolder: answer.value.path });
  };

  const save = async () => {
    const patch: IpcRequest<'updateSettings'> = {
      locale: settings.locale,
      autosaveSeconds: settings.autosaveSeconds,
      backupsKept: settings.backupsKept,
      defaultFacts: Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)),
      fonts: settings.fonts,
      exportFolder: settings.exportFolder,
    };
    const answer = await drs.updateSettings(patch);
    if (!answer.ok) {
      const issue = answer.error.issues?.[0];
      const field = issue?.path.replace(/^\$\./, '').split('.')[0] ?? '';
      const label = { autosaveSeconds: t('prefAutosave'), backupsKept: t('prefBackups'), exportFolder: t('prefExportFolder') }[field] ?? field;
      return setMessage({ ok: false, text: t('prefInvalid', { detail: `${label} ${issue?.message ?? answer.error.message[locale]}` }) });
    }
    setMessage({ ok: true, text: t('prefSaved') });
    onSaved(answer.value);
    void drs.listFonts({}).then((r) => r.ok && setFonts(r.value));
  };

  const families = fonts ? [...new Set([...fonts.installed, ...fonts.bundled])] : [];
  return (
    <Modal title={t('preferences')} onClose={onClose} testId="preferences-dialog">
      <div className="prefs">
        <label className="fact">
          <span>{t('prefLanguage')}</span>
          <select name="locale" value={settings.locale} onChange={(e) => setSettings({ ...settings, locale: e.target.value as Locale })}>
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <h3>{t('prefDefaultFacts')}</h3>
        {FACTS.map((name) => (
          <label key={name} className="fact">
            <span>{t(`fact_${name}` as MessageKey)}</span>
            <input name={`default-${name}`} value={String(facts[name] ?? '')} onChange={(e) => setFact(name, e.target.value)} />
          </label>
        ))}
        <label className="fact">
          <span>{t('unitType')}</span>
          <UnitTypeSelect name="default-unitType" value={facts.unitType ?? 'department'} onChange={(u) => setFact('unitType', u)} />
        </label>
        <h3>{t('prefFonts')}</h3>
        {FONT_ROLES.map((role) => (
          <label key={role} className="fact font-choice">
            <span>{t(`role_${role}` as MessageKey)}</span>
            <select name={`font-${role}`} value={settings.fonts[role] ?? ''} onChange={(e) => setFont(role, e.target.value)}>
              <option value="">{t('prefFontDefault')}</option>
              {[...families, ...(settings.fonts[role] && !families.includes(settings.fonts[role]) ? [settings.fonts[role]] : [])].map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
            <button type="button" name={`font-file-${role}`} onClick={() => void chooseFontFile(role)}>
              {t('prefChooseFontFile')}
            </button>
            <span className="preview" style={{ fontFamily: `"${settings.fonts[role] ?? fonts?.resolved[role]?.family ?? ''}", serif` }}>
              <span lang="zh-CN">{t('prefFontPreview')}</span>
            </span>
            {fonts?.resolved[role] ? <span className="muted">{t('prefFontResolved', { family: fonts.resolved[role]!.family })}</span> : null}
          </label>
        ))}
        <button type="button" onClick={() => setSettings({ ...settings, fonts: {} })}>
          {t('prefResetFonts')}
        </button>
        <label className="fact">
          <span>{t('prefAutosave')}</span>
          <input name="autosaveSeconds" type="number" value={settings.autosaveSeconds} onChange={(e) => setSettings({ ...settings, autosaveSeconds: Number(e.target.value) })} />
        </label>
        <label className="fact">
          <span>{t('prefBackups')}</span>
          <input name="backupsKept" type="number" value={settings.backupsKept} onChange={(e) => setSettings({ ...settings, backupsKept: Number(e.target.value) })} />
        </label>
        <div className="fact">
          <span>{t('prefExportFolder')}</span>
          <span data-testid="export-folder">{settings.exportFolder ?? t('prefNoFolder')}</span>
          <button type="button" onClick={() => void chooseExportFolder()}>
            {t('prefChooseFolder')}
          </button>
          {settings.exportFolder ? (
            <button type="button" onClick={() => setSettings({ ...settings, exportFolder: null })}>
              {t('prefClearFolder')}
            </button>
          ) : null}
        </div>
      </div>
      {message ? (
        <p className={message.ok ? 'ok' : 'error-text'} role="alert" data-testid="preferences-message">
          {message.text}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void save()}>
          {t('prefSave')}
        </button>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </Modal>
  );
}
