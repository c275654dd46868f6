import { deriveTableCells } from '../checks/deriveComputedCells.js';
import type { Localized } from '../i18n/locale.js';
import { labelKey } from '../import/normalizeText.js';
import type { TableModel } from '../template/tableModel.js';
import type { BlockDef, RowDef } from '../template/templateSchema.js';
import { parseCellInput } from './cellInput.js';
import { formatScaled, parseCell, type CellValue } from './cellValue.js';

type TableRows = Record<string, Record<string, CellValue>>;

export interface PastedCell {
  rowId: string;
  colId: string;
  value: CellValue;
}

/** A total (or a group's subtotal) in the pasted block that does not agree with its items; shown at the cell. */
export interface PasteMismatch {
  rowId: string;
  colId: string;
  message: Localized;
}

export type PasteOutcome =
  | { ok: true; updates: PastedCell[]; mismatches: PasteMismatch[]; placedBy: 'labels' | 'position' }
  | { ok: false; problem: Localized };

/**
 * Text copied from Excel or WPS: cells separated by tabs, rows by line breaks; a cell holding a tab,
 * a line break or a quote comes quoted ("…", with "" for a quote). Cells are trimmed.
 */
export function parseTsv(text: string): string[][] {
  const src = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    const quoted = src[i] === '"' ? readQuoted(src, i) : undefined;
    let end = i;
    if (quoted) end = quoted.end;
    else while (end < src.length && src[end] !== '\t' && src[end] !== '\n') end++;
    row.push((quoted ? quoted.text : src.slice(i, end)).trim());
    if (end >= src.length) break;
    if (src[end] === '\n') {
      rows.push(row);
      row = [];
    }
    i = end + 1;
  }
  rows.push(row);
  return rows;
}

function readQuoted(src: string, start: number): { text: string; end: number } | undefined {
  let text = '';
  for (let j = start + 1; j < src.length; j++) {
    if (src[j] !== '"') {
      text += src[j];
      continue;
    }
    if (src[j + 1] === '"') {
      text += '"';
      j++;
      continue;
    }
    const end = j + 1;
    return end === src.length || src[end] === '\t' || src[end] === '\n' ? { text, end } : undefined;
  }
  return undefined;
}

/** What one printed grid column of a value line holds: a value cell, the rest of a merged cell, or nothing to fill. */
type Slot = { kind: 'input' | 'computed'; colId: string } | { kind: 'merged' } | { kind: 'none' };

interface PrintedLine {
  row: RowDef;
  block: BlockDef;
  /** One per printed column right of the label columns. */
  slots: Slot[];
}

interface LabelTarget {
  /** Reading order, to tell apart rows that carry the same words. */
  order: number;
  line?: PrintedLine;
  group?: { row: RowDef; firstLine: PrintedLine };
  /** The printed column the label starts in. */
  labelCol: number;
}

interface Target {
  line: PrintedLine;
  slot: number;
  text: string;
  at: { row: number; col: number };
  /** Set when the pasted row is a group's own row: its numbers are subtotals. */
  group?: RowDef;
}

const VALUE_LIKE = /^[\s\d０-９,，.．。+\-－—/／]+$/;
const isValueLike = (s: string) => s === '' || VALUE_LIKE.test(s);
const headingKey = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const labelKeys = (s: string) => [...new Set([labelKey(s), labelKey(s.replace(/^\s*其中[:：]?/, ''))])].filter((k) => k !== '');

/**
 * Places a block copied from a spreadsheet on a table as it is printed. A block that carries row
 * labels goes to the rows it names, wherever it was pasted; one without goes from the selected
 * cell, over the printed columns (a block that is exactly the typeable cells skips the totals).
 * Header, caption and title rows are passed over. Totals and subtotals in the block are not
 * typed in: they are compared with what the items add up to, and reported where they differ.
 * All or nothing: one value that cannot go in refuses the block, saying what was expected.
 */
export function placePastedBlock(text: string, model: TableModel, at: { rowId: string; colId: string }, current: TableRows): PasteOutcome {
  const layout = new PrintedLayout(model);
  const rows = parseTsv(text);
  const labelled = rows.map((cells) => layout.labelOf(cells));
  const targets = labelled.some((l) => l !== undefined) ? layout.byLabels(rows, labelled) : layout.byPosition(rows, at);
  if (!targets.ok) return targets;
  const placedBy = labelled.some((l) => l !== undefined) ? 'labels' : 'position';

  const updates: PastedCell[] = [];
  const totals: { rowId: string; colId: string; text: string }[] = [];
  const subtotals: { group: RowDef; line: PrintedLine; colId: string; text: string }[] = [];
  for (const t of targets.cells) {
    const slot = t.line.slots[t.slot];
    if (!slot || slot.kind === 'none') continue;
    if (slot.kind === 'merged') {
      if (t.text !== '') return { ok: false, problem: layout.mergedProblem(t) };
      continue;
    }
    if (t.group) {
      if (t.text !== '') subtotals.push({ group: t.group, line: t.line, colId: slot.colId, text: t.text });
      continue;
    }
    const cell = model.cell(t.line.row.id, slot.colId);
    if (!cell) continue;
    if (cell.kind === 'computed') {
      if (t.text !== '') totals.push({ rowId: cell.rowId, colId: cell.colId, text: t.text });
      continue;
    }
    const parsed = parseCellInput(t.text, cell);
    if (!parsed.ok) return { ok: false, problem: layout.valueProblem(t, slot.colId, parsed.problem) };
    updates.push({ rowId: cell.rowId, colId: cell.colId, value: parsed.value });
  }

  const after: TableRows = Object.fromEntries(Object.entries(current).map(([id, cells]) => [id, { ...cells }]));
  for (const u of updates) (after[u.rowId] ??= {})[u.colId] = u.value;
  const derived = deriveTableCells(model, after);
  const mismatches: PasteMismatch[] = [];
  for (const total of totals) {
    const sum = layout.scaled(derived, total.rowId, total.colId);
    const pasted = layout.pastedScaled(total.rowId, total.colId, total.text);
    if (pasted === undefined || pasted !== sum) mismatches.push({ rowId: total.rowId, colId: total.colId, message: layout.totalProblem(total, sum) });
  }
  for (const sub of subtotals) {
    const items = model.groupItems(sub.group.id).map((id) => layout.scaled(derived, id, sub.colId));
    const sum = items.some((v) => v !== undefined) ? items.reduce<bigint>((a, v) => a + (v ?? 0n), 0n) : undefined;
    const itemRow = model.groupItems(sub.group.id)[0] ?? sub.line.row.id;
    const pasted = layout.pastedScaled(itemRow, sub.colId, sub.text);
    if (pasted === undefined || pasted !== sum) mismatches.push({ rowId: itemRow, colId: sub.colId, message: layout.subtotalProblem(sub.group, sub.colId, itemRow, sub.text, sum) });
  }
  return { ok: true, updates, mismatches, placedBy };
}

/** The table's value lines as printed, with what a pasted row's words can name. */
class PrintedLayout {
  readonly lines: PrintedLine[];
  private readonly labels = new Map<string, LabelTarget[]>();
  private readonly headings = new Set<string>();

  constructor(private readonly model: TableModel) {
    const { def } = model;
    this.lines = model.lines.map((line) => {
      const slots: Slot[] = [];
      for (const column of line.block.columns) {
        const kind = column.kind === 'input' || column.kind === 'computed' ? model.cell(line.row.id, column.id)?.kind : undefined;
        slots.push(kind ? { kind, colId: column.id } : { kind: 'none' });
        for (let extra = 1; extra < column.span; extra++) slots.push(kind ? { kind: 'merged' } : { kind: 'none' });
      }
      return { row: line.row, block: line.block, slots };
    });
    this.lines.forEach((line, index) => {
      if (line.row.label) this.addLabel(line.row.label, { order: index, line, labelCol: line.row.labelCols?.[0] ?? 0 });
    });
    for (const block of def.blocks) {
      for (const row of block.rows.filter((r) => r.kind === 'group' && r.label)) {
        const first = this.lines.findIndex((l) => model.groupItems(row.id).includes(l.row.id));
        const firstLine = this.lines[first];
        if (firstLine) this.addLabel(row.label!, { order: first - 0.5, group: { row, firstLine }, labelCol: row.labelCols?.[0] ?? 0 });
      }
      if (block.caption) this.headings.add(headingKey(block.caption));
      for (const h of block.header) if (h.text) this.headings.add(headingKey(h.text));
    }
    this.headings.add(headingKey(def.title));
  }

  private addLabel(label: string, target: LabelTarget): void {
    for (const key of labelKeys(label)) this.labels.set(key, [...(this.labels.get(key) ?? []), target]);
  }

  /** The row a pasted row names: its rightmost words that are a row label of this table. Heading rows name none. */
  labelOf(cells: string[]): { index: number; targets: LabelTarget[] } | undefined {
    const hasValue = cells.some((c) => c !== '' && isValueLike(c));
    if (!hasValue && cells.some((c) => this.headings.has(headingKey(c)))) return undefined;
    for (let i = cells.length - 1; i >= 0; i--) {
      const text = cells[i]!;
      if (isValueLike(text)) continue;
      const targets = labelKeys(text).flatMap((k) => this.labels.get(k) ?? []);
      if (targets.length > 0) return { index: i, targets };
    }
    return undefined;
  }

  /** Every labelled row to the line (or group) it names, in reading order where words repeat. */
  byLabels(rows: string[][], labelled: ({ index: number; targets: LabelTarget[] } | undefined)[]): { ok: true; cells: Target[] } | { ok: false; problem: Localized } {
    const cells: Target[] = [];
    const used = new Set<LabelTarget>();
    let order = -1;
    for (const [r, row] of rows.entries()) {
      const found = labelled[r];
      if (!found) {
        if (!row.some((c) => c !== '' && isValueLike(c))) continue;
        const words = row.find((c) => !isValueLike(c));
        return { ok: false, problem: this.unknownRowProblem(r, words) };
      }
      const target = found.targets.find((t) => t.order > order && !used.has(t)) ?? found.targets.find((t) => !used.has(t));
      if (!target) return { ok: false, problem: twice(r, row[found.index]!) };
      used.add(target);
      order = target.order;
      const line = target.line ?? target.group!.firstLine;
      const start = found.index + (this.model.def.labelCols - target.labelCol);
      line.slots.forEach((_, s) => {
        const text = row[start + s];
        if (text !== undefined) cells.push({ line, slot: s, text, at: { row: r + 1, col: start + s + 1 }, group: target.group?.row });
      });
    }
    return { ok: true, cells };
  }

  /** A block without labels from the selected cell; the whole table's values go to their place wherever pasted. */
  byPosition(rows: string[][], at: { rowId: string; colId: string }): { ok: true; cells: Target[] } | { ok: false; problem: Localized } {
    const block = rows.filter((cells) => cells.some((c) => c !== '' && isValueLike(c)) || !cells.some((c) => this.headings.has(headingKey(c))));
    let width = Math.max(0, ...block.map((r) => r.length));
    while (width > 0 && block.every((r) => (r[width - 1] ?? '') === '')) width--;
    const line = this.lines.findIndex((l) => l.row.id === at.rowId);
    const slot = this.lines[line]?.slots.findIndex((s) => 'colId' in s && s.colId === at.colId) ?? -1;
    const placed = this.fit(block, width, line, slot) ?? (block.length >= this.inputLines(0).length ? this.fit(block, width, 0, 0) : undefined);
    if (placed) return { ok: true, cells: placed };
    return { ok: false, problem: this.tooBigProblem(block.length, width, Math.max(0, line), Math.max(0, slot)) };
  }

  private inputLines(from: number): PrintedLine[] {
    return this.lines.slice(from).filter((l) => l.row.kind === 'input');
  }

  /** Rows to lines and cells to printed columns; a block exactly the size of the typeable cells skips the totals. */
  private fit(block: string[][], width: number, line: number, slot: number): Target[] | undefined {
    if (line < 0 || slot < 0) return undefined;
    const all = this.lines.slice(line);
    const lines = block.length !== all.length && block.length === this.inputLines(line).length ? this.inputLines(line) : all.slice(0, block.length);
    if (lines.length < block.length) return undefined;
    const cells: Target[] = [];
    for (const [r, target] of lines.entries()) {
      const slots = target.slots.map((_, s) => s).slice(slot);
      const inputs = slots.filter((s) => target.slots[s]!.kind === 'input');
      const columns = width !== slots.length && width === inputs.length ? inputs : slots;
      if (columns.length < width) return undefined;
      for (let c = 0; c < width; c++) cells.push({ line: target, slot: columns[c]!, text: block[r]![c] ?? '', at: { row: r + 1, col: c + 1 } });
    }
    return cells;
  }

  scaled(rows: TableRows, rowId: string, colId: string): bigint | undefined {
    const cell = this.model.cell(rowId, colId);
    const parsed = cell && parseCell(rows[rowId]?.[colId], cell.valueType, cell.notApplicable);
    return parsed && 'scaled' in parsed ? parsed.scaled : undefined;
  }

  pastedScaled(rowId: string, colId: string, text: string): bigint | undefined {
    const cell = this.model.cell(rowId, colId);
    const typed = cell && parseCellInput(text, { ...cell, notApplicable: true });
    return typed?.ok ? this.scaled({ [rowId]: { [colId]: typed.value } }, rowId, colId) : undefined;
  }

  private place(rowId: string, colId: string): string {
    const row = this.model.row(rowId)?.label ?? this.model.def.title;
    return `${row} · ${this.model.column(rowId, colId)?.label ?? ''}`;
  }

  valueProblem(t: Target, colId: string, problem: Localized): Localized {
    const place = this.place(t.line.row.id, colId);
    return {
      'zh-CN': `「${place}」：${problem['zh-CN']}（粘贴内容第 ${t.at.row} 行第 ${t.at.col} 列为“${t.text}”）。未粘贴任何内容。`,
      en: `“${place}”: ${problem.en} (row ${t.at.row}, column ${t.at.col} of the pasted cells holds “${t.text}”). Nothing was pasted.`,
    };
  }

  mergedProblem(t: Target): Localized {
    const label = t.line.row.label ?? this.model.def.title;
    return {
      'zh-CN': `「${label}」这一行在表中是一个合并格，只填一个数；粘贴内容第 ${t.at.row} 行第 ${t.at.col} 列多出“${t.text}”。未粘贴任何内容。`,
      en: `“${label}” is one merged cell in the printed table and takes one number; row ${t.at.row}, column ${t.at.col} of the pasted cells has an extra “${t.text}”. Nothing was pasted.`,
    };
  }

  totalProblem(total: { rowId: string; colId: string; text: string }, sum: bigint | undefined): Localized {
    const place = this.place(total.rowId, total.colId);
    const expected = sum === undefined ? null : formatScaled(sum);
    return {
      'zh-CN': `粘贴的「${place}」为 ${total.text}，${expected === null ? '但相加的各项未填写' : `按各项相加应为 ${expected}`}。合计由各项自动相加，请核对原表的各项数字。`,
      en: `The pasted “${place}” is ${total.text}, ${expected === null ? 'but the cells it adds up are empty' : `but its items add up to ${expected}`}. Totals add up by themselves; check the items in the source sheet.`,
    };
  }

  subtotalProblem(group: RowDef, colId: string, itemRow: string, text: string, sum: bigint | undefined): Localized {
    const column = this.model.column(itemRow, colId)?.label ?? '';
    const expected = sum === undefined ? '0' : formatScaled(sum);
    return {
      'zh-CN': `粘贴的「${group.label} · ${column}」小计为 ${text}，其下各项相加为 ${expected}，请核对原表。`,
      en: `The pasted subtotal “${group.label} · ${column}” is ${text}, but the rows under it add up to ${expected}; check the source sheet.`,
    };
  }

  private unknownRowProblem(r: number, words: string | undefined): Localized {
    const examples = this.lines.slice(0, 3).map((l) => `「${l.row.label}」`).join('、');
    return words
      ? {
          'zh-CN': `粘贴内容第 ${r + 1} 行的“${words}”不是本表的行名，无法确定放在哪一行（本表的行如 ${examples}）。未粘贴任何内容。`,
          en: `“${words}” in row ${r + 1} of the pasted cells is not a row of this table, so it cannot be placed (rows here are e.g. ${examples}). Nothing was pasted.`,
        }
      : {
          'zh-CN': `粘贴内容第 ${r + 1} 行有数字但没有行名，而其他行带有行名；请连同每一行的行名一起复制。未粘贴任何内容。`,
          en: `Row ${r + 1} of the pasted cells has numbers but no row label while other rows have one; copy every row with its label. Nothing was pasted.`,
        };
  }

  private tooBigProblem(rows: number, width: number, line: number, slot: number): Localized {
    const target = this.lines[line]!;
    const from = target.slots[slot];
    const columns = target.slots.slice(slot).flatMap((s) => ('colId' in s ? [this.model.column(target.row.id, s.colId)?.label ?? ''] : []));
    const place = from && 'colId' in from ? this.place(target.row.id, from.colId) : (target.row.label ?? '');
    const lines = this.lines.length - line;
    const whole = this.lines.length;
    const perLine = this.lines[0]!.slots.filter((s) => 'colId' in s).length;
    return {
      'zh-CN': `粘贴的内容有 ${rows} 行 × ${width} 列，从「${place}」起放不下：往右只有 ${columns.length} 列（${columns.join('、')}），往下只有 ${lines} 行。整张表是 ${whole} 行、每行 ${perLine} 个数（含总计）。请点要放的第一个数字格再粘贴，或连同行名一起复制。未粘贴任何内容。`,
      en: `The pasted cells are ${rows} rows × ${width} columns and do not fit from “${place}”: there are ${columns.length} columns to the right (${columns.join(', ')}) and ${lines} rows below. The whole table is ${whole} rows of ${perLine} numbers (totals included). Select the first number cell where the block goes and paste again, or copy the rows with their labels. Nothing was pasted.`,
    };
  }
}

function twice(r: number, label: string): Localized {
  return {
    'zh-CN': `粘贴内容第 ${r + 1} 行「${label}」在本表只有一行，却出现了不止一次。未粘贴任何内容。`,
    en: `Row ${r + 1} of the pasted cells, “${label}”, appears more than once but the table has it once. Nothing was pasted.`,
  };
}
