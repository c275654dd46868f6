import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $setSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND, type BaseSelection } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { documentStore } from '../../state/documentStore.js';
import { pastedTable, sectionsOffer, tableOffer, withSplitSections, type PasteOffer } from './pasteRecognition.js';

interface HeldPaste {
  offer: PasteOffer;
  data: { html: string; text: string };
  selection: BaseSelection | null;
}

/**
 * A paste into a section's text that is more than text: a table (from Word or WPS) is offered to the
 * matching statistical table, text with several mandated headings is offered split into its sections.
 * Kept as text, it is pasted as it would have been — never silently changed.
 */
export function PastePlugin() {
  const [editor] = useLexicalComposerContext();
  const { t, locale } = useI18n();
  const [held, setHeld] = useState<HeldPaste | null>(null);
  const replaying = useRef(false);

  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = 'clipboardData' in event ? event.clipboardData : null;
          const template = documentStore.getSnapshot()?.template;
          if (replaying.current || !data || !template) return false;
          const html = data.getData('text/html');
          const text = data.getData('text/plain');
          const rows = html ? pastedTable(html) : null;
          const offer = rows ? tableOffer(template, rows) : sectionsOffer(template, text);
          if (!offer) return false;
          const selection = $getSelection()?.clone() ?? null;
          setHeld({ offer, data: { html, text }, selection });
          // A table that matches nothing is pasted as text at once, with a notice saying so.
          if (offer.kind === 'tableNotMatched') return false;
          event.preventDefault();
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );

  if (!held) return null;
  const pasteAsText = () => {
    const transfer = new DataTransfer();
    if (held.data.html) transfer.setData('text/html', held.data.html);
    transfer.setData('text/plain', held.data.text);
    editor.focus();
    editor.update(() => $setSelection(held.selection?.clone() ?? null));
    replaying.current = true;
    try {
      editor.dispatchCommand(PASTE_COMMAND, new ClipboardEvent('paste', { clipboardData: transfer }));
    } finally {
      replaying.current = false;
    }
    setHeld(null);
  };
  const { offer } = held;
  if (offer.kind === 'tableNotMatched') {
    return (
      <p className="paste-offer" role="status" data-testid="paste-offer">
        {t('pasteTableNoMatch')}{' '}
        <button type="button" className="link" onClick={() => setHeld(null)}>
          {t('close')}
        </button>
      </p>
    );
  }
  const accept = () => {
    const doc = documentStore.flush();
    if (!doc) return;
    if (offer.kind === 'table') {
      documentStore.setCells(offer.cells);
      documentStore.goTo(doc.template.tableModels.get(offer.tableId)?.def.sectionId ?? '', offer.cells[0]);
    } else {
      const first = Object.keys(offer.sections)[0]!;
      documentStore.replaceReport(withSplitSections(doc.report, offer.sections), { sectionId: first });
    }
    setHeld(null);
  };
  return (
    <div className="paste-offer" role="dialog" aria-label={offer.kind === 'table' ? t('pasteTableTitle') : t('pasteSectionsTitle')} data-testid="paste-offer">
      <strong>{offer.kind === 'table' ? t('pasteTableTitle') : t('pasteSectionsTitle')}</strong>
      <p>{offer.kind === 'table' ? t('pasteTableText', { table: offer.tableTitle, n: offer.cells.length }) : t('pasteSectionsText', { n: offer.headings.length, headings: offer.headings.join(locale === 'en' ? '; ' : '、') })}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={accept} data-testid="paste-accept">
          {offer.kind === 'table' ? t('pasteTableFill') : t('pasteSplit')}
        </button>
        <button type="button" onClick={pasteAsText} data-testid="paste-as-text">
          {offer.kind === 'table' ? t('pasteAsText') : t('pasteKeepHere')}
        </button>
      </div>
    </div>
  );
}
