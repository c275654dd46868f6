import { DEFAULT_LOCALE, type Locale } from '../i18n/locale.js';
import type { Report } from '../report/reportSchema.js';
import type { Template } from '../template/loadTemplate.js';
import type { RuleDef } from '../template/templateSchema.js';
import type { Finding } from './finding.js';
import { checkRelations, metaConditionHolds } from './relationChecks.js';
import {
  SectionTexts,
  checkFeeNotices,
  checkItemCoverage,
  checkPlaceholders,
  checkRequiredMeta,
  checkRequiredSections,
  checkSectionMentions,
  checkSectionTopics,
  checkSignatureDate,
  checkStatisticsPeriod,
  checkYearRange,
} from './narrativeChecks.js';
import { checkNarrativeAmounts, checkNarrativeCounts } from './narrative/countRules.js';
import { checkFeeStatement } from './narrative/feeStatement.js';
import { checkLeftoverYear, checkPriorProblems, checkPriorRepetition } from './narrative/priorYearRules.js';
import { checkCitedNotice, checkCompletionClaim, checkHeadingSequence, checkPartsCount, checkSectionSubstance, checkTextJunk } from './narrative/reviewerRules.js';
import { linkedPrevious } from '../prior/priorYearLink.js';
import { ReportCells } from './reportCells.js';
import { checkBlankCells, checkCellValues, checkEmptyCells, checkRequiredTables, checkUnitRecorded } from './tableValueChecks.js';

export interface CheckOptions {
  locale?: Locale;
  /**
   * Last year's report of the same agency, for the year-over-year rules (P-05, D21-01, D19-03, R-05).
   * Without it the rules read the link the report keeps (report.priorYear).
   */
  previous?: { report: Report; template: Template };
  /** The formats known, to read a linked prior year kept in another format than this year's. */
  templates?: ReadonlyMap<string, Template>;
}

/**
 * Checks a report against every rule of its template. Errors block a final export; warnings
 * are shown and never block. Findings come in template rule order, so output is stable.
 */
export function checkReport(template: Template, report: Report, options: CheckOptions = {}): Finding[] {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const cells = new ReportCells(template, report);
  const lastYear = options.previous ?? linkedPrevious(report, options.templates ?? new Map([[template.id, template]]));
  const previous = lastYear && new ReportCells(lastYear.template, lastYear.report);
  const texts = new SectionTexts(cells);
  const findings: Finding[] = [];
  for (const rule of template.rules) {
    if (rule.kind === 'relation') continue;
    const when = template.ruleConditions.get(rule);
    if (when && !metaConditionHolds(when, cells)) continue;
    runRule(rule, template, cells, texts, locale, findings);
  }
  checkRelations(template, cells, previous, locale, findings);
  return findings;
}

function runRule(rule: Exclude<RuleDef, { kind: 'relation' }>, template: Template, cells: ReportCells, texts: SectionTexts, locale: Locale, out: Finding[]): void {
  const analyse = (sectionId: string) => texts.analysis(sectionId);
  switch (rule.kind) {
    case 'cellValue':
      return checkCellValues(rule, template, cells, locale, out);
    case 'emptyCells':
      return checkEmptyCells(rule, template, cells, locale, out);
    case 'blankCells':
      return checkBlankCells(rule, template, cells, locale, out);
    case 'unitRecorded':
      return checkUnitRecorded(rule, template, cells, locale, out);
    case 'sectionMentions':
      return checkSectionMentions(rule, template, texts, locale, out);
    case 'sectionTopics':
      return checkSectionTopics(rule, template, texts, locale, out);
    case 'feeNotices':
      return checkFeeNotices(rule, template, cells, texts, locale, out);
    case 'feeStatement':
      return checkFeeStatement(rule, template, analyse, locale, out);
    case 'narrativeCounts':
      return checkNarrativeCounts(rule, template, cells, analyse, locale, out);
    case 'narrativeAmount':
      return checkNarrativeAmounts(rule, template, cells, analyse, locale, out);
    case 'citedNotice':
      return checkCitedNotice(rule, template, analyse, locale, out);
    case 'partsCount':
      return checkPartsCount(rule, template, analyse, locale, out);
    case 'sectionSubstance':
      return checkSectionSubstance(rule, template, analyse, locale, out);
    case 'completionClaim':
      return checkCompletionClaim(rule, template, cells, analyse, locale, out);
    case 'headingSequence':
      return checkHeadingSequence(rule, template, analyse, locale, out);
    case 'textJunk':
      return checkTextJunk(rule, template, analyse, locale, out);
    case 'statisticsPeriod':
      return checkStatisticsPeriod(rule, template, cells, texts, locale, out);
    case 'requiredSections':
      return checkRequiredSections(rule, template, texts, locale, out);
    case 'requiredTables':
      return checkRequiredTables(rule, template, cells, locale, out);
    case 'requiredMeta':
      return checkRequiredMeta(rule, cells, locale, out);
    case 'yearRange':
      return checkYearRange(rule, template, cells, locale, out);
    case 'itemCoverage':
      return checkItemCoverage(rule, template, texts, locale, out);
    case 'placeholders':
      return checkPlaceholders(rule, template, texts, locale, out);
    case 'signatureDate':
      return checkSignatureDate(rule, cells, locale, out);
    case 'priorRepetition':
      return checkPriorRepetition(rule, template, cells.report, locale, out);
    case 'leftoverYear':
      return checkLeftoverYear(rule, template, cells.report, analyse, locale, out);
    case 'priorProblems':
      return checkPriorProblems(rule, template, cells.report, analyse, locale, out);
  }
}
