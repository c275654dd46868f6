import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Locale, Localized, Template } from '../src-core/index.js';
import type { AppCommand, MenuCommand } from '../src-main/ipc/contract.js';
import { drs } from './api.js';
import { AboutDialog } from './dialogs/AboutDialog.js';
import { LoadFailureDialog } from './dialogs/LoadFailureDialog.js';
import { PreferencesDialog } from './dialogs/PreferencesDialog.js';
import { RecoveryOfferDialog } from './dialogs/RecoveryOfferDialog.js';
import { ExportDialog, type ExportFormat } from './dialogs/ExportDialog.js';
import { ImportDialog } from './dialogs/ImportDialog.js';
import { ReviewDialog } from './dialogs/ReviewDialog.js';
import { UnsavedChangesDialog, type LeaveChoice } from './dialogs/UnsavedChangesDialog.js';
import { Editor, type EditorView } from './editor/Editor.js';
import { I18nProvider } from './i18n/i18n.js';
import { StartScreen } from './start/StartScreen.js';
import { autosave, loadTemplates, openReport, saveReport, setLocale, type Feedback, type LoadFailure, type RecoveryOffer } from './state/appActions.js';
import { documentStore, type OpenDocument } from './state/documentStore.js';
import { sameFields, useDocumentSelector } from './state/useDocument.js';

/** What the window follows of the report: whether one is open, which, its title and unsaved state — not every edit. */
function selectWindowState(doc: OpenDocument | null) {
  return {
    open: doc !== null,
    docId: doc?.docId,
    title: doc ? (doc.path?.split(/[\\/]/).pop() ?? documentStore.title()) : '',
    dirty: doc?.dirty ?? false,
  };
}

/** The window: start screen or editor, the app-wide dialogs, menu commands, autosave and the window title. */
export function App() {
  const doc = useDocumentSelector(selectWindowState, sameFields);
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
  const [view, setView] = useState<EditorView>({ pages: false, zoom: 1, find: null, printRequest: 0 });
  const changeView = useCallback((patch: Partial<EditorView>) => setView((v) => ({ ...v, ...patch, ...(patch.find ? { pages: false } : {}) })), []);
  // What to do once the user has answered 保存 / 不保存 about unsaved changes.
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  /** Leaving the report (首页, 新建, 打开, 导入): asks first when it has unsaved changes, as closing the window does. */
  const leaveThen = useCallback((action: () => void) => {
    const open = documentStore.flush();
    if (open?.dirty) setLeaving(() => action);
    else action();
  }, []);
  const answerLeave = (choice: LeaveChoice) => {
    const action = leaving;
    setLeaving(null);
    if (!action || choice === 'cancel') return;
    // 不保存: as when closing, the changes stay in the recovery area.
    if (choice === 'discard') void autosave().then(action);
    else void saveReport(feedback).then((saved) => saved && action());
  };
  const goHome = useCallback(() => leaveThen(() => documentStore.close()), [leaveThen]);

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
        if (/\.drs$/i.test(command.path)) leaveThen(() => void openReport(templates, feedback, command.path));
        else leaveThen(() => setImporting({ path: command.path }));
      }
      if (command.type === 'menu') runCommandRef.current(command.command);
    });
  }, [templates, feedback, leaveThen]);

  /** Menu commands, and the same keys when the page has them (undo, find, print). */
  const runCommand = (command: MenuCommand) => {
    if (!templates) return;
    const open = documentStore.getSnapshot() !== null;
    switch (command) {
      case 'new':
        leaveThen(() => documentStore.close());
        break;
      case 'open':
        leaveThen(() => void openReport(templates, feedback));
        break;
      case 'import':
        leaveThen(() => setImporting({ path: null }));
        break;
      case 'review':
        setReviewing(true);
        break;
      case 'undo':
        documentStore.undo();
        break;
      case 'redo':
        documentStore.redo();
        break;
      case 'find':
      case 'replace':
        if (open) changeView({ find: command });
        break;
      case 'print':
        if (open) setView((v) => ({ ...v, pages: true, find: null, printRequest: v.printRequest + 1 }));
        break;
      case 'pageView':
        if (open) setView((v) => ({ ...v, pages: !v.pages, find: null }));
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
  };
  const runCommandRef = useRef(runCommand);
  runCommandRef.current = runCommand;

  // Ctrl+Z / Ctrl+Y go to the report's one history (the narrative editors send theirs there too);
  // the find bar's own fields keep their native undo, and a key a table cell already handled (its
  // own undo while it is being edited) is not handled twice.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !(e.ctrlKey || e.metaKey) || e.altKey || !documentStore.getSnapshot()) return;
      const target = e.target instanceof Element ? e.target : null;
      const ownUndo = target?.closest('[contenteditable="true"], [data-own-undo]') !== null && target !== null;
      const key = e.key.toLowerCase();
      const command = key === 'z' && !e.shiftKey ? 'undo' : key === 'y' || (key === 'z' && e.shiftKey) ? 'redo' : key === 'f' ? 'find' : key === 'h' ? 'replace' : key === 'p' ? 'print' : null;
      if (!command || ((command === 'undo' || command === 'redo') && ownUndo)) return;
      e.preventDefault();
      runCommandRef.current(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

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

  // Another report starts in the editing view.
  useEffect(() => setView((v) => ({ ...v, pages: false, find: null })), [doc.docId]);

  // The window title shows the file name and an unsaved mark; the main process asks before closing when dirty.
  const { title, dirty, open: hasDocument } = doc;
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
      {doc.open && templates ? (
        <Editor
          view={view}
          onView={changeView}
          onHome={goHome}
          onExport={(formats) => setExporting(formats)}
          onSwitchLocale={switchLocale}
          onPreferences={() => setDialog('preferences')}
          feedback={feedback}
        />
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
      {leaving ? <UnsavedChangesDialog onChoose={answerLeave} /> : null}
      {exporting && doc.open ? <ExportDialog initialFormats={exporting} onClose={() => setExporting(null)} /> : null}
    </I18nProvider>
  );
}
