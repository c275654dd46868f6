import { basename, extname } from 'node:path';
import {
  blockText,
  cellPlaceVars,
  countBySeverity,
  lexicalToBlocks,
  META_FIELD_LABELS,
  publicationDeadline,
  sectionName,
  type Finding,
  type Locale,
  type Report,
  type Template,
} from '../../src-core/index.js';
import type { ReviewedReport, ReviewFinding } from './reviewSummary.js';

/** How many findings the summary row quotes. */
const TOP_FINDINGS = 3;

/** The place of a finding in words, as a reader of the printed report looks for it. */
function placeOf(template: Template, finding: Finding, locale: Locale): string {
  const at = finding.location;
  if ('sectionId' in at) return sectionName(template, at.sectionId, locale);
  if ('tableId' in at) {
    const v = cellPlaceVars(template, at.tableId, at.rowId, at.colId, locale);
    return [v.table, v.row, v.col].filter(Boolean).join(' · ');
  }
  const label = META_FIELD_LABELS[at.metaField];
  return `${locale === 'en' ? 'Report facts' : '报告信息'} · ${label ? label[locale] : at.metaField}`;
}

/** The text a narrative finding points at (its `span`), as the report states it. */
function quoteOf(report: Report, finding: Finding): string | null {
  const at = finding.location;
  if (!('sectionId' in at) || !at.span) return null;
  const block = lexicalToBlocks(report.sections[at.sectionId])[at.span.paragraph];
  const text = block ? blockText(block).slice(at.span.start, at.span.end).trim() : '';
  return text === '' ? null : text;
}

/** One reviewed report: the facts of its summary row and every finding with its place and quoted sentence. */
export function reviewedReport(file: string, template: Template, report: Report, findings: readonly Finding[], locale: Locale): ReviewedReport {
  const { errors, warnings } = countBySeverity(findings);
  const signatureRule = template.rules.find((r) => r.kind === 'signatureDate')?.id;
  const signatureProblem = signatureRule === undefined ? undefined : findings.find((f) => f.ruleId === signatureRule);
  const top = [...findings.filter((f) => f.severity === 'error'), ...findings.filter((f) => f.severity === 'warning')].slice(0, TOP_FINDINGS);
  return {
    file,
    fileName: basename(file),
    format: extname(file).slice(1).toLowerCase() || '—',
    templateId: template.id,
    templateName: template.name[locale],
    orgName: report.meta.orgName,
    year: report.meta.year,
    signature: { date: report.meta.signatureDate ?? null, deadline: publicationDeadline(template, report.meta), problem: signatureProblem?.message ?? null },
    errors,
    warnings,
    topFindings: top.map((f) => `[${f.ruleId}] ${f.message}`),
    findings: findings.map(
      (f): ReviewFinding => ({ ruleId: f.ruleId, severity: f.severity, place: placeOf(template, f, locale), quote: quoteOf(report, f), expected: f.expected, actual: f.actual, message: f.message }),
    ),
  };
}
