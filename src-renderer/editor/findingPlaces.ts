import type { FindingLocation, Template } from '../../src-core/index.js';

/** The section a finding belongs to (a table cell belongs to its table's section); none for report facts. */
export function locationSection(template: Template, location: FindingLocation): string | undefined {
  if ('sectionId' in location) return location.sectionId;
  if ('tableId' in location) return template.tableModels.get(location.tableId)?.def.sectionId;
  return undefined;
}

export function cellKey(tableId: string, rowId: string, colId: string): string {
  return `${tableId}|${rowId}|${colId}`;
}
