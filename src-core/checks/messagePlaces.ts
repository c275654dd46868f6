import type { Locale } from '../i18n/locale.js';
import type { Template } from '../template/loadTemplate.js';

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
    row: model?.row(rowId)?.label ?? rowId,
    col: model?.column(rowId, colId)?.label ?? colId,
  };
}
