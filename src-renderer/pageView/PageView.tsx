import { useEffect, useMemo, type CSSProperties } from 'react';
import { MM_TO_PT, PAGE, SIZES, TABLE_LINE_PT } from '../../src-core/index.js';
import { useI18n } from '../i18n/i18n.js';
import { documentStore, type Place } from '../state/documentStore.js';
import { useDocument } from '../state/useDocument.js';
import { layoutPages, LEFT_PT, TOP_PT, type PageCell, type PageLine } from './pageLayout.js';

const PAGE_WIDTH_PT = PAGE.widthMm * MM_TO_PT;
const PAGE_HEIGHT_PT = PAGE.heightMm * MM_TO_PT;
const PAGE_NUMBER_TOP_PT = TOP_PT + PAGE.typeHeightMm * MM_TO_PT + 7 * MM_TO_PT;

/**
 * The whole report as the export prints it, page by page with page numbers; a click on a line or a
 * cell goes to that place in the editor. Printing (Ctrl+P) prints these pages.
 */
export function PageView({ zoom, printRequest, onEdit }: { zoom: number; printRequest: number; onEdit: () => void }) {
  const doc = useDocument();
  const { t } = useI18n();
  const report = doc?.report;
  const template = doc?.template;
  const hasErrors = (doc?.findings ?? []).some((f) => f.severity === 'error');
  const layout = useMemo(() => (template && report ? layoutPages(template, report, { draft: hasErrors }) : null), [template, report, hasErrors]);

  // Printing waits for the pages just drawn.
  useEffect(() => {
    if (printRequest === 0) return;
    const frame = requestAnimationFrame(() => window.print());
    return () => cancelAnimationFrame(frame);
  }, [printRequest]);

  if (!layout) return null;
  const goTo = (place: Place) => {
    onEdit();
    documentStore.show(place);
  };
  return (
    <div className="page-view" data-testid="page-view">
      <p className="muted hint no-print">
        {t('pageCount', { n: layout.pages.length })} · {t('pageViewHint')}
      </p>
      <div className="pages" style={{ zoom } as CSSProperties}>
        {layout.pages.map((page, p) => {
          const odd = (p + 1) % 2 === 1;
          return (
            <div key={p} className="page" data-testid="page" style={{ width: `${PAGE_WIDTH_PT}pt`, height: `${PAGE_HEIGHT_PT}pt` }}>
              {page.items.map((item, i) => (item.kind === 'line' ? <Line key={i} line={item} onGo={goTo} /> : <Cell key={i} cell={item} onGo={goTo} />))}
              <div
                className="page-number"
                style={{ top: `${PAGE_NUMBER_TOP_PT}pt`, fontSize: `${SIZES.pageNumber}pt`, ...(odd ? { right: `${PAGE_WIDTH_PT - LEFT_PT - PAGE.typeWidthMm * MM_TO_PT + SIZES.pageNumber}pt` } : { left: `${LEFT_PT + SIZES.pageNumber}pt` }) }}
              >
                — {p + 1} —
              </div>
              {layout.draft ? <div className="page-draft">{t('draftMark')}</div> : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function Line({ line, onGo }: { line: PageLine; onGo: (place: Place) => void }) {
  return (
    <div
      className={`page-line font-${line.role}`}
      style={{ top: `${line.top}pt`, left: `${line.left}pt`, fontSize: `${line.size}pt`, lineHeight: `${line.size}pt` }}
      onClick={() => onGo(line.place)}
      data-section={line.place.sectionId}
    >
      {line.atoms.map((a, i) => (
        <span key={i} style={{ width: `${a.width}pt` }} className={a.bold ? 'bold' : undefined}>
          {a.text === '\n' ? '' : a.text}
        </span>
      ))}
    </div>
  );
}

function Cell({ cell, onGo }: { cell: PageCell; onGo: (place: Place) => void }) {
  return (
    <div
      className={`page-cell${cell.shaded ? ' shaded' : ''}${cell.bold ? ' bold' : ''}`}
      style={{ top: `${cell.top}pt`, left: `${cell.left}pt`, width: `${cell.width}pt`, height: `${cell.height}pt`, fontSize: `${SIZES.table}pt`, lineHeight: `${TABLE_LINE_PT}pt`, textAlign: cell.align }}
      onClick={() => onGo(cell.place)}
      data-section={cell.place.sectionId}
    >
      {cell.lines.map((text, i) => (
        <div key={i}>{text}</div>
      ))}
    </div>
  );
}
