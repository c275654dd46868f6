import { useEffect, useMemo, useState } from 'react';
import { isLexicalEmpty, lexicalToPlainText, type Finding } from '../../src-core/index.js';
import type { ExportFormat } from '../dialogs/ExportDialog.js';
import { useI18n } from '../i18n/i18n.js';
import { autosave, saveReport, type Feedback } from '../state/appActions.js';
import { documentStore } from '../state/documentStore.js';
import { useDocument } from '../state/useDocument.js';
import { FindingsPanel } from './FindingsPanel.js';
import { locationSection, META_SECTION } from './findingPlaces.js';
import { MetaPanel } from './MetaPanel.js';
import { Outline, type SectionStatus } from './Outline.js';
import { SectionView } from './SectionView.js';

/** The editing screen: outline, the section in view, guidance and findings, status bar. */
export function Editor({ onExport, onSwitchLocale, onPreferences, feedback }: { onExport: (formats: ExportFormat[]) => void; onSwitchLocale: () => void; onPreferences: () => void; feedback: Feedback }) {
  const doc = useDocument();
  const { t, locale } = useI18n();
  const [active, setActive] = useState<string>(() => doc?.template.sections[0]?.id ?? 'preamble');

  useEffect(() => {
    if (doc?.focus) setActive(doc.focus.sectionId);
  }, [doc?.focus]);

  // Section texts are read only when they change (a long report has a lot of text), findings on every edit.
  const sections = doc?.report.sections;
  const textInfo = useMemo(() => {
    const filled = new Set<string>();
    let chars = 0;
    for (const [id, state] of Object.entries(sections ?? {})) {
      if (!isLexicalEmpty(state)) filled.add(id);
      chars += lexicalToPlainText(state).replace(/\s/g, '').length;
    }
    return { filled, chars };
  }, [sections]);
  const findings = doc?.findings;
  const template = doc?.template;
  const status = useMemo(() => {
    const result = new Map<string, SectionStatus>();
    if (!template) return result;
    result.set(META_SECTION, { errors: 0, warnings: 0, complete: true });
    for (const section of template.sections) result.set(section.id, { errors: 0, warnings: 0, complete: !section.textRequired || textInfo.filled.has(section.id) });
    for (const f of findings ?? []) {
      const sectionId = locationSection(template, f.location);
      const entry = sectionId ? result.get(sectionId) : undefined;
      if (!entry) continue;
      if (f.severity === 'error') entry.errors++;
      else entry.warnings++;
      entry.complete = false;
    }
    return result;
  }, [findings, template, textInfo]);

  if (!doc) return null;
  const section = active === META_SECTION ? undefined : (doc.template.sectionById.get(active) ?? doc.template.sections[0]!);
  const errors = doc.findings.filter((f: Finding) => f.severity === 'error').length;
  const chars = textInfo.chars;

  return (
    <div className="editor" data-testid="editor">
      <header className="toolbar-top">
        <button type="button" onClick={() => void autosave().then(() => documentStore.close())}>
          {t('home')}
        </button>
        <strong className="doc-title">{documentStore.title()}</strong>
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
      </header>
      <Outline template={doc.template} status={status} active={section?.id ?? META_SECTION} onSelect={setActive} />
      <main className="section-area">{section ? <SectionView key={`${doc.docId}:${section.id}`} section={section} /> : <MetaPanel />}</main>
      <aside className="side">
        <section className="guidance" aria-label={t('guidance')}>
          <h3>{t('guidance')}</h3>
          <p>{section ? section.guidance[locale] : t('metaGuidance')}</p>
        </section>
        <FindingsPanel />
      </aside>
      <footer className="status-bar" data-testid="status-bar">
        <span className={doc.dirty ? 'unsaved' : 'saved'}>{doc.dirty ? t('unsaved') : t('saved')}</span>
        <span>{t('charCount', { n: chars })}</span>
        <span className={errors > 0 ? 'errors' : ''}>{t('errorsCount', { n: errors })}</span>
        <span>{t('warningsCount', { n: doc.findings.length - errors })}</span>
        {doc.path ? <span className="path">{doc.path}</span> : null}
      </footer>
    </div>
  );
}
