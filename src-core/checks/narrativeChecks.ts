import { META_FIELD_LABELS } from '../i18n/coreMessages.js';
import { localize, type Locale } from '../i18n/locale.js';
import { formatScaled } from '../report/cellValue.js';
import { isLexicalEmpty, lexicalToPlainText } from '../report/lexicalText.js';
import { isMergedAway, tagHasText } from '../report/reportOutline.js';
import type { UnitType } from '../report/reportSchema.js';
import type { Template } from '../template/loadTemplate.js';
import { fitsYear } from '../template/templateChoice.js';
import type { RuleDef } from '../template/templateSchema.js';
import type { Finding } from './finding.js';
import { analyseSection, type SectionAnalysis } from './narrative/sectionAnalysis.js';
import { sectionName } from './messagePlaces.js';
import type { ReportCells } from './reportCells.js';

type Rule<K extends RuleDef['kind']> = Extract<RuleDef, { kind: K }>;

/**
 * The plain text of a section's editor state, and its reading, kept while the state object lives:
 * states are never changed in place, so an edit elsewhere (a table cell) re-reads no text.
 */
const textOfState = new WeakMap<object, string>();
const analysisOfState = new WeakMap<object, SectionAnalysis>();

/** Section texts of one report. */
export class SectionTexts {
  constructor(private readonly cells: ReportCells) {}

  text(sectionId: string): string {
    const state = this.cells.report.sections[sectionId];
    if (!state) return lexicalToPlainText(state);
    let text = textOfState.get(state);
    if (text === undefined) {
      text = lexicalToPlainText(state);
      textOfState.set(state, text);
    }
    return text;
  }

  get report(): ReportCells['report'] {
    return this.cells.report;
  }

  /** The text read for the narrative rules: normalised, split into sentences, its counts extracted. */
  analysis(sectionId: string): SectionAnalysis {
    const state = this.cells.report.sections[sectionId];
    if (!state) return analyseSection(this.text(sectionId));
    let analysis = analysisOfState.get(state);
    if (analysis === undefined) {
      analysis = analyseSection(this.text(sectionId));
      analysisOfState.set(state, analysis);
    }
    return analysis;
  }

  isEmpty(sectionId: string): boolean {
    return isLexicalEmpty(this.cells.report.sections[sectionId]);
  }
}

function sectionFinding(rule: RuleDef, template: Template, sectionId: string, locale: Locale, vars: Record<string, string | number>, expected: Finding['expected'] = null, actual: Finding['actual'] = null): Finding {
  return {
    ruleId: rule.id,
    severity: rule.severity,
    location: { sectionId },
    expected,
    actual,
    message: localize(rule.message, locale, { section: sectionName(template, sectionId, locale), ...vars }),
  };
}

/** O-06 (收费、减免): every keyword group must be present in the section. */
export function checkSectionMentions(rule: Rule<'sectionMentions'>, template: Template, texts: SectionTexts, locale: Locale, out: Finding[]): void {
  // A merged gov-2008 outline covers the section's items elsewhere: read the sections they are tagged to.
  const tags = texts.report.outline?.art32Tags ?? {};
  const elsewhere = isMergedAway(template, texts.report, rule.section) ? (template.sectionById.get(rule.section)?.art32Items ?? []).map((item) => tags[String(item)]?.sectionId ?? rule.section) : [];
  const text = [rule.section, ...elsewhere].map((id) => texts.text(id)).join('\n');
  const missing = rule.groups.filter((group) => !group.some((k) => text.includes(k))).map((group) => group[0] ?? '');
  if (missing.length > 0) out.push(sectionFinding(rule, template, rule.section, locale, { missing: missing.join('、') }, missing.join('、'), null));
}

/** N-05, N-06: each topic is touched by at least one of its keywords somewhere in the sections. */
export function checkSectionTopics(rule: Rule<'sectionTopics'>, template: Template, texts: SectionTexts, locale: Locale, out: Finding[]): void {
  const text = rule.sections.map((s) => texts.text(s)).join('\n');
  const [first = ''] = rule.sections;
  for (const topic of rule.topics) {
    if (topic.keywords.some((k) => text.includes(k))) continue;
    out.push(sectionFinding(rule, template, first, locale, { topic: topic.label }, topic.label, null));
  }
}

const NO_FEE_NOTICE_RE = /(?:未|没有|无)(?:向[^，。；]{0,12})?(?:发出|出具|开具|发放|送达)(?:过)?(?:任何)?(?:信息处理费)?收费通知|收费通知(?:书)?(?:为)?(?:0|零)(?:件|份|次)/;
const FEE_NOTICE_COUNT_RE = /(?:发出|出具|开具|发放|送达)(?:了)?(?:信息处理费)?收费通知(?:书)?(?:共)?(\d+)(?:件|份|次)/;

/**
 * N-01 / P-07: what section 六 says about fee notices must agree with the number of requests
 * closed because the fee was not paid (A21.r3_6_2[total]).
 */
export function checkFeeNotices(rule: Rule<'feeNotices'>, template: Template, cells: ReportCells, texts: SectionTexts, locale: Locale, out: Finding[]): void {
  const model = template.tableModels.get(rule.table);
  const scaled = model ? cells.value(model, rule.row, rule.col) : undefined;
  if (scaled === undefined) return;
  const closed = Number(formatScaled(scaled));
  const { text } = texts.analysis(rule.section);
  const saysNone = NO_FEE_NOTICE_RE.test(text);
  const countMatch = FEE_NOTICE_COUNT_RE.exec(text);
  const stated = countMatch ? Number(countMatch[1]) : saysNone ? 0 : undefined;
  const vars = { count: closed, stated: stated ?? '' };
  if (rule.expect === 'reported') {
    if (closed > 0 && !text.includes('收费通知')) out.push(sectionFinding(rule, template, rule.section, locale, vars, closed, null));
    return;
  }
  if (stated !== undefined && stated < closed) out.push(sectionFinding(rule, template, rule.section, locale, vars, closed, stated));
}

const PERIOD_RE = /自\s*(\d{4})\s*年\s*0?1\s*月\s*0?1\s*日\s*起?\s*至\s*(\d{4})\s*年\s*12\s*月\s*31\s*日/;

/** N-04: the statistics-period sentence covers 1 January–31 December of the report year. */
export function checkStatisticsPeriod(rule: Rule<'statisticsPeriod'>, template: Template, cells: ReportCells, texts: SectionTexts, locale: Locale, out: Finding[]): void {
  const year = cells.report.meta.year;
  const expected = `自${year}年1月1日起至${year}年12月31日止`;
  const match = PERIOD_RE.exec(texts.text(rule.section));
  if (match && Number(match[1]) === year && Number(match[2]) === year) return;
  const actual = match ? match[0] : null;
  out.push(sectionFinding(rule, template, rule.section, locale, { expected, actual: actual ?? '—', year }, expected, actual));
}

/** C-01: required sections must have text (a gov-2008 section whose items a merged outline covers elsewhere is not expected to). */
export function checkRequiredSections(rule: Rule<'requiredSections'>, template: Template, texts: SectionTexts, locale: Locale, out: Finding[]): void {
  for (const section of template.sections) {
    if (isMergedAway(template, texts.report, section.id)) continue;
    if (section.required && section.textRequired && texts.isEmpty(section.id)) out.push(sectionFinding(rule, template, section.id, locale, {}));
  }
}

/**
 * O-05: each Art. 32 item of the 2008 regulation is covered by a non-empty part of the report: the
 * place the report's outline tags it to (merged outline), else the format's section for the item.
 */
export function checkItemCoverage(rule: Rule<'itemCoverage'>, template: Template, texts: SectionTexts, locale: Locale, out: Finding[]): void {
  for (const { item, label } of rule.items) {
    const tag = texts.report.outline?.art32Tags?.[String(item)];
    if (tag) {
      if (!tagHasText(texts.report, tag)) out.push(sectionFinding(rule, template, tag.sectionId, locale, { item, label }, label, null));
      continue;
    }
    const tagged = template.sections.filter((s) => s.art32Items?.includes(item));
    if (tagged.some((s) => !texts.isEmpty(s.id))) continue;
    const [first] = tagged;
    if (first) out.push(sectionFinding(rule, template, first.id, locale, { item, label }, label, null));
  }
}

const PLACEHOLDER_RE = /【请填写[^】]*】/g;

/** C-04: starter wording still holds 【请填写…】 gaps; each one is listed, so none is overlooked. */
export function checkPlaceholders(rule: Rule<'placeholders'>, template: Template, texts: SectionTexts, locale: Locale, out: Finding[]): void {
  for (const section of template.sections) {
    for (const match of texts.text(section.id).matchAll(PLACEHOLDER_RE)) out.push(sectionFinding(rule, template, section.id, locale, { placeholder: match[0] }, null, match[0]));
  }
}

/** C-02: report facts the format needs. */
export function checkRequiredMeta(rule: Rule<'requiredMeta'>, cells: ReportCells, locale: Locale, out: Finding[]): void {
  const meta = cells.report.meta as Record<string, unknown>;
  for (const field of rule.fields) {
    const value = meta[field];
    if (value !== undefined && value !== null && String(value).trim() !== '') continue;
    const label = META_FIELD_LABELS[field];
    out.push({
      ruleId: rule.id,
      severity: rule.severity,
      location: { metaField: field },
      expected: null,
      actual: null,
      message: localize(rule.message, locale, { field: label ? label[locale] : field }),
    });
  }
}

/** C-03: the format fits the report year. */
export function checkYearRange(rule: Rule<'yearRange'>, template: Template, cells: ReportCells, locale: Locale, out: Finding[]): void {
  const { year } = cells.report.meta;
  if (fitsYear(template, year)) return;
  const { from, to } = template.years;
  const range = to === undefined ? `${from}–` : `${from}–${to}`;
  out.push({
    ruleId: rule.id,
    severity: rule.severity,
    location: { metaField: 'year' },
    expected: range,
    actual: year,
    message: localize(rule.message, locale, { year, range, format: template.name[locale] }),
  });
}

function signatureDeadline(rule: Rule<'signatureDate'>, year: number, unitType: UnitType): string {
  return `${year + 1}-${rule.deadlines[unitType]}`;
}

/** The last day (ISO date) by which the report of `year` is due under the format's N-09 rule; null when the format sets none. */
export function publicationDeadline(template: Template, meta: { year: number; unitType: UnitType }): string | null {
  const rule = template.rules.find((r): r is Rule<'signatureDate'> => r.kind === 'signatureDate');
  return rule ? signatureDeadline(rule, meta.year, meta.unitType) : null;
}

/** N-09: the 成文日期 falls after the report year and, as a warning, by the statutory deadline of the next year. */
export function checkSignatureDate(rule: Rule<'signatureDate'>, cells: ReportCells, locale: Locale, out: Finding[]): void {
  const { signatureDate, year, unitType } = cells.report.meta;
  if (!signatureDate) return;
  const deadline = signatureDeadline(rule, year, unitType);
  const tooEarly = signatureDate <= `${year}-12-31`;
  if (!tooEarly && signatureDate <= deadline) return;
  const [, m, d] = deadline.split('-').map(Number);
  const deadlineText = locale === 'en' ? deadline : `${year + 1}年${m}月${d}日`;
  const problem = tooEarly
    ? { 'zh-CN': `不在报告年度（${year}年）之后`, en: `is not after the report year ${year}` }
    : { 'zh-CN': `晚于法定公布期限 ${deadlineText}`, en: `is later than the statutory deadline ${deadlineText}` };
  out.push({
    ruleId: rule.id,
    severity: rule.severity,
    location: { metaField: 'signatureDate' },
    expected: `${year + 1}-01-01…${deadline}`,
    actual: signatureDate,
    message: localize(rule.message, locale, { date: signatureDate, year, deadline: deadlineText, problem: problem[locale] }),
  });
}
