import type { ExtractedNumbers, Quantity, Sentence } from '../../text/numberExtraction.js';

/**
 * What the counts in a section's text claim about the tables, read the way real reports write:
 * "收到申请5件，答复5件" are two claims (received, handled); "受理749件" may count new and
 * carried-over requests; "其中撤销申请3件", "新收申请中自然人提出38件" and "全市备案…134件"
 * are parts of a count or another scope and claim nothing about the unit's own totals; a
 * sentence that says "未发生…行政诉讼的情况" claims zero. Whatever is ambiguous claims nothing.
 */
export const MEASURES = [
  'received',
  'accepted',
  'carriedIn',
  'handled',
  'carryOut',
  'open',
  'partial',
  'denied',
  'unavailable',
  'notProcessed',
  'otherProcessed',
  'reconsideration',
  'litigation',
  'regulationsMade',
  'regulationsRepealed',
  'regulationsValid',
  'normativeMade',
  'normativeRepealed',
  'normativeValid',
] as const;
export type Measure = (typeof MEASURES)[number];

export interface CountClaim {
  measure: Measure;
  value: number;
  sentence: Sentence;
  /** The number in the text; absent for a claim of zero made in words ("未发生…"). */
  quantity?: Quantity;
}

const REQUEST_UNITS = new Set(['件', '起', '份']);
const DOCUMENT_UNITS = new Set(['件', '个', '份', '项']);

/** Another unit's or a wider area's figure, or a figure over several years. */
const OTHER_SCOPE = /全(?:市|区|县|省|州|旗|盟|系统)|各(?:县|区|市|乡|镇|街道|部门|单位|级)|下级|所属|以来|历年|同比|较上年|比上年|去年/;
/** A part of a count: "其中…", "申请中自然人…", a column of the table. */
const PART_OF_COUNT = /其中|含|包括|占|涉及|(?:申请|案件|件)中|自然人|法人|企业|机构|组织/;
const REVIEW_WORDS = /复议|诉讼|起诉/;
/** Requests that are not information-disclosure requests. */
const OTHER_REQUESTS = /建议|提案|投诉|举报|信访|咨询|来信|留言|热线|信箱/;

const OUTCOMES: [Measure, RegExp][] = [
  ['otherProcessed', /其他处理/],
  ['notProcessed', /不予处理/],
  ['unavailable', /无法提供/],
  ['denied', /不予公开/],
  ['partial', /部分公开/],
  ['open', /予以公开|全部公开|同意公开/],
];
const REQUEST_TOTALS: [Measure, RegExp][] = [
  ['carryOut', /结转(?:至|到)?下一?年/],
  ['carriedIn', /上一?年度?结转|结转上年/],
  ['handled', /办结|答复|办理完毕|处理完毕/],
  ['accepted', /受理/],
  ['received', /新收|收到|接到|接收/],
];
/** 规章 (rules), not 规章制度 (internal regulations). */
const DOCUMENT_NAME = /规范性文件|规章(?!制度)/;
const DOCUMENT_NAMES = /规范性文件|规章(?!制度)/g;
const DOCUMENT_ACTIONS: [string, RegExp][] = [
  ['Repealed', /废止|宣布失效/],
  ['Valid', /现行有效|有效|总数/],
  ['Made', /制发|制定|印发|出台|制作/],
];

export function countClaims(text: string, numbers: ExtractedNumbers): CountClaim[] {
  const claims: CountClaim[] = [];
  for (const q of numbers.quantities) {
    const measure = classify(text, q);
    if (measure) claims.push({ measure, value: q.value, sentence: q.sentence, quantity: q });
  }
  for (const sentence of numbers.sentences) {
    const body = text.slice(sentence.start, sentence.end);
    if (OTHER_SCOPE.test(body) || !aboutDisclosure(body)) continue;
    // Only clauses without a number: "新收申请46件，无结转下年度…" claims zero for the second clause.
    for (const clause of body.split(/[，,]/)) {
      if (/\d/.test(clause)) continue;
      for (const measure of zeroClaims(clause)) claims.push({ measure, value: 0, sentence });
    }
  }
  return claims;
}

/** The sentence is about disclosure requests: it says 公开, or uses the request table's own words (新收, 结转). */
function aboutDisclosure(sentence: string): boolean {
  return sentence.includes('公开') || (/新收|结转/.test(sentence) && !/许可|审批|登记|政务服务/.test(sentence));
}

function classify(text: string, q: Quantity): Measure | undefined {
  if (q.approximate) return undefined;
  const sentence = text.slice(q.sentence.start, q.sentence.end);
  const prefix = text.slice(q.sentence.start, q.start);
  if (OTHER_SCOPE.test(prefix)) return undefined;
  const lead = q.lead;
  const isPart = PART_OF_COUNT.test(lead);
  if (DOCUMENT_NAME.test(prefix)) return documentMeasure(prefix, lead, isPart, q);
  if (!aboutDisclosure(sentence) || !REQUEST_UNITS.has(q.unit) || OTHER_REQUESTS.test(lead)) return undefined;
  if (REVIEW_WORDS.test(lead)) {
    if (isPart || /复议后|未经复议|直接起诉/.test(lead)) return undefined;
    return /诉讼|起诉/.test(lead) ? 'litigation' : 'reconsideration';
  }
  const outcome = only(OUTCOMES, lead);
  if (outcome !== null) return outcome;
  if (isPart || !sentence.includes('申请')) return undefined;
  return only(REQUEST_TOTALS, lead) ?? undefined;
}

/** Rules and normative documents (active table, art. 20 item 1). */
function documentMeasure(prefix: string, lead: string, isPart: boolean, q: Quantity): Measure | undefined {
  if (isPart || !DOCUMENT_UNITS.has(q.unit)) return undefined;
  // The document is named in the number's own words, or earlier in the sentence when these words name no other document.
  const named = DOCUMENT_NAME.exec(lead)?.[0] ?? (lead.includes('文件') ? undefined : [...prefix.matchAll(DOCUMENT_NAMES)].at(-1)?.[0]);
  if (!named) return undefined;
  const action = only(DOCUMENT_ACTIONS, lead);
  if (!action) return undefined;
  return `${named === '规章' ? 'regulations' : 'normative'}${action}` as Measure;
}

/** The one pattern that matches, null when none does, undefined when several do (ambiguous). */
function only<T>(patterns: [T, RegExp][], words: string): T | null | undefined {
  const hits = patterns.filter(([, re]) => re.test(words));
  if (hits.length === 0) return null;
  return hits.length === 1 ? hits[0]?.[0] : undefined;
}

const NO_REQUESTS = /(?:未|没有|无)(?:收到|新收|受理|接到)[^，。；]*申请/;
const NO_CARRY_OUT = /(?:无|没有|未有)(?:需要?)?结转(?:至|到)?下一?年/;
const NO_CASES = /(?:未|没有|无)(?:发生|出现|收到|接到)?[^，。；]{0,30}?(?:行政复议|行政诉讼)[^，。；]*?(?:情况|案件|情形|事项)/;
const CASE_OUTCOME_WORDS = /纠正|纠错|败诉|违法|撤销|维持|追究|复议后/;

/** Zero claimed in words: "未收到政府信息公开申请", "无结转下年度…", "未发生…行政复议、行政诉讼的情况". */
function zeroClaims(sentence: string): Measure[] {
  const measures: Measure[] = [];
  if (!REVIEW_WORDS.test(sentence) && NO_REQUESTS.test(sentence)) measures.push('received');
  if (NO_CARRY_OUT.test(sentence)) measures.push('carryOut');
  const cases = NO_CASES.exec(sentence)?.[0];
  if (cases && !CASE_OUTCOME_WORDS.test(cases)) {
    if (cases.includes('行政复议')) measures.push('reconsideration');
    if (cases.includes('行政诉讼')) measures.push('litigation');
  }
  return measures;
}
