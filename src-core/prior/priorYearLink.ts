import { blockText, lexicalToBlocks } from '../report/lexicalText.js';
import type { PriorYear, Report } from '../report/reportSchema.js';
import type { Template } from '../template/loadTemplate.js';

export type PriorSource = Omit<PriorYear['source'], 'linkedAt'>;

/** The copy of last year's report that this year's report keeps (reportSchema.ts, priorYearSchema). */
export function priorYearOf(last: Report, lastTemplate: Template, source: PriorSource, now: Date): PriorYear {
  const sections: PriorYear['sections'] = {};
  for (const section of lastTemplate.sections) {
    const blocks = lexicalToBlocks(last.sections[section.id]).map((b) => (b.kind === 'heading' ? { heading: blockText(b) } : blockText(b)));
    if (blocks.length > 0) sections[section.id] = blocks;
  }
  const tables: PriorYear['tables'] = {};
  for (const [tableId, rows] of Object.entries(last.tables)) {
    tables[tableId] = Object.fromEntries(Object.entries(rows).map(([rowId, cols]) => [rowId, { ...cols }]));
  }
  return {
    year: last.meta.year,
    templateId: last.templateId,
    orgName: last.meta.orgName,
    source: { ...source, linkedAt: now.toISOString() },
    tables,
    sections,
  };
}

/** A prior-year block's text, whether paragraph or sub-heading. */
export function priorBlockText(block: PriorYear['sections'][string][number]): string {
  return typeof block === 'string' ? block : block.heading;
}

/**
 * Last year's report as the year-over-year rules read it (only its year and tables), from the link the
 * report keeps. Undefined without a link or when last year's format is not among `templates`.
 */
export function linkedPrevious(report: Report, templates: ReadonlyMap<string, Template>): { report: Report; template: Template } | undefined {
  const prior = report.priorYear;
  const template = prior && templates.get(prior.templateId);
  if (!prior || !template) return undefined;
  const previous: Report = {
    schemaVersion: report.schemaVersion,
    templateId: prior.templateId,
    meta: { ...report.meta, orgName: prior.orgName, year: prior.year },
    sections: {},
    tables: prior.tables,
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
  };
  return { report: previous, template };
}
