import {
  applyFactsChange,
  checkReport,
  deriveComputedCells,
  reportTitle,
  type CellValue,
  type Finding,
  type LexicalState,
  type Locale,
  type PriorYear,
  type Report,
  type ReportMeta,
  type TableValues,
  type Template,
} from '../../src-core/index.js';
import { META_SECTION } from '../editor/findingPlaces.js';

export interface CellRef {
  tableId: string;
  rowId: string;
  colId: string;
}

/** The report being edited, with what the app knows about it. */
export interface OpenDocument {
  template: Template;
  report: Report;
  path: string | null;
  docId: string;
  dirty: boolean;
  findings: Finding[];
  /** Where the editor should go next (a finding, an undo, a find match, a page-view click); consumed by the view. */
  focus: Focus | null;
  canUndo: boolean;
  canRedo: boolean;
}

/** A place in the report: a section (or 报告信息), optionally a cell, a text block or a span of text in it. */
export interface Place {
  sectionId: string;
  cell?: CellRef;
  /** Index of the text block (paragraph, heading, list item) in the section, in lexicalToBlocks order. */
  block?: number;
  /** Characters of that block to select. */
  range?: { start: number; end: number };
  /** A report fact (报告信息) to focus. */
  metaField?: string;
}

export type Focus = Place & { seq: number };

/** One undoable step: the report before and after, and where it happened. */
interface HistoryStep {
  before: Report;
  after: Report;
  place: Place;
  /** Changes with the same key in quick succession (typing) are one step. */
  key: string;
  at: number;
}

/** Typing pauses shorter than this stay in one undo step, as in Word. */
const COALESCE_MS = 1500;
const HISTORY_LIMIT = 200;

type Listener = () => void;

/**
 * The one place the renderer keeps the open report. Every edit re-derives the computed cells and
 * re-checks the report (well under a millisecond), so findings always match what is on screen.
 */
export class DocumentStore {
  private doc: OpenDocument | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly flushers = new Set<() => void>();
  private locale: Locale = 'zh-CN';
  private changedSinceRecovery = false;
  private focusSeq = 0;
  /** Every known format, so a prior year kept in another format than this year's is still read by the checks. */
  private templates: ReadonlyMap<string, Template> = new Map();
  private stepSeq = 0;
  private undoStack: HistoryStep[] = [];
  private redoStack: HistoryStep[] = [];
  /** Milliseconds the last edit took from the change to updated findings. */
  lastCheckMs = 0;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): OpenDocument | null => this.doc;

  open(template: Template, report: Report, options: { path: string | null; docId: string; dirty: boolean }): void {
    this.doc = { template, report, path: options.path, docId: options.docId, dirty: options.dirty, findings: [], focus: null, canUndo: false, canRedo: false };
    this.undoStack = [];
    this.redoStack = [];
    this.changedSinceRecovery = options.dirty;
    this.recheck();
  }

  close(): void {
    this.flushers.clear();
    this.undoStack = [];
    this.redoStack = [];
    this.doc = null;
    this.emit();
  }

  setLocale(locale: Locale): void {
    this.locale = locale;
    if (this.doc) this.recheck();
  }

  /** Cell values (typed, pasted, cleared); each call is one undo step. */
  setCells(requested: readonly (CellRef & { value: CellValue })[]): void {
    const doc = this.doc;
    // A value written again unchanged (a draft flushed after its commit) is no step to undo.
    const updates = requested.filter((u) => (doc?.report.tables[u.tableId]?.[u.rowId]?.[u.colId] ?? null) !== u.value);
    if (!doc || updates.length === 0) return;
    const first = updates[0]!;
    const place = { sectionId: doc.template.tableModels.get(first.tableId)?.def.sectionId ?? '', cell: { tableId: first.tableId, rowId: first.rowId, colId: first.colId } };
    const tables = { ...doc.report.tables };
    for (const u of updates) {
      const rows = { ...(tables[u.tableId] ?? {}) };
      rows[u.rowId] = { ...(rows[u.rowId] ?? {}), [u.colId]: u.value };
      tables[u.tableId] = rows;
    }
    this.change({ ...doc.report, tables: keepUnchangedTables(doc.report.tables, deriveComputedCells(doc.template, tables)) }, place, `cells:${++this.stepSeq}`);
  }

  /** A section's text as its editor has it; typing bursts in one section make one undo step. */
  setSection(sectionId: string, state: LexicalState, options: { separateStep?: boolean } = {}): void {
    const doc = this.doc;
    if (!doc) return;
    const key = options.separateStep ? `section:${sectionId}:${++this.stepSeq}` : `section:${sectionId}`;
    this.change({ ...doc.report, sections: { ...doc.report.sections, [sectionId]: state } }, { sectionId }, key);
  }

  /** A change made at once to the whole report (replace all, a paste split into sections): one undo step. */
  replaceReport(report: Report, place: Place): void {
    if (!this.doc) return;
    this.flush();
    this.change(report, place, `report:${++this.stepSeq}`);
  }

  /** A change of the report's facts; the standard wording the user has not edited follows it. */
  setMeta(patch: Partial<ReportMeta>): void {
    const doc = this.doc;
    if (!doc) return;
    this.flush();
    const current = this.doc ?? doc;
    const next = { ...current.report.meta, ...patch };
    const fields = Object.keys(patch).join(',');
    this.change(applyFactsChange(current.template, { ...current.report, meta: next }, current.report.meta, next), { sectionId: META_SECTION, metaField: fields }, `meta:${fields}`);
  }

  /** Ctrl+Z: takes back the last step wherever it was, and goes there. */
  undo(): void {
    this.flush();
    const step = this.undoStack.pop();
    if (!step || !this.doc) return;
    this.redoStack.push(step);
    this.restore(step.before, step.place);
  }

  /** Ctrl+Y: does again what was undone. */
  redo(): void {
    this.flush();
    const step = this.redoStack.pop();
    if (!step || !this.doc) return;
    this.undoStack.push(step);
    this.restore(step.after, step.place);
  }

  /** Attaches, replaces (a link) or removes (undefined) last year's report; the year-over-year rules follow at once. */
  setPriorYear(priorYear: PriorYear | undefined): void {
    const doc = this.flush();
    if (!doc) return;
    const report = { ...doc.report, priorYear };
    if (!priorYear) delete report.priorYear;
    this.change(report, { sectionId: META_SECTION, metaField: 'priorYear' }, 'meta:priorYear');
  }

  /** The format last year's linked report is kept in, when the link is there and the format known. */
  priorTemplate(): Template | undefined {
    const id = this.doc?.report.priorYear?.templateId;
    return id === undefined ? undefined : id === this.doc?.template.id ? this.doc.template : this.templates.get(id);
  }

  setTemplates(templates: ReadonlyMap<string, Template>): void {
    this.templates = templates;
    if (this.doc) this.recheck();
  }

  /** An editor that keeps changes back for speed registers here; they are written before save, export and autosave. */
  registerFlusher(flush: () => void): () => void {
    this.flushers.add(flush);
    return () => this.flushers.delete(flush);
  }

  flush(): OpenDocument | null {
    for (const flush of this.flushers) flush();
    return this.doc;
  }

  /** Typing that is not in the report yet (it will be on the next flush): the window already counts as unsaved. */
  markPending(): void {
    this.changedSinceRecovery = true;
    if (this.doc && !this.doc.dirty) {
      this.doc = { ...this.doc, dirty: true };
      this.emit();
    }
  }

  /** `sent` is what was saved; edits made while the save ran stay, and stay unsaved. */
  markSaved(path: string, docId: string, sent: Report, saved: Report): void {
    if (!this.doc) return;
    const unchanged = this.doc.report === sent;
    this.doc = { ...this.doc, path, docId, report: unchanged ? saved : { ...this.doc.report, updatedAt: saved.updatedAt }, dirty: !unchanged };
    this.changedSinceRecovery = !unchanged;
    this.emit();
  }

  needsRecovery(): boolean {
    return this.doc !== null && this.doc.dirty && this.changedSinceRecovery;
  }

  markRecovered(): void {
    this.changedSinceRecovery = false;
  }

  goTo(sectionId: string, cell?: CellRef): void {
    this.show(cell ? { sectionId, cell } : { sectionId });
  }

  /** Moves the editor to a place (and selects the text span it names). */
  show(place: Place): void {
    if (!this.doc) return;
    this.doc = { ...this.doc, focus: { ...place, seq: ++this.focusSeq } };
    this.emit();
  }

  title(): string {
    return this.doc ? reportTitle(this.doc.template, this.doc.report.meta) : '';
  }

  private change(report: Report, place: Place, key: string): void {
    if (!this.doc) return;
    const now = performance.now();
    const last = this.undoStack.at(-1);
    if (last && last.key === key && now - last.at < COALESCE_MS && this.redoStack.length === 0) {
      last.after = report;
      last.at = now;
    } else {
      this.undoStack.push({ before: this.doc.report, after: report, place, key, at: now });
      if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift();
    }
    this.redoStack = [];
    this.doc = { ...this.doc, report, dirty: true };
    this.changedSinceRecovery = true;
    this.recheck();
  }

  private restore(report: Report, place: Place): void {
    if (!this.doc) return;
    this.doc = { ...this.doc, report, dirty: true, focus: { ...place, seq: ++this.focusSeq } };
    this.changedSinceRecovery = true;
    this.recheck();
  }

  private recheck(): void {
    if (!this.doc) return;
    const started = performance.now();
    this.doc = {
      ...this.doc,
      findings: checkReport(this.doc.template, this.doc.report, { locale: this.locale, templates: this.templates }),
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
    };
    this.lastCheckMs = performance.now() - started;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

export const documentStore = new DocumentStore();

/** Deriving the computed cells makes every table anew; a table whose values are the same stays the same object, so its grid is not redrawn. */
function keepUnchangedTables(before: TableValues, after: TableValues): TableValues {
  const kept: TableValues = {};
  for (const [tableId, rows] of Object.entries(after)) {
    const previous = before[tableId];
    kept[tableId] = previous && sameRows(previous, rows) ? previous : rows;
  }
  return kept;
}

function sameRows(a: TableValues[string], b: TableValues[string]): boolean {
  const rowIds = Object.keys(a);
  if (rowIds.length !== Object.keys(b).length) return false;
  return rowIds.every((rowId) => {
    const x = a[rowId]!;
    const y = b[rowId];
    if (!y) return false;
    const colIds = Object.keys(x);
    return colIds.length === Object.keys(y).length && colIds.every((colId) => colId in y && x[colId] === y[colId]);
  });
}

/** A document id for a report not saved yet (crypto.randomUUID needs a secure context; this does not). */
export function newDocumentId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `new-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
