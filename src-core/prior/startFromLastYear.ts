import { carriedOverValues } from '../checks/relationChecks.js';
import { ReportCells } from '../checks/reportCells.js';
import { deriveComputedCells } from '../checks/deriveComputedCells.js';
import type { Localized } from '../i18n/locale.js';
import { storedValue } from '../report/cellValue.js';
import { createReport } from '../report/newReport.js';
import type { Report, ReportMeta } from '../report/reportSchema.js';
import type { Template } from '../template/loadTemplate.js';
import { templateForYear } from '../template/templateChoice.js';
import { priorYearOf, type PriorSource } from './priorYearLink.js';

export type StartResult = { ok: true; report: Report; template: Template } | { ok: false; message: Localized };

/** The organisation's standing facts; the year, the 成文日期 and everything written about the year are not. */
function carriedMeta(last: ReportMeta, year: number): ReportMeta {
  const { orgName, unitType, hasRulemakingPower, website, contactDept, address, postcode, phone, fax, email, signatureOrg } = last;
  const optional = Object.entries({ website, contactDept, address, postcode, phone, fax, email, signatureOrg }).filter(([, v]) => v !== undefined);
  return { orgName, year, unitType, hasRulemakingPower, ...Object.fromEntries(optional) };
}

/**
 * A new report started from last year's (issue #13): the organisation's facts, the newest format for
 * the new year with its standard wording, the figures the format carries over from last year, and
 * the link to last year's report. Last year's narrative is not copied into this year's sections.
 */
export function startFromLastYear(
  templates: ReadonlyMap<string, Template>,
  last: { report: Report; template: Template },
  options: { year?: number; now: Date; source: PriorSource },
): StartResult {
  const lastYear = last.report.meta.year;
  const year = options.year ?? lastYear + 1;
  if (year <= lastYear) {
    return { ok: false, message: { 'zh-CN': `新报告的年度（${year}）应晚于上年报告的年度（${lastYear}）。`, en: `The new report's year (${year}) must come after last year's report (${lastYear}).` } };
  }
  const template = templateForYear(templates.values(), year);
  if (!template) return { ok: false, message: { 'zh-CN': `没有适用于 ${year} 年度的报告格式。`, en: `No report format applies to the year ${year}.` } };
  const report = createReport(template, carriedMeta(last.report.meta, year), options.now);
  const tables: Report['tables'] = { ...report.tables };
  for (const carried of carriedOverValues(template, new ReportCells(last.template, last.report))) {
    const cell = template.tableModels.get(carried.tableId)?.cell(carried.rowId, carried.colId);
    if (!cell) continue;
    const rows = { ...(tables[carried.tableId] ?? {}) };
    rows[carried.rowId] = { ...(rows[carried.rowId] ?? {}), [carried.colId]: storedValue(carried.value, cell.valueType) };
    tables[carried.tableId] = rows;
  }
  const priorYear = priorYearOf(last.report, last.template, options.source, options.now);
  return { ok: true, template, report: { ...report, tables: deriveComputedCells(template, tables), priorYear } };
}
