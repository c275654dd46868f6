import type { Locale } from '../i18n/locale.js';
import type { Template } from '../template/loadTemplate.js';
import type { TableModel } from '../template/tableModel.js';

const PREAMBLE_NAME: Record<Locale, string> = { 'zh-CN': '引言', en: 'Preamble' };

/** The words that name a place in the report, for the {section}, {row} and {col} placeholders. */
export function sectionName(template: Template, sectionId: string, locale: Locale): string {
  const section = template.sectionById.get(sectionId);
  return section?.heading ?? (section ? PREAMBLE_NAME[locale] : sectionId);
}

export function cellPlaceVars(template: Template, tableId: string, rowId: string, colId: string, locale: Locale): Record<string, string> {
  const model = template.tableModels.get(tableId);
  const block = model?.blockOfRow(rowId);
  return {
    section: model ? sectionName(template, model.def.sectionId, locale) : tableId,
    table: model?.def.title ?? tableId,
    block: block?.caption ?? '',
    // A table of one unlabelled row (表四) is named by its title; no internal id is ever shown.
    row: model ? (model.row(rowId)?.label ?? model.def.title) : rowId,
    col: model ? columnName(model, rowId, colId) : colId,
  };
}

/**
 * A column as the printed header names it: its label, with the header above it where the label
 * alone repeats in the table (表四's 结果维持 under 行政复议 and under each kind of 行政诉讼).
 */
function columnName(model: TableModel, rowId: string, colId: string): string {
  const block = model.blockOfRow(rowId);
  const column = model.column(rowId, colId);
  if (!block || !column) return '';
  if (block.columns.filter((c) => c.label === column.label).length < 2) return column.label;
  let gridCol = model.def.labelCols;
  for (const c of block.columns) {
    if (c === column) break;
    gridCol += c.span;
  }
  const above = block.header
    .filter((h) => h.col <= gridCol && gridCol < h.col + h.colspan && h.text !== '' && h.text !== column.label)
    .sort((a, b) => b.row - a.row)[0];
  return above ? `${above.text} · ${column.label}` : column.label;
}
