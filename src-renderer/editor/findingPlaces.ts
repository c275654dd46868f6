import type { FindingLocation, Template } from '../../src-core/index.js';

/** The outline entry of the 报告信息 panel. */
export const META_SECTION = 'meta';

/** The outline entry a finding belongs to: a table cell to its table's section, a report fact to 报告信息. */
export function locationSection(template: Template, location: FindingLocation): string | undefined {
  if ('sectionId' in location) return location.sectionId;
  if ('tableId' in location) return template.tableModels.get(location.tableId)?.def.sectionId;
  return META_SECTION;
}

export function cellKey(tableId: string, rowId: string, colId: string): string {
  return `${tableId}|${rowId}|${colId}`;
}
