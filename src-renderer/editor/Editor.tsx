import { useCallback, useEffect, useMemo, useState } from 'react';
import { isLexicalEmpty, lexicalToPlainText } from '../../src-core/index.js';
import type { ExportFormat } from '../dialogs/ExportDialog.js';
import { useI18n } from '../i18n/i18n.js';
import { FindBar } from '../find/FindBar.js';
import { PageView } from '../pageView/PageView.js';
import { saveReport, type Feedback } from '../state/appActions.js';
import { documentStore, type OpenDocument } from '../state/documentStore.js';
import { sameFields, useDocumentSelector } from '../state/useDocument.js';
import { FindingsPanel } from './FindingsPanel.js';
import { META_SECTION } from './findingPlaces.js';
import { MetaPanel } from './MetaPanel.js';
import { Outline } from './Outline.js';
import { SectionView } from './SectionView.js';

/** What the editing screen shows besides the section: the page view, the find bar, a print request. */
export interface EditorView {
  pages: boolean;
  zoom: number;
  find: 'find' | 'replace' | null;
  /** Increases with each Ctrl+P; the page view prints when it changes. */
  printRequest: number;
}

/** What the editing screen itself shows; the counts of findings are drawn by components of their own. */
const selectEditorState = (doc: OpenDocument | null) => ({
  template: doc?.template,
  docId: doc?.docId,
  path: doc?.path ?? null,
  dirty: doc?.dirty ?? false,
  canUndo: doc?.canUndo ?? false,
  canRedo: doc?.canRedo ?? false,
  focus: doc?.focus ?? null,
  sections: doc?.report.sections,
  title: documentStore.title(),
});

function selectFindingTotals(doc: OpenDocument | null) {
  const errors = doc?.findings.filter((f) => f.severity === 'error').length ?? 0;
  return { errors, warnings: (doc?.findings.length ?? 0) - errors };
}

/** The report's count of errors on the side-panel button: a changed count redraws this, not the editor. */
function ErrorBadge() {
  const { errors } = useDocumentSelector(selectFindingTotals, sameFields);
  return errors > 0 ? <span className="count error">{errors}</span> : null;
}

/** The status bar's counts of errors and warnings. */
function FindingTotals() {
  const { t } = useI18n();
  const { errors, warnings } = useDocumentSelector(selectFindingTotals, sameFields);
  return (
    <>
      <span className={errors > 0 ? 'errors' : ''}>{t('errorsCount', { n: errors })}</span>
      <span>{t('warningsCount', { n: warnings })}</span>
    </>
  );
}

export const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5];

/** The editing screen: outline, the section in view (or the page view), guidance and findings, status bar. */
export function Editor({
  view,
  onView,
  onHome,
  onExport,
  onSwitchLocale,
  onPreferences,
  feedback,
}: {
  view: EditorView;
  onView: (patch: Partial<EditorView>) => void;
  onHome: () => void;
  onExport: (formats: ExportFormat[]) => void;
  onSwitchLocale: () => void;
  onPreferences: () => void;
  feedback: Feedback;
}) {
  const doc = useDocumentSelector(selectEditorState, sameFields);
  const { t, locale } = useI18n();
  const [active, setActive] = useState<string>(() => doc.template?.sections[0]?.id ?? 'preamble');
  // On a narrow window the guidance and checks are a panel the user opens.
  const [sideOpen, setSideOpen] = useState(false);

  useEffect(() => {
    if (doc.focus) setActive(doc.focus.sectionId);
  }, [doc.focus]);

  // Section texts are read only when they change (a long report has a lot of text); a cell edit leaves them as they are.
  const sections = doc.sections;
  const textInfo = useMemo(() => {
    const filled = new Set<string>();
    let chars = 0;
    for (const [id, state] of Object.entries(sections ?? {})) {
      if (!isLexicalEmpty(state)) filled.add(id);
      chars += lexicalToPlainText(state).replace(/\s/g, '').length;
    }
    return { filled, chars };
  }, [sections]);
  const selectOutline = useCallback((id: string) => {
    setActive(id);
    onView({ pages: false });
  }, [onView]);

  if (!doc.template) return null;
  const section = active === META_SECTION ? undefined : (doc.template.sectionById.get(active) ?? doc.template.sections[0]!);
  const chars = textInfo.chars;
  const zoomStep = (step: 1 | -1) => {
    const at = ZOOM_STEPS.findIndex((z) => z >= view.zoom - 1e-6);
    onView({ zoom: ZOOM_STEPS[Math.max(0, Math.min(ZOOM_STEPS.length - 1, (at < 0 ? ZOOM_STEPS.length - 1 : at) + step))]! });
  };

  return (
    <div className={`editor${view.pages ? ' pages-mode' : ''}${sideOpen ? ' side-open' : ''}`} data-testid="editor">
      <header className="toolbar-top">
        <button type="button" onClick={onHome} data-testid="home">
          {t('home')}
        </button>
        <strong className="doc-title" title={doc.title}>
          {doc.title}
        </strong>
        <button type="button" onClick={() => documentStore.undo()} disabled={!doc.canUndo} title={`${t('undo')} (Ctrl+Z)`} data-testid="undo">
          {t('undo')}
        </button>
        <button type="button" onClick={() => documentStore.redo()} disabled={!doc.canRedo} title={`${t('redo')} (Ctrl+Y)`} data-testid="redo">
          {t('redo')}
        </button>
        <button type="button" onClick={() => onView({ find: 'find' })} title={`${t('find')} (Ctrl+F)`} data-testid="open-find">
          {t('find')}
        </button>
        <button type="button" className={view.pages ? 'pressed' : ''} aria-pressed={view.pages} onClick={() => onView({ pages: !view.pages })} data-testid="toggle-pages">
          {view.pages ? t('editView') : t('pageView')}
        </button>
        {view.pages ? (
          <span className="zoom">
            <button type="button" onClick={() => zoomStep(-1)} aria-label={t('zoomOut')} data-testid="zoom-out">
              −
            </button>
            <span data-testid="zoom-level">{Math.round(view.zoom * 100)}%</span>
            <button type="button" onClick={() => zoomStep(1)} aria-label={t('zoomIn')} data-testid="zoom-in">
              +
            </button>
            <button type="button" onClick={() => onView({ printRequest: view.printRequest + 1 })} title={`${t('print')} (Ctrl+P)`} data-testid="print">
              {t('print')}
            </button>
          </span>
        ) : null}
        <button type="button" onClick={() => void saveReport(feedback)} data-testid="save">
          {t('save')}
        </button>
        <button type="button" className="primary" onClick={() => onExport(['docx', 'pdf'])} data-testid="export">
          {t('export')}
        </button>
        <button type="button" onClick={onPreferences} data-testid="preferences">
          {t('preferences')}
        </button>
        <button type="button" className="link" onClick={onSwitchLocale} data-testid="language">
          {t('language')}
        </button>
        <button type="button" className="side-toggle" aria-expanded={sideOpen} onClick={() => setSideOpen(!sideOpen)} data-testid="side-toggle" title={sideOpen ? t('hideSide') : t('showSide')}>
          {t('sidePanel')} <ErrorBadge />
        </button>
      </header>
      <Outline template={doc.template} filled={textInfo.filled} active={section?.id ?? META_SECTION} onSelect={selectOutline} />
      {view.pages ? (
        <PageView zoom={view.zoom} printRequest={view.printRequest} onEdit={() => onView({ pages: false })} />
      ) : (
        <main className="section-area">
          {view.find ? <FindBar mode={view.find} onMode={(find) => onView({ find })} onClose={() => onView({ find: null })} /> : null}
          {section ? <SectionView key={`${doc.docId}:${section.id}`} section={section} /> : <MetaPanel />}
        </main>
      )}
      <aside className="side" aria-label={t('sidePanel')}>
        <section className="guidance" aria-label={t('guidance')}>
          <h3>{t('guidance')}</h3>
          <p>{section ? section.guidance[locale] : t('metaGuidance')}</p>
        </section>
        <FindingsPanel />
      </aside>
      <footer className="status-bar" data-testid="status-bar">
        <span className={doc.dirty ? 'unsaved' : 'saved'}>{doc.dirty ? t('unsaved') : t('saved')}</span>
        <span>{t('charCount', { n: chars })}</span>
        <FindingTotals />
        {doc.path ? <span className="path">{doc.path}</span> : null}
      </footer>
    </div>
  );
}
