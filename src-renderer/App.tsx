import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Locale, Localized, Template } from '../src-core/index.js';
import type { AppCommand } from '../src-main/ipc/contract.js';
import { drs } from './api.js';
import { AboutDialog } from './dialogs/AboutDialog.js';
import { LoadFailureDialog } from './dialogs/LoadFailureDialog.js';
import { PreferencesDialog } from './dialogs/PreferencesDialog.js';
import { RecoveryOfferDialog } from './dialogs/RecoveryOfferDialog.js';
import { ExportDialog, type ExportFormat } from './dialogs/ExportDialog.js';
import { ImportDialog } from './dialogs/ImportDialog.js';
import { ReviewDialog } from './dialogs/ReviewDialog.js';
import { Editor } from './editor/Editor.js';
import { I18nProvider } from './i18n/i18n.js';
import { StartScreen } from './start/StartScreen.js';
import { autosave, loadTemplates, openReport, saveReport, setLocale, type Feedback, type LoadFailure, type RecoveryOffer } from './state/appActions.js';
import { documentStore } from './state/documentStore.js';
import { useDocument } from './state/useDocument.js';

/** The window: start screen or editor, the app-wide dialogs, menu commands, autosave and the window title. */
export function App() {
  const doc = useDocument();
  const [templates, setTemplates] = useState<Map<string, Template> | null>(null);
  const [locale, setLocaleState] = useState<Locale>('zh-CN');
  const [autosaveSeconds, setAutosaveSeconds] = useState(5);
  const [problem, setProblem] = useState<Localized | null>(null);
  const [loadFailure, setLoadFailure] = useState<LoadFailure | null>(null);
  const [recoveryOffer, setRecoveryOffer] = useState<RecoveryOffer | null>(null);
  const [exporting, setExporting] = useState<ExportFormat[] | null>(null);
  const [dialog, setDialog] = useState<'preferences' | 'about' | null>(null);
  // An import in progress: the file the user dropped or opened, or null to choose one in a dialog.
  const [importing, setImporting] = useState<{ path: string | null } | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const feedback: Feedback = useMemo(() => ({ showError: setProblem, showLoadFailure: setLoadFailure, offerRecovery: setRecoveryOffer }), []);

  useEffect(() => {
    void (async () => {
      const info = await drs.getAppInfo({});
      if (info.ok) {
        setLocaleState(info.value.locale);
        documentStore.setLocale(info.value.locale);
        if (info.value.settingsNotice) setProblem(info.value.settingsNotice);
      }
      const settings = await drs.getSettings({});
      if (settings.ok) setAutosaveSeconds(settings.value.autosaveSeconds);
      try {
        setTemplates(await loadTemplates());
      } catch (error) {
        setProblem({ 'zh-CN': String(error), en: String(error) });
      }
    })();
  }, []);

  const switchLocale = useCallback(async () => {
    const next: Locale = locale === 'zh-CN' ? 'en' : 'zh-CN';
    await setLocale(next);
    setLocaleState(next);
  }, [locale]);

  // Menu commands and files opened by the OS.
  useEffect(() => {
    if (!templates) return;
    return drs.onCommand((command: AppCommand) => {
      // A report file opens; any other file the user hands over (dropped, opened with the app) is imported.
      if (command.type === 'openFile') {
        if (/\.drs$/i.test(command.path)) void openReport(templates, feedback, command.path);
        else setImporting({ path: command.path });
      }
      if (command.type !== 'menu') return;
      switch (command.command) {
        case 'new':
          void autosave().then(() => documentStore.close());
          break;
        case 'open':
          void openReport(templates, feedback);
          break;
        case 'import':
          setImporting({ path: null });
          break;
        case 'review':
          setReviewing(true);
          break;
        case 'save':
          void saveReport(feedback);
          break;
        case 'saveAs':
          void saveReport(feedback, true);
          break;
        case 'saveAndClose':
          void saveReport(feedback).then(async (saved) => {
            if (saved) await drs.closeWindow({});
          });
          break;
        case 'exportDocx':
          if (documentStore.getSnapshot()) setExporting(['docx']);
          break;
        case 'exportPdf':
          if (documentStore.getSnapshot()) setExporting(['pdf']);
          break;
        case 'about':
          setDialog('about');
          break;
        default:
          break;
      }
    });
  }, [templates, feedback]);

  // Unsaved work goes to the recovery area every few seconds and when the window loses focus.
  useEffect(() => {
    const timer = setInterval(() => void autosave(), autosaveSeconds * 1000);
    const onBlur = () => void autosave();
    window.addEventListener('blur', onBlur);
    return () => {
      clearInterval(timer);
      window.removeEventListener('blur', onBlur);
    };
  }, [autosaveSeconds]);

  // The window title shows the file name and an unsaved mark; the main process asks before closing when dirty.
  const title = doc ? (doc.path?.split(/[\\/]/).pop() ?? documentStore.title()) : '';
  const dirty = doc?.dirty ?? false;
  const hasDocument = doc !== null;
  useEffect(() => {
    document.title = hasDocument ? `${dirty ? '● ' : ''}${title} — 公开年报工作台` : '公开年报工作台';
    void drs.setDocumentState({ title: title || '公开年报工作台', dirty });
  }, [hasDocument, title, dirty]);

  return (
    <I18nProvider locale={locale}>
      {problem ? (
        <div className="banner" role="alert">
          <span>{problem[locale]}</span>
          <button type="button" onClick={() => setProblem(null)}>
            ×
          </button>
        </div>
      ) : null}
      {doc && templates ? (
        <Editor onExport={(formats) => setExporting(formats)} onSwitchLocale={switchLocale} onPreferences={() => setDialog('preferences')} feedback={feedback} />
      ) : (
        <StartScreen templates={templates} feedback={feedback} onSwitchLocale={switchLocale} onDialog={setDialog} onImport={() => setImporting({ path: null })} onReview={() => setReviewing(true)} />
      )}
      {dialog === 'preferences' ? (
        <PreferencesDialog
          onClose={() => setDialog(null)}
          onSaved={(settings) => {
            setLocaleState(settings.locale);
            documentStore.setLocale(settings.locale);
            setAutosaveSeconds(settings.autosaveSeconds);
          }}
        />
      ) : null}
      {dialog === 'about' ? <AboutDialog onClose={() => setDialog(null)} /> : null}
      {loadFailure && templates ? <LoadFailureDialog failure={loadFailure} templates={templates} feedback={feedback} onClose={() => setLoadFailure(null)} /> : null}
      {recoveryOffer && templates ? <RecoveryOfferDialog offer={recoveryOffer} templates={templates} feedback={feedback} onClose={() => setRecoveryOffer(null)} /> : null}
      {importing && templates ? <ImportDialog path={importing.path} templates={templates} onClose={() => setImporting(null)} /> : null}
      {reviewing ? <ReviewDialog onClose={() => setReviewing(false)} /> : null}
      {exporting && doc ? <ExportDialog initialFormats={exporting} onClose={() => setExporting(null)} /> : null}
    </I18nProvider>
  );
}
