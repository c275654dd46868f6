import { applyFactsChange, blockText, cellText, lexicalToBlocks, type LexicalNode, type LexicalState, type Report, type ReportMeta, type Template } from '../../src-core/index.js';
import { META_SECTION } from '../editor/findingPlaces.js';
import type { Place } from '../state/documentStore.js';

/** Report facts that are free text: what find looks in and replace may change. */
export const SEARCHABLE_FACTS = ['orgName', 'website', 'contactDept', 'address', 'postcode', 'phone', 'fax', 'email', 'signatureOrg'] as const;
type SearchableFact = (typeof SEARCHABLE_FACTS)[number];

/** One occurrence of the searched text; table cells are found but not replaced (their values are numbers). */
export interface Match {
  place: Place;
  replaceable: boolean;
}

function occurrences(text: string, query: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + query.length)) found.push(at);
  return found;
}

/** Every occurrence in reading order: 报告信息, then each section's text and its tables. */
export function findInReport(template: Template, report: Report, query: string): Match[] {
  if (query === '') return [];
  const matches: Match[] = [];
  for (const field of SEARCHABLE_FACTS) {
    for (const at of occurrences(report.meta[field] ?? '', query)) matches.push({ place: { sectionId: META_SECTION, metaField: field, range: { start: at, end: at + query.length } }, replaceable: true });
  }
  for (const section of template.sections) {
    lexicalToBlocks(report.sections[section.id]).forEach((block, index) => {
      for (const at of occurrences(blockText(block), query)) matches.push({ place: { sectionId: section.id, block: index, range: { start: at, end: at + query.length } }, replaceable: true });
    });
    for (const tableId of section.tables) {
      const model = template.tableModels.get(tableId);
      if (!model) continue;
      for (const block of model.def.blocks) {
        for (const row of block.rows) {
          for (const col of block.columns) {
            if (model.cell(row.id, col.id) && cellText(model, row.id, col.id, report).includes(query)) {
              matches.push({ place: { sectionId: section.id, cell: { tableId, rowId: row.id, colId: col.id } }, replaceable: false });
            }
          }
        }
      }
    }
  }
  return matches;
}

/** The report with one match replaced (or, with no match given, every replaceable one). */
export function replaceInReport(template: Template, report: Report, query: string, replacement: string, only?: Match): Report {
  const targets = (only ? [only] : findInReport(template, report, query)).filter((m) => m.replaceable);
  if (targets.length === 0 || query === '') return report;
  const meta: ReportMeta = { ...report.meta };
  const sections = { ...report.sections };
  // From the last match back, so the offsets of the earlier ones stay right.
  for (const { place } of [...targets].reverse()) {
    const { start, end } = place.range!;
    if (place.metaField) {
      const field = place.metaField as SearchableFact;
      const value = meta[field] ?? '';
      meta[field] = value.slice(0, start) + replacement + value.slice(end);
    } else if (place.block !== undefined) {
      sections[place.sectionId] = replaceInBlock(sections[place.sectionId]!, place.block, start, end, replacement);
    }
  }
  // The standard wording follows changed facts, as when they are typed in 报告信息.
  return applyFactsChange(template, { ...report, meta, sections }, report.meta, meta);
}

/** The text blocks of a state in lexicalToBlocks order (a list contributes its items). */
function textBlocks(state: LexicalState): LexicalNode[] {
  return state.root.children.flatMap((node) => (node.type === 'list' ? (node.children ?? []) : [node]));
}

/** Replaces characters start…end of one block, keeping the formatting of the text around them. */
function replaceInBlock(state: LexicalState, blockIndex: number, start: number, end: number, replacement: string): LexicalState {
  const copy = structuredClone(state);
  const block = textBlocks(copy)[blockIndex];
  if (!block) return state;
  let offset = 0;
  let inserted = false;
  const visit = (node: LexicalNode): void => {
    if (node.type === 'linebreak') {
      offset += 1;
      return;
    }
    if (typeof node.text !== 'string') return node.children?.forEach(visit);
    const from = offset;
    const to = offset + node.text.length;
    offset = to;
    if (to <= start || from >= end) return;
    const cutStart = Math.max(start, from) - from;
    const cutEnd = Math.min(end, to) - from;
    node.text = node.text.slice(0, cutStart) + (inserted ? '' : replacement) + node.text.slice(cutEnd);
    inserted = true;
  };
  block.children?.forEach(visit);
  return copy;
}
