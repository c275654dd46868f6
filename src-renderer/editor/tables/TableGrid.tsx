import { memo, useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type RefObject } from 'react';
import { cellText, columnWidths, compareCells, parseCellInput, tableGrid, type CellComparison, type CellValue, type TableModel } from '../../../src-core/index.js';
import { useI18n } from '../../i18n/i18n.js';
import { documentStore } from '../../state/documentStore.js';
import { useDocument } from '../../state/useDocument.js';
import { cellKey } from '../findingPlaces.js';
import { parsePastedBlock } from './pastedBlock.js';
import { TableNavigation } from './tableNavigation.js';

/**
 * A statistical table drawn from the template as it is printed — mandated labels, merged headers —
 * with spreadsheet keys. Values are checked as they are typed; totals update and are read-only.
 */
export function TableGrid({ model }: { model: TableModel }) {
  const doc = useDocument();
  const { t, locale } = useI18n();
  const grid = useMemo(() => tableGrid(model), [model]);
  const nav = useMemo(() => new TableNavigation(model), [model]);
  const widths = useMemo(() => columnWidths(model), [model]);
  const [drafts, setDrafts] = useState<Map<string, string>>(new Map());
  const [editing, setEditing] = useState(false);
  const [bubble, setBubble] = useState<{ key: string; message: string } | null>(null);
  const [showPrior, setShowPrior] = useState(false);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const handlers = useRef<CellHandlers>(null as unknown as CellHandlers);

  const findingsByCell = useMemo(() => {
    const map = new Map<string, { severity: string; messages: string[] }>();
    for (const f of doc?.findings ?? []) {
      if (!('tableId' in f.location) || f.location.tableId !== model.def.id) continue;
      const key = cellKey(f.location.tableId, f.location.rowId, f.location.colId);
      const entry = map.get(key) ?? { severity: 'warning', messages: [] };
      if (f.severity === 'error') entry.severity = 'error';
      entry.messages.push(f.message);
      map.set(key, entry);
    }
    return map;
  }, [doc?.findings, model]);

  // Last year's value of each cell, where last year's report is linked and the cell means the same there.
  const report = doc?.report;
  const template = doc?.template;
  const priorByCell = useMemo(() => {
    const priorTemplate = documentStore.priorTemplate();
    if (!report?.priorYear || !priorTemplate || !template) return null;
    const map = new Map<string, CellComparison>();
    for (const c of compareCells(template, report, report.priorYear, priorTemplate)) if (c.tableId === model.def.id) map.set(cellKey(c.tableId, c.rowId, c.colId), c);
    return map;
  }, [report, template, model]);

  // What is typed but not yet committed goes into the report before any save, export or autosave.
  const draftsRef = useRef(drafts);
  draftsRef.current = drafts;
  useEffect(
    () =>
      documentStore.registerFlusher(() => {
        const pending = draftsRef.current;
        if (pending.size === 0) return;
        const updates = [];
        for (const [key, typed] of pending) {
          const [, rowId = '', colId = ''] = key.split('|');
          const cell = model.cell(rowId, colId);
          const parsed = cell && parseCellInput(typed, cell);
          if (parsed?.ok) updates.push({ tableId: model.def.id, rowId, colId, value: parsed.value });
        }
        draftsRef.current = new Map();
        setDrafts(new Map());
        documentStore.setCells(updates);
      }),
    [model],
  );

  // A clicked finding moves the focus here.
  useEffect(() => {
    const cell = doc?.focus?.cell;
    if (cell && cell.tableId === model.def.id) inputs.current.get(cellKey(cell.tableId, cell.rowId, cell.colId))?.focus();
  }, [doc?.focus, model]);

  if (!doc) return null;
  const tableId = model.def.id;
  const stored = (rowId: string, colId: string) => cellText(model, rowId, colId, doc.report);

  const focusCell = (rowId: string, colId: string) => {
    const input = inputs.current.get(cellKey(tableId, rowId, colId));
    input?.focus();
    input?.select();
  };

  /** Applies what was typed; a refused value stays out of the report and the cell says why. */
  const commit = (rowId: string, colId: string): boolean => {
    const key = cellKey(tableId, rowId, colId);
    const draft = drafts.get(key);
    if (draft === undefined) return true;
    const next = new Map(drafts);
    next.delete(key);
    setDrafts(next);
    const parsed = parseCellInput(draft, model.cell(rowId, colId)!);
    if (!parsed.ok) {
      setBubble({ key, message: parsed.problem[locale] });
      return false;
    }
    setBubble(null);
    const current = doc.report.tables[tableId]?.[rowId]?.[colId] ?? null;
    if (parsed.value !== current) documentStore.setCells([{ tableId, rowId, colId, value: parsed.value }]);
    return true;
  };

  const move = (rowId: string, colId: string, to: { rowId: string; colId: string } | undefined) => {
    if (!commit(rowId, colId) || !to) return;
    setEditing(false);
    focusCell(to.rowId, to.colId);
  };

  const setValue = (rowId: string, colId: string, value: CellValue) => {
    setBubble(null);
    documentStore.setCells([{ tableId, rowId, colId, value }]);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, rowId: string, colId: string, computed: boolean) => {
    const at = { rowId, colId };
    switch (e.key) {
      case 'ArrowUp':
        e.preventDefault();
        return move(rowId, colId, nav.vertical(at, -1));
      case 'ArrowDown':
      case 'Enter':
        e.preventDefault();
        return move(rowId, colId, nav.vertical(at, 1));
      case 'ArrowLeft':
      case 'ArrowRight':
        if (editing) return;
        e.preventDefault();
        return move(rowId, colId, nav.horizontal(at, e.key === 'ArrowLeft' ? -1 : 1));
      case 'Tab':
        e.preventDefault();
        return move(rowId, colId, nav.nextInput(at, e.shiftKey ? -1 : 1));
      case 'Escape': {
        const next = new Map(drafts);
        next.delete(cellKey(tableId, rowId, colId));
        setDrafts(next);
        setEditing(false);
        setBubble(null);
        return;
      }
      case 'F2':
        return setEditing(true);
      case 'Delete':
      case 'Backspace':
        if (!editing && !computed) {
          e.preventDefault();
          setValue(rowId, colId, null);
        }
        return;
      default:
        if (e.key.length === 1 && !e.ctrlKey && !e.metaKey) setEditing(true);
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>, rowId: string, colId: string) => {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return;
    e.preventDefault();
    const result = parsePastedBlock(text, model, nav, { rowId, colId });
    const key = cellKey(tableId, rowId, colId);
    if (!result.ok) {
      const values = result.problem.kind === 'tooBig' ? result.problem : { ...result.problem, problem: result.problem.problem[locale] };
      return setBubble({ key, message: t(result.problem.kind === 'tooBig' ? 'pasteTooBig' : 'pasteInvalid', values as Record<string, string | number>) });
    }
    setBubble(null);
    const next = new Map(drafts);
    for (const u of result.updates) next.delete(cellKey(tableId, u.rowId, u.colId));
    setDrafts(next);
    documentStore.setCells(result.updates.map((u) => ({ tableId, ...u })));
  };

  // The cells are memoized; they reach the latest handlers through this ref, so typing in one cell re-renders only it.
  handlers.current = {
    register: (key, el) => (el ? inputs.current.set(key, el) : inputs.current.delete(key)),
    focus: (key) => {
      setEditing(false);
      inputs.current.get(key)?.select();
    },
    click: () => setEditing(true),
    change: (key, value, computed) => {
      if (computed) return;
      setDrafts(new Map(drafts).set(key, value));
      setEditing(true);
      documentStore.markPending();
    },
    blur: (rowId, colId) => void commit(rowId, colId),
    keyDown: onKeyDown,
    paste: onPaste,
  };

  return (
    <div className="stat-table-wrap">
      <p className="muted hint">
        {t('tableHint')}
        {priorByCell ? (
          <button type="button" className="prior-toggle" onClick={() => setShowPrior(!showPrior)} aria-pressed={showPrior} data-testid={`prior-values-${tableId}`}>
            {showPrior ? t('priorValuesHide') : t('priorValuesShow')}
          </button>
        ) : null}
      </p>
      <table className="stat-table" data-testid={`table-${tableId}`}>
        <colgroup>
          {widths.map((w, i) => (
            <col key={i} style={{ width: `${(100 * w) / widths.reduce((a, b) => a + b, 0)}%` }} />
          ))}
        </colgroup>
        <tbody>
          {grid.map((row, r) => (
            <tr key={r} className={row.header ? 'head' : ''}>
              {row.cells.map((cell) => {
                if (cell.kind !== 'data') {
                  return (
                    <td key={cell.col} rowSpan={cell.rowspan} colSpan={cell.colspan} className={cell.rowspan > 1 ? `${cell.kind} group` : cell.kind}>
                      {cell.text}
                    </td>
                  );
                }
                const rowId = cell.rowId!;
                const colId = cell.colId!;
                const key = cellKey(tableId, rowId, colId);
                const computed = model.cell(rowId, colId)?.kind === 'computed';
                const mark = findingsByCell.get(key);
                const prior = priorByCell?.get(key);
                const priorTip = prior && (prior.note ? prior.note[locale] : t('priorCellTip', { value: shown(prior.prior, t('priorCellEmpty')), change: prior.change ?? '—' }));
                const tip = [...(mark ? mark.messages : computed ? [t('computedCell')] : []), ...(priorTip ? [priorTip] : [])].join('\n') || undefined;
                return (
                  <DataCellInput
                    key={cell.col}
                    cellId={key}
                    rowId={rowId}
                    colId={colId}
                    colspan={cell.colspan}
                    value={drafts.get(key) ?? stored(rowId, colId)}
                    computed={computed}
                    severity={mark?.severity}
                    title={tip}
                    prior={showPrior && prior ? (prior.note ? '—' : `${shown(prior.prior, t('priorCellEmpty'))} · ${prior.change ?? '—'}`) : undefined}
                    priorTrend={prior?.change?.startsWith('+') ? 'up' : prior?.change?.startsWith('-') ? 'down' : undefined}
                    label={`${model.row(rowId)?.label ?? ''} ${model.column(rowId, colId)?.label ?? ''}`.trim()}
                    bubble={bubble?.key === key ? bubble.message : undefined}
                    handlers={handlers}
                  />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {model.def.help ? <p className="muted hint">{model.def.help[locale]}</p> : null}
    </div>
  );
}

function shown(value: CellValue | undefined, empty: string): string {
  return value === undefined || value === null || value === '' ? empty : String(value);
}

interface CellHandlers {
  register(key: string, el: HTMLInputElement | null): void;
  focus(key: string): void;
  click(): void;
  change(key: string, value: string, computed: boolean): void;
  blur(rowId: string, colId: string): void;
  keyDown(e: KeyboardEvent<HTMLInputElement>, rowId: string, colId: string, computed: boolean): void;
  paste(e: ClipboardEvent<HTMLInputElement>, rowId: string, colId: string): void;
}

interface DataCellProps {
  cellId: string;
  rowId: string;
  colId: string;
  colspan: number;
  value: string;
  computed: boolean;
  severity: string | undefined;
  title: string | undefined;
  label: string;
  bubble: string | undefined;
  /** Last year's value and the change, when shown beside this year's. */
  prior: string | undefined;
  /** Whether this year's value went up or down from last year's. */
  priorTrend: 'up' | 'down' | undefined;
  handlers: RefObject<CellHandlers>;
}

/** One value cell; re-renders only when what it shows changes. */
const DataCellInput = memo(function DataCellInput({ cellId, rowId, colId, colspan, value, computed, severity, title, label, bubble, prior, priorTrend, handlers }: DataCellProps) {
  return (
    <td colSpan={colspan} className={`data${computed ? ' computed' : ''}${severity ? ` mark-${severity}` : ''}`} title={title}>
      <input
        ref={(el) => handlers.current.register(cellId, el)}
        value={value}
        readOnly={computed}
        aria-label={label}
        aria-invalid={severity === 'error'}
        data-cell={cellId}
        inputMode="decimal"
        onFocus={() => handlers.current.focus(cellId)}
        onMouseUp={() => handlers.current.click()}
        onChange={(e) => handlers.current.change(cellId, e.target.value, computed)}
        onBlur={() => handlers.current.blur(rowId, colId)}
        onKeyDown={(e) => handlers.current.keyDown(e, rowId, colId, computed)}
        onPaste={(e) => handlers.current.paste(e, rowId, colId)}
      />
      {prior !== undefined ? (
        <span className={`prior-value${priorTrend ? ` ${priorTrend}` : ''}`} data-testid="prior-value">
          {prior}
        </span>
      ) : null}
      {bubble ? (
        <span className="cell-bubble" role="alert" data-testid="cell-bubble">
          {bubble}
        </span>
      ) : null}
    </td>
  );
});
