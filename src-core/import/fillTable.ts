import type { Localized } from '../i18n/locale.js';
import type { CellValue } from '../report/cellValue.js';
import type { TableModel } from '../template/tableModel.js';
import { alignRows, dataColumnsOf, groupNamedBy } from './alignRows.js';
import type { ImportedCell, UnplacedItem } from './importResult.js';
import { labelKey } from './normalizeText.js';
import { parseSourceValue } from './sourceValue.js';
import type { CandidateRow, TableSource } from './tableRows.js';
import type { Where } from './sourceUnits.js';
import type { RemovedPiece } from './webJunk.js';

export interface FilledTable {
  values: Record<string, Record<string, CellValue>>;
  cells: ImportedCell[];
  unplaced: UnplacedItem[];
  removed: RemovedPiece[];
  assumptions: Localized[];
  /** Candidate rows no row of this table took (a later table of the section may). */
  unused: CandidateRow[];
}

export function whereText(where: Where): Localized {
  return where.page === undefined
    ? { 'zh-CN': `第 ${where.block} 段/行`, en: `block ${where.block}` }
    : { 'zh-CN': `第 ${where.page} 页（第 ${where.block} 段/行）`, en: `page ${where.page} (block ${where.block})` };
}

/** Table text that is the format's own wording (headers, captions, row labels) when nearly all its characters are. */
function isTableWording(text: string, vocabulary: ReadonlySet<string>): boolean {
  const chars = [...labelKey(text)];
  return chars.length > 0 && chars.filter((c) => vocabulary.has(c)).length / chars.length >= 0.85;
}

function tableVocabulary(model: TableModel): Set<string> {
  const texts = [model.def.title, ...model.def.blocks.flatMap((b) => [b.caption ?? '', ...b.header.map((h) => h.text), ...b.columns.map((c) => c.label), ...b.rows.map((r) => r.label ?? '')])];
  return new Set(texts.flatMap((t) => [...labelKey(t)]).concat([...'总计单位件万元信息内容']));
}

/**
 * Fills one format table from the rows of numbers its section printed: rows matched by label
 * (alignRows), values read cell by cell (parseSourceValue). Whatever cannot be placed is listed.
 */
export function fillTable(model: TableModel, source: Pick<TableSource, 'rows'>): FilledTable {
  const tableId = model.def.id;
  const out: FilledTable = { values: {}, cells: [], unplaced: [], removed: [], assumptions: [], unused: [] };
  const vocabulary = tableVocabulary(model);
  const matches = alignRows(model, source.rows);
  const matched = new Set(matches.map((m) => m.candidate));
  const structure = (text: string, where: Where, rowLabel?: string): void => {
    if (text.trim() === '') return;
    if (rowLabel !== undefined || isTableWording(text, vocabulary)) {
      out.removed.push({ text, reason: rowLabel ? { 'zh-CN': `“${model.def.title}”的行名，对应格式的“${rowLabel}”行`, en: `row label of “${model.def.title}”, read as the format’s row “${rowLabel}”` } : { 'zh-CN': `“${model.def.title}”的表头或行名（由格式的表格代替）`, en: `header or row label of “${model.def.title}” (the format’s table replaces it)` } });
    } else {
      out.unplaced.push({ kind: 'paragraph', text, where: whereText(where), reason: { 'zh-CN': `位于“${model.def.title}”中的文字，不是表头或行名`, en: `text inside “${model.def.title}” that is neither a header nor a row label` } });
    }
  };
  for (const candidate of source.rows) {
    if (!matched.has(candidate)) out.unused.push(candidate);
  }
  for (const { row, candidate, similarity } of matches) {
    for (const line of candidate.pending) structure(line.text, line.where);
    const rowLabel = row.label ?? model.def.title;
    structure(candidate.ownLabel, candidate.where, rowLabel);
    const columns = dataColumnsOf(model, row);
    const values = [...candidate.values];
    while (values.length > columns.length && values.at(-1) === '') values.pop();
    if (values.length !== columns.length) {
      out.unplaced.push({
        kind: 'number',
        text: candidate.values.join(' '),
        where: whereText(candidate.where),
        reason: { 'zh-CN': `“${rowLabel}”一行印有 ${values.length} 个数，格式此行有 ${columns.length} 格，无法确定对应关系`, en: `the row “${rowLabel}” prints ${values.length} values for ${columns.length} cells; which goes where is unclear` },
      });
      continue;
    }
    const group = groupNamedBy(model, candidate);
    if (similarity < 0.95 && row.label && !group) {
      out.assumptions.push({ 'zh-CN': `原表行名“${candidate.ownLabel || candidate.pendingLabel}”按格式的“${row.label}”读取`, en: `the source row “${candidate.ownLabel || candidate.pendingLabel}” was read as the format’s row “${row.label}”` });
    }
    if (group) {
      out.assumptions.push({
        'zh-CN': `原表把“${group.label}”印成一行（2019 年格式），其数按 tables.md 填入“${row.label}”；同组其他各行原表没有，留空待核`,
        en: `the source prints “${group.label}” as one row (the 2019 layout); its values go to “${row.label}” as tables.md maps it, the group’s other rows are left blank to check`,
      });
    }
    columns.forEach((colId, i) => {
      const cell = model.cell(row.id, colId);
      const text = values[i]!;
      if (!cell) return;
      const parsed = parseSourceValue(text, cell);
      if (!parsed.ok) {
        out.unplaced.push({ kind: 'number', text, where: whereText(candidate.where), reason: { 'zh-CN': `“${rowLabel}”：${parsed.problem['zh-CN']}`, en: `“${rowLabel}”: ${parsed.problem.en}` } });
        return;
      }
      (out.values[row.id] ??= {})[colId] = parsed.value;
      const imported: ImportedCell = { tableId, rowId: row.id, colId, value: parsed.value, sourceText: text };
      if (parsed.note !== undefined) imported.note = parsed.note;
      out.cells.push(imported);
    });
  }
  return out;
}

/** Accounts for a section's table lines no table used: rows of numbers become unplaced, wording is listed. */
export function leftoverTableText(model: TableModel | undefined, rows: readonly CandidateRow[], trailing: readonly { text: string; where: Where }[]): { unplaced: UnplacedItem[]; removed: RemovedPiece[] } {
  const unplaced: UnplacedItem[] = [];
  const removed: RemovedPiece[] = [];
  const vocabulary = model ? tableVocabulary(model) : new Set<string>();
  const title = model?.def.title ?? '';
  const text = (t: string, where: Where): void => {
    if (t.trim() === '') return;
    if (isTableWording(t, vocabulary)) removed.push({ text: t, reason: { 'zh-CN': `“${title}”的表头或行名（由格式的表格代替）`, en: `header or row label of “${title}” (the format’s table replaces it)` } });
    else unplaced.push({ kind: 'paragraph', text: t, where: whereText(where), reason: { 'zh-CN': '表格附近的文字，无法归入表格或正文', en: 'text next to a table that fits neither the table nor the body' } });
  };
  for (const row of rows) {
    row.pending.forEach((p) => text(p.text, p.where));
    if (row.values.every((v) => v === '')) {
      text(row.ownLabel, row.where);
      continue;
    }
    unplaced.push({ kind: 'number', text: row.text, where: whereText(row.where), reason: { 'zh-CN': '这一行数字与格式表格的任何一行都对不上', en: 'this row of numbers matches no row of the format’s table' } });
  }
  trailing.forEach((p) => text(p.text, p.where));
  return { unplaced, removed };
}
