import { localize, type Locale } from '../../i18n/locale.js';
import type { Template } from '../../template/loadTemplate.js';
import type { RuleDef } from '../../template/templateSchema.js';
import type { Finding } from '../finding.js';
import { sectionName } from '../messagePlaces.js';
import type { ReportCells } from '../reportCells.js';
import type { CountClaim } from './countClaims.js';
import { quoteOf, spanOf, type SectionAnalysis } from './sectionAnalysis.js';
import { tableFigure } from './tableFigures.js';

type Rule<K extends RuleDef['kind']> = Extract<RuleDef, { kind: K }>;
export type Analyse = (sectionId: string) => SectionAnalysis;

/** A finding pinned to a sentence of a section, quoting it. */
export function sentenceFinding(
  rule: RuleDef,
  template: Template,
  sectionId: string,
  analysis: SectionAnalysis,
  range: { start: number; end: number },
  locale: Locale,
  vars: Record<string, string | number>,
  expected: Finding['expected'],
  actual: Finding['actual'],
): Finding {
  return {
    ruleId: rule.id,
    severity: rule.severity,
    location: { sectionId, span: spanOf(analysis, range.start, range.end) },
    expected,
    actual,
    message: localize(rule.message, locale, { section: sectionName(template, sectionId, locale), quote: quoteOf(analysis, range), ...vars }).trimEnd(),
  };
}

/**
 * N-02 (requests), N-03 (review cases), N-07 (rules and normative documents): a count the text
 * states must agree with the table figure the template names for it (any of them, when the
 * wording can mean more than one, like 受理).
 */
export function checkNarrativeCounts(rule: Rule<'narrativeCounts'>, template: Template, cells: ReportCells, analyse: Analyse, locale: Locale, out: Finding[]): void {
  for (const sectionId of rule.sections) {
    const analysis = analyse(sectionId);
    for (const claim of analysis.claims) {
      const measure = rule.measures.find((m) => m.measure === claim.measure);
      if (!measure) continue;
      const figures = measure.cells.map((c) => tableFigure(c, template, rule.table, cells));
      if (figures.some((f) => f === undefined || f === claim.value)) continue;
      const [expected = 0] = figures as number[];
      out.push(claimFinding(rule, template, sectionId, analysis, claim, locale, measure.label[locale], expected));
    }
  }
}

function claimFinding(rule: RuleDef, template: Template, sectionId: string, analysis: SectionAnalysis, claim: CountClaim, locale: Locale, what: string, expected: number): Finding {
  const stated = claim.quantity ? `${claim.value} ${claim.quantity.unit}` : '0';
  return sentenceFinding(rule, template, sectionId, analysis, claim.sentence, locale, { stated, cell: what, value: expected }, expected, claim.value);
}

const TEN_THOUSAND = 10000;

/**
 * N-08: an amount of money the text gives for a table figure (行政事业性收费) must agree with it
 * once 元 and 万元 are converted; the same digits in the other unit are named as a unit mix-up.
 * With compare "nonzeroNeedsNonzero" (信息处理费 vs 行政事业性收费) a charged amount while the
 * table shows 0 is only pointed out: whether it belongs there is not settled.
 */
export function checkNarrativeAmounts(rule: Rule<'narrativeAmount'>, template: Template, cells: ReportCells, analyse: Analyse, locale: Locale, out: Finding[]): void {
  const figure = tableFigure(rule.cell, template, rule.table, cells);
  if (figure === undefined) return;
  for (const sectionId of rule.sections) {
    const analysis = analyse(sectionId);
    for (const q of analysis.numbers.quantities) {
      if (q.unit !== '元' && q.unit !== '万元') continue;
      const clause = analysis.text.slice(q.sentence.start, q.start);
      if (q.approximate || !rule.keywords.some((k) => clause.includes(k))) continue;
      const inTableUnit = Math.round(convert(q.value, q.unit, rule.tableUnit) * 1e8) / 1e8;
      const vars = { stated: `${q.value} ${q.unit}`, cell: rule.label[locale], value: `${figure} ${rule.tableUnit}` };
      if (rule.compare === 'nonzeroNeedsNonzero') {
        if (q.value > 0 && figure === 0) out.push(sentenceFinding(rule, template, sectionId, analysis, q.sentence, locale, vars, figure, inTableUnit));
        continue;
      }
      if (sameAmount(inTableUnit, figure)) continue;
      const unitMixUp = q.unit !== rule.tableUnit && sameAmount(q.value, figure);
      const hint = unitMixUp ? UNIT_MIX_UP[locale] : '';
      out.push(sentenceFinding(rule, template, sectionId, analysis, q.sentence, locale, { ...vars, hint }, figure, inTableUnit));
    }
  }
}

const UNIT_MIX_UP = {
  'zh-CN': '数字相同而单位不同，可能把“元”和“万元”混用了。',
  en: 'The digits are the same but the units differ: 元 and 万元 may be mixed up.',
} as const;

function convert(value: number, from: '元' | '万元', to: '元' | '万元'): number {
  if (from === to) return value;
  return from === '元' ? value / TEN_THOUSAND : value * TEN_THOUSAND;
}

function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6;
}
