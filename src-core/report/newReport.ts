import { fillPlaceholders } from '../i18n/locale.js';
import type { Template } from '../template/loadTemplate.js';
import type { StarterBlock } from '../template/templateSchema.js';
import { plainBlocksToLexical, type PlainBlock } from './lexicalText.js';
import { CURRENT_SCHEMA_VERSION, type Report, type ReportMeta } from './reportSchema.js';

/** Shown in the text where a fact is not known yet; the placeholder rule (C-04) points at it. */
const GAP: Record<string, string> = {
  website: '【请填写：门户网站地址】',
  contactDept: '【请填写：联系部门】',
  phone: '【请填写：联系电话】',
  address: '【请填写：通讯地址】',
  postcode: '【请填写：邮政编码】',
};

/** The facts the starter wording draws on: {orgName}, {year}, {statisticsPeriod}, {website} … */
export function reportFacts(meta: ReportMeta): Record<string, string | number> {
  const facts: Record<string, string | number> = {
    orgName: meta.orgName,
    year: meta.year,
    nextYear: meta.year + 1,
    statisticsPeriod: `自${meta.year}年1月1日起至${meta.year}年12月31日止`,
  };
  for (const [field, gap] of Object.entries(GAP)) {
    const value = (meta as Record<string, unknown>)[field];
    facts[field] = typeof value === 'string' && value.trim() !== '' ? value.trim() : gap;
  }
  return facts;
}

export function reportTitle(template: Template, meta: ReportMeta): string {
  return fillPlaceholders(template.reportTitle, { orgName: meta.orgName, year: meta.year });
}

export function fillStarter(blocks: readonly StarterBlock[], meta: ReportMeta): PlainBlock[] {
  const facts = reportFacts(meta);
  return blocks.map((b) => (typeof b === 'string' ? fillPlaceholders(b, facts) : { ...b, heading: fillPlaceholders(b.heading, facts) }));
}

/** A new report: starter wording filled from the facts, every mandatory table present and empty. */
export function createReport(template: Template, meta: ReportMeta, now: Date): Report {
  const sections: Report['sections'] = {};
  for (const section of template.sections) sections[section.id] = plainBlocksToLexical(fillStarter(section.starter, meta));
  const tables: Report['tables'] = {};
  for (const model of template.tableModels.values()) {
    if (model.def.optional) continue;
    const rows: Record<string, Record<string, null>> = {};
    for (const cell of model.cells) (rows[cell.rowId] ??= {})[cell.colId] = null;
    tables[model.def.id] = rows;
  }
  const stamp = now.toISOString();
  return { schemaVersion: CURRENT_SCHEMA_VERSION, templateId: template.id, meta, sections, tables, createdAt: stamp, updatedAt: stamp };
}
