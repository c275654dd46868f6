import { recognizeReport, type CellValue, type LexicalState, type Report, type SourceBlock, type SourceCell, type Template } from '../../../src-core/index.js';

/** What a paste into a section's text could become besides text. */
export type PasteOffer =
  | { kind: 'table'; tableId: string; tableTitle: string; cells: { tableId: string; rowId: string; colId: string; value: CellValue }[] }
  | { kind: 'sections'; headings: string[]; sections: Record<string, LexicalState> }
  | { kind: 'tableNotMatched' };

/** The first HTML table on the clipboard (Word, WPS, a web page) as the import reads tables. */
export function pastedTable(html: string): SourceCell[][] | null {
  const table = new DOMParser().parseFromString(html, 'text/html').querySelector('table');
  if (!table) return null;
  return [...table.rows].map((row) => [...row.cells].map((cell) => ({ text: (cell.textContent ?? '').replace(/\s+/g, ' ').trim(), rowSpan: cell.rowSpan || 1, colSpan: cell.colSpan || 1 })));
}

/**
 * A pasted table goes through the import's recognition, once under each section of the format that
 * has tables: the section whose tables take the most numbers is offered.
 */
export function tableOffer(template: Template, rows: SourceCell[][]): PasteOffer {
  const templates = new Map([[template.id, template]]);
  let best: Extract<PasteOffer, { kind: 'table' }> | null = null;
  for (const section of template.sections) {
    if (section.tables.length === 0 || !section.heading) continue;
    const result = recognizeReport({ kind: 'html', fileName: 'clipboard', notes: [], blocks: [{ kind: 'paragraph', text: section.heading, level: 1 }, { kind: 'table', rows }] }, templates, { templateId: template.id });
    if (!result.ok) continue;
    const cells = result.importReport.cells.filter((c) => section.tables.includes(c.tableId) && (typeof c.value === 'number' || c.value === null));
    if (cells.length > (best?.cells.length ?? 0)) {
      const tableId = cells[0]!.tableId;
      best = { kind: 'table', tableId, tableTitle: template.tableModels.get(tableId)?.def.title ?? tableId, cells: cells.map((c) => ({ tableId: c.tableId, rowId: c.rowId, colId: c.colId, value: c.value as CellValue })) };
    }
  }
  return best ?? { kind: 'tableNotMatched' };
}

/** Pasted text with two or more of the format's mandated headings: the import's section finding splits it. */
export function sectionsOffer(template: Template, text: string): PasteOffer | null {
  const blocks: SourceBlock[] = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ kind: 'paragraph', text: line }));
  const result = recognizeReport({ kind: 'text', fileName: 'clipboard', notes: [], blocks }, new Map([[template.id, template]]), { templateId: template.id });
  if (!result.ok) return null;
  const found = result.importReport.sections.filter((s) => s.sourceHeading !== null && s.paragraphs > 0);
  if (found.length < 2) return null;
  return {
    kind: 'sections',
    headings: found.map((s) => template.sectionById.get(s.sectionId)?.heading ?? s.sectionId),
    sections: Object.fromEntries(found.map((s) => [s.sectionId, result.report.sections[s.sectionId]!])),
  };
}

/** The report with each part appended to its section (after what the section already has). */
export function withSplitSections(report: Report, parts: Record<string, LexicalState>): Report {
  const sections = { ...report.sections };
  for (const [id, part] of Object.entries(parts)) {
    const existing = sections[id]?.root.children ?? [];
    sections[id] = { root: { ...part.root, children: [...existing, ...part.root.children] } };
  }
  return { ...report, sections };
}
