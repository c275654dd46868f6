import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import { cellText, columnWidths, compareCells, parseCellInput, placePastedBlock, tableGrid, type CellComparison, type CellValue, type TableModel } from '../../../src-core/index.js';
import { useI18n } from '../../i18n/i18n.js';
import { documentStore, type OpenDocument } from '../../state/documentStore.js';
import { sameFields, useDocumentSelector } from '../../state/useDocument.js';
import { cellKey } from '../findingPlaces.js';
import { TableNavigation } from './tableNavigation.js';

/** How long a cell whose value was replaced shows the value it had. */
const REPLACED_MS = 2500;

type Mode = 'selected' | 'editing';

/**
 * A statistical table drawn from the template as it is printed — mandated labels, merged headers —
 * that behaves like a spreadsheet: a selected cell is replaced by typing, Enter/F2/double-click edit
 * it with the caret at the end, Esc restores it. Values are checked as they go in; totals are read-only.
 */
export function TableGrid({ model }: { model: TableModel }) {
  // This table's values, marks and focus: an edit elsewhere in the report does not redraw it.
  const doc = useDocumentSelector(
    useCallback(
      (open: OpenDocument | null) => ({ open: open !== null, values: open?.report.tables[model.def.id], template: open?.template, priorYear: open?.report.priorYear, focus: open?.focus }),
      [model],
    ),
    sameFields,
  );
  const findingsByCell = useDocumentSelector(
    useCallback((open: OpenDocument | null) => cellMarks(model.def.id, open), [model]),
    sameMarks,
  );
  const { t, locale } = useI18n();
  const grid = useMemo(() => tableGrid(model), [model]);
  const nav = useMemo(() => new TableNavigation(model), [model]);
  const widths = useMemo(() => columnWidths(model), [model]);
  const percents = useMemo(() => widths.map((w) => `${(100 * w) / widths.reduce((a, b) => a + b, 0)}%`), [widths]);
  // What a cell is never changes with an edit: worked out once per table, not on every render.
  const cellInfo = useMemo(() => {
    const info = new Map<string, { key: string; computed: boolean; label: string }>();
    for (const cell of model.cells) {
      const label = `${model.row(cell.rowId)?.label ?? ''} ${model.column(cell.rowId, cell.colId)?.label ?? ''}`.trim();
      info.set(`${cell.rowId}|${cell.colId}`, { key: cellKey(model.def.id, cell.rowId, cell.colId), computed: cell.kind === 'computed', label });
    }
    return info;
  }, [model]);
  // Headers and row labels never change: the same elements every time, so React skips them on an edit.
  const labelCells = useMemo(
    () =>
      new Map(
        grid.flatMap((row) =>
          row.cells
            .filter((cell) => cell.kind !== 'data')
            .map((cell) => [
              cell,
              <td key={cell.col} rowSpan={cell.rowspan} colSpan={cell.colspan} className={cell.rowspan > 1 ? `${cell.kind} group` : cell.kind}>
                {cell.text}
              </td>,
            ]),
        ),
      ),
    [grid],
  );
  // The texts follow this table's values only, not every change of the report.
  const values = doc.values;
  const texts = useMemo(() => {
    const report = documentStore.getSnapshot()?.report;
    return new Map(report && values ? model.cells.map((c) => [cellKey(model.def.id, c.rowId, c.colId), cellText(model, c.rowId, c.colId, report)]) : []);
  }, [values, model]);
  const [drafts, setDrafts] = useState<Map<string, string>>(new Map());
  const [active, setActive] = useState<{ key: string; mode: Mode } | null>(null);
  const [showPrior, setShowPrior] = useState(false);
  /** Messages at cells: a refused value, or a pasted total that disagrees with its items. */
  const [notices, setNotices] = useState<Map<string, string>>(new Map());
  const [replaced, setReplaced] = useState<Map<string, string>>(new Map());
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const handlers = useRef<CellHandlers>(null as unknown as CellHandlers);
  // Handlers run between renders (blur after a move, a flush before save): they read and write these at once.
  const draftsRef = useRef(drafts);
  const activeRef = useRef(active);
  const replacedTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The cell to select once the committed value and its findings are drawn (see `move`). */
  const selectAfterDraw = useRef<string | null>(null);
  const selectRef = useRef<(key: string) => void>(() => undefined);

  // Last year's value of each cell, where last year's report is linked and the cell means the same there.
  const { template, priorYear } = doc;
  const priorByCell = useMemo(() => {
    const priorTemplate = documentStore.priorTemplate();
    const report = documentStore.getSnapshot()?.report;
    if (!report || !priorYear || !priorTemplate || !template) return null;
    const map = new Map<string, CellComparison>();
    for (const c of compareCells(template, report, priorYear, priorTemplate)) if (c.tableId === model.def.id) map.set(cellKey(c.tableId, c.rowId, c.colId), c);
    return map;
    // A cell's comparison reads only its own table's values.
  }, [values, priorYear, template, model]);

  const writeDrafts = (next: Map<string, string>) => {
    draftsRef.current = next;
    setDrafts(next);
  };
  const writeActive = (next: { key: string; mode: Mode } | null) => {
    activeRef.current = next;
    setActive(next);
  };
  const note = (key: string, message: string | undefined) =>
    setNotices((current) => {
      if (message === undefined && !current.has(key)) return current;
      const next = new Map(current);
      if (message === undefined) next.delete(key);
      else next.set(key, message);
      return next;
    });

  // What is typed but not yet committed goes into the report before any save, export or autosave.
  // A value the cell refuses stays in the cell, marked, and out of the report.
  useEffect(
    () =>
      documentStore.registerFlusher(() => {
        const pending = draftsRef.current;
        if (pending.size === 0) return;
        const updates = [];
        const kept = new Map<string, string>();
        for (const [key, typed] of pending) {
          const [, rowId = '', colId = ''] = key.split('|');
          const cell = model.cell(rowId, colId);
          const parsed = cell && parseCellInput(typed, cell);
          if (parsed?.ok) updates.push({ tableId: model.def.id, rowId, colId, value: parsed.value });
          else kept.set(key, typed);
        }
        writeDrafts(kept);
        documentStore.setCells(updates);
      }),
    [model],
  );
  useEffect(() => () => clearTimeout(replacedTimer.current), []);

  // Runs after every drawing of the table: moving the focus lays the page out, once for both, and
  // before the next key is handled (a microtask), so no keystroke can reach the cell being left.
  useLayoutEffect(() => {
    const key = selectAfterDraw.current;
    selectAfterDraw.current = null;
    if (key) queueMicrotask(() => selectRef.current(key));
  });

  // A clicked finding selects its cell here.
  useEffect(() => {
    const cell = doc.focus?.cell;
    if (cell && cell.tableId === model.def.id) inputs.current.get(cellKey(cell.tableId, cell.rowId, cell.colId))?.focus();
  }, [doc.focus, model]);

  if (!doc.open) return null;
  const tableId = model.def.id;
  const current = () => documentStore.getSnapshot()?.report.tables[tableId] ?? {};

  /** A replaced value stays visible for a moment next to the new one. */
  const showReplaced = (previous: Map<string, string>) => {
    if (previous.size === 0) return;
    setReplaced(previous);
    clearTimeout(replacedTimer.current);
    replacedTimer.current = setTimeout(() => setReplaced(new Map()), REPLACED_MS);
  };

  /** Writes values; those that replace a different value are shown as replaced. */
  const store = (updates: { rowId: string; colId: string; value: CellValue }[]) => {
    const rows = current();
    const changed = updates.filter((u) => (rows[u.rowId]?.[u.colId] ?? null) !== u.value);
    const previous = new Map<string, string>();
    for (const u of changed) {
      const before = cellText(model, u.rowId, u.colId, documentStore.getSnapshot()!.report);
      if (before !== '') previous.set(cellKey(tableId, u.rowId, u.colId), before);
    }
    documentStore.setCells(changed.map((u) => ({ tableId, ...u })));
    showReplaced(previous);
  };

  const select = (key: string) => {
    const input = inputs.current.get(key);
    if (!input) return;
    if (document.activeElement !== input) input.focus();
    else {
      writeActive({ key, mode: 'selected' });
      input.select();
    }
  };

  selectRef.current = select;

  const edit = (key: string) => {
    const input = inputs.current.get(key);
    if (!input || input.readOnly) return;
    writeActive({ key, mode: 'editing' });
    input.setSelectionRange(input.value.length, input.value.length);
  };

  /** Applies what was typed; a refused value stays in the cell, out of the report, and the cell says why. */
  const commit = (rowId: string, colId: string): boolean => {
    const key = cellKey(tableId, rowId, colId);
    const draft = draftsRef.current.get(key);
    if (draft === undefined) return true;
    const parsed = parseCellInput(draft, model.cell(rowId, colId)!);
    if (!parsed.ok) {
      note(key, parsed.problem[locale]);
      return false;
    }
    const next = new Map(draftsRef.current);
    next.delete(key);
    writeDrafts(next);
    note(key, undefined);
    store([{ rowId, colId, value: parsed.value }]);
    return true;
  };

  /** Back to the value in the report: Esc, or the cell's own undo while editing. */
  const restore = (key: string) => {
    const next = new Map(draftsRef.current);
    next.delete(key);
    writeDrafts(next);
    note(key, undefined);
    writeActive({ key, mode: 'selected' });
  };

  const move = (rowId: string, colId: string, to: { rowId: string; colId: string } | undefined) => {
    const drawing = draftsRef.current.has(cellKey(tableId, rowId, colId));
    if (!commit(rowId, colId) || !to) return;
    // A committed value redraws the table first; with nothing committed there is nothing to wait for.
    if (drawing) selectAfterDraw.current = cellKey(tableId, to.rowId, to.colId);
    else select(cellKey(tableId, to.rowId, to.colId));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, rowId: string, colId: string, computed: boolean) => {
    const at = { rowId, colId };
    const key = cellKey(tableId, rowId, colId);
    const editing = activeRef.current?.key === key && activeRef.current.mode === 'editing';
    const command = e.ctrlKey || e.metaKey;
    switch (e.key) {
      case 'ArrowUp':
      case 'ArrowDown':
        e.preventDefault();
        return move(rowId, colId, nav.vertical(at, e.key === 'ArrowUp' ? -1 : 1));
      case 'Enter':
        e.preventDefault();
        if (!editing && !computed) return edit(key);
        return move(rowId, colId, nav.vertical(at, e.shiftKey ? -1 : 1));
      case 'F2':
        e.preventDefault();
        return edit(key);
      case 'ArrowLeft':
      case 'ArrowRight':
        if (editing) return;
        e.preventDefault();
        return move(rowId, colId, nav.horizontal(at, e.key === 'ArrowLeft' ? -1 : 1));
      case 'Tab':
        e.preventDefault();
        return move(rowId, colId, nav.nextInput(at, e.shiftKey ? -1 : 1));
      case 'Escape':
        if (editing || draftsRef.current.has(key)) restore(key);
        return;
      case 'Delete':
      case 'Backspace':
        if (!editing && !computed) {
          e.preventDefault();
          note(key, undefined);
          store([{ rowId, colId, value: null }]);
        }
        return;
      default:
        if (command && e.key.toLowerCase() === 'z' && editing) {
          e.preventDefault();
          return restore(key);
        }
        // Typing into a selected cell replaces its value, as in Excel (also when an input method composes it).
        if (!editing && !command && !computed && (e.key.length === 1 || e.key === 'Process')) e.currentTarget.select();
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>, rowId: string, colId: string) => {
    const text = e.clipboardData.getData('text/plain');
    const key = cellKey(tableId, rowId, colId);
    const editing = activeRef.current?.key === key && activeRef.current.mode === 'editing';
    // While editing, one value goes in at the caret; a block, or a paste on a selected cell, is placed on the table.
    if (editing && !/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return;
    e.preventDefault();
    const outcome = placePastedBlock(text, model, { rowId, colId }, current());
    if (!outcome.ok) return note(key, outcome.problem[locale]);
    const pasted = new Set(outcome.updates.map((u) => cellKey(tableId, u.rowId, u.colId)));
    writeDrafts(new Map([...draftsRef.current].filter(([k]) => !pasted.has(k))));
    setNotices(new Map(outcome.mismatches.map((m) => [cellKey(tableId, m.rowId, m.colId), m.message[locale]])));
    store(outcome.updates);
    // The clerk sees where it went: the first total to check, or the first cell of a block placed by its labels.
    const first = outcome.mismatches[0] ?? (outcome.placedBy === 'labels' ? outcome.updates[0] : undefined);
    if (first) select(cellKey(tableId, first.rowId, first.colId));
    else writeActive({ key, mode: 'selected' });
  };

  // The cells are memoized; they reach the latest handlers through this ref, so an edit re-renders only the cells it changes.
  handlers.current = {
    register: (key, el) => (el ? inputs.current.set(key, el) : inputs.current.delete(key)),
    focus: (key, el) => {
      writeActive({ key, mode: 'selected' });
      el.select();
    },
    mouseDown: (e, key) => {
      if (activeRef.current?.key === key && activeRef.current.mode === 'editing') return;
      // A click selects the cell, whole; it does not drop a caret into it.
      e.preventDefault();
      select(key);
    },
    doubleClick: (key) => edit(key),
    change: (key, value, computed) => {
      if (computed) return;
      writeDrafts(new Map(draftsRef.current).set(key, value));
      if (activeRef.current?.key !== key || activeRef.current.mode !== 'editing') writeActive({ key, mode: 'editing' });
      documentStore.markPending();
    },
    blur: (key, rowId, colId) => {
      void commit(rowId, colId);
      if (activeRef.current?.key === key) writeActive(null);
    },
    keyDown: onKeyDown,
    paste: onPaste,
  };

  // Worded once per drawing, not once per cell.
  const computedTip = t('computedCell');
  const replacedLabel = t('replacedValue');
  const priorEmpty = t('priorCellEmpty');

  return (
    <div className="stat-table-wrap">
      <p className="muted hint" data-testid="table-mode">
        {active?.mode === 'editing' ? t('tableHintEditing') : t('tableHint')}
        {priorByCell ? (
          <button type="button" className="prior-toggle" onClick={() => setShowPrior(!showPrior)} aria-pressed={showPrior} data-testid={`prior-values-${tableId}`}>
            {showPrior ? t('priorValuesHide') : t('priorValuesShow')}
          </button>
        ) : null}
      </p>
      <table className="stat-table" data-testid={`table-${tableId}`}>
        <colgroup>
          {widths.map((_, i) => (
            <col key={i} style={{ width: percents[i] }} />
          ))}
        </colgroup>
        <tbody>
          {grid.map((row, r) => (
            <tr key={r} className={row.header ? 'head' : ''}>
              {row.cells.map((cell) => {
                if (cell.kind !== 'data') return labelCells.get(cell);
                const rowId = cell.rowId!;
                const colId = cell.colId!;
                const { key, computed, label } = cellInfo.get(`${rowId}|${colId}`)!;
                const mark = findingsByCell.get(key);
                const notice = notices.get(key);
                const prior = priorByCell?.get(key);
                const priorTip = prior && (prior.note ? prior.note[locale] : t('priorCellTip', { value: shown(prior.prior, priorEmpty), change: prior.change ?? '—' }));
                return (
                  <DataCellInput
                    key={cell.col}
                    cellId={key}
                    rowId={rowId}
                    colId={colId}
                    colspan={cell.colspan}
                    value={drafts.get(key) ?? texts.get(key) ?? ''}
                    computed={computed}
                    mode={active?.key === key ? active.mode : undefined}
                    severity={notice ? 'error' : mark?.severity}
                    title={[notice, ...(mark?.messages ?? []), computed ? computedTip : undefined, priorTip].filter(Boolean).join('\n') || undefined}
                    label={label}
                    bubble={notice && (active?.key === key || drafts.has(key)) ? notice : undefined}
                    previous={replaced.get(key)}
                    replacedLabel={replacedLabel}
                    prior={showPrior && prior ? (prior.note ? '—' : `${shown(prior.prior, priorEmpty)} · ${prior.change ?? '—'}`) : undefined}
                    priorTrend={prior?.change?.startsWith('+') ? 'up' : prior?.change?.startsWith('-') ? 'down' : undefined}
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

type CellMarks = ReadonlyMap<string, { severity: string; messages: string[] }>;

/** The findings on one table's cells, by cell: the worst severity and every message. */
function cellMarks(tableId: string, doc: OpenDocument | null): CellMarks {
  const map = new Map<string, { severity: string; messages: string[] }>();
  for (const f of doc?.findings ?? []) {
    if (!('tableId' in f.location) || f.location.tableId !== tableId) continue;
    const key = cellKey(f.location.tableId, f.location.rowId, f.location.colId);
    const entry = map.get(key) ?? { severity: 'warning', messages: [] };
    if (f.severity === 'error') entry.severity = 'error';
    entry.messages.push(f.message);
    map.set(key, entry);
  }
  return map;
}

function sameMarks(a: CellMarks, b: CellMarks): boolean {
  if (a.size !== b.size) return false;
  for (const [key, mark] of a) {
    const other = b.get(key);
    if (other?.severity !== mark.severity || other.messages.length !== mark.messages.length || other.messages.some((m, i) => m !== mark.messages[i])) return false;
  }
  return true;
}

function shown(value: CellValue | undefined, empty: string): string {
  return value === undefined || value === null || value === '' ? empty : String(value);
}

interface CellHandlers {
  register(key: string, el: HTMLInputElement | null): void;
  focus(key: string, el: HTMLInputElement): void;
  mouseDown(e: MouseEvent<HTMLInputElement>, key: string): void;
  doubleClick(key: string): void;
  change(key: string, value: string, computed: boolean): void;
  blur(key: string, rowId: string, colId: string): void;
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
  mode: Mode | undefined;
  severity: string | undefined;
  title: string | undefined;
  label: string;
  bubble: string | undefined;
  previous: string | undefined;
  replacedLabel: string;
  /** Last year's value and the change, when shown beside this year's. */
  prior: string | undefined;
  /** Whether this year's value went up or down from last year's. */
  priorTrend: 'up' | 'down' | undefined;
  handlers: RefObject<CellHandlers>;
}

/** One value cell; re-renders only when what it shows changes. */
const DataCellInput = memo(function DataCellInput({ cellId, rowId, colId, colspan, value, computed, mode, severity, title, label, bubble, previous, replacedLabel, prior, priorTrend, handlers }: DataCellProps) {
  const input = useRef<HTMLInputElement | null>(null);
  // A selected cell keeps its whole value selected, also after a paste or Esc changed it, so that
  // whatever comes next — a key, an input-method composition — replaces it.
  useLayoutEffect(() => {
    if (mode === 'selected' && input.current && input.current === document.activeElement) input.current.select();
  }, [mode, value]);
  const className = ['data', computed && 'computed', severity && `mark-${severity}`, mode, previous !== undefined && 'replaced'].filter(Boolean).join(' ');
  return (
    <td colSpan={colspan} className={className} title={title} data-mode={mode}>
      <input
        ref={(el) => {
          input.current = el;
          handlers.current.register(cellId, el);
        }}
        value={value}
        readOnly={computed}
        aria-label={label}
        aria-invalid={severity === 'error'}
        data-cell={cellId}
        inputMode="decimal"
        onFocus={(e) => handlers.current.focus(cellId, e.currentTarget)}
        onMouseDown={(e) => handlers.current.mouseDown(e, cellId)}
        onDoubleClick={() => handlers.current.doubleClick(cellId)}
        onChange={(e) => handlers.current.change(cellId, e.target.value, computed)}
        onBlur={() => handlers.current.blur(cellId, rowId, colId)}
        onKeyDown={(e) => handlers.current.keyDown(e, rowId, colId, computed)}
        onPaste={(e) => handlers.current.paste(e, rowId, colId)}
      />
      {prior !== undefined ? (
        <span className={`prior-value${priorTrend ? ` ${priorTrend}` : ''}`} data-testid="prior-value">
          {prior}
        </span>
      ) : null}
      {previous !== undefined ? (
        <span className="cell-previous" data-testid="cell-previous">
          {replacedLabel} {previous}
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
