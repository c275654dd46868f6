import { localize, type Locale } from '../../i18n/locale.js';
import { blockText, lexicalToBlocks } from '../../report/lexicalText.js';
import { fillStarter } from '../../report/newReport.js';
import type { Report } from '../../report/reportSchema.js';
import type { Template } from '../../template/loadTemplate.js';
import type { RuleDef } from '../../template/templateSchema.js';
import { priorBlockText } from '../../prior/priorYearLink.js';
import { gramsOf, overlapOf, shareOf, type Overlap } from '../../prior/textOverlap.js';
import type { Finding } from '../finding.js';
import { sectionName } from '../messagePlaces.js';
import { sentenceFinding, type Analyse } from './countRules.js';

/** Rules that read last year's report as linked in this one (issue #13): N-10, N-17, N-18. */
type Rule<K extends RuleDef['kind']> = Extract<RuleDef, { kind: K }>;

const QUOTE_MAX = 40;
const SENTENCE_RE = /[^。！？；!?;]+[。！？；!?;]?/g;
const PLACEHOLDER_RE = /【请填写[^】]*】/g;

const percent = (share: number): number => Math.round(share * 100);

function withLastYear(source: string, lastYear: number): RegExp {
  return new RegExp(source.replaceAll('{lastYear}', String(lastYear)));
}

/** The standard wording of the format, for this year's facts and for last year's: never counted as repetition. */
function standardGrams(template: Template, report: Report, lastYear: number, n: number): Set<string> {
  const texts: string[] = [];
  for (const meta of [report.meta, { ...report.meta, year: lastYear }]) {
    for (const section of template.sections) {
      for (const block of fillStarter(section.starter, meta)) texts.push(typeof block === 'string' ? block : block.heading);
    }
  }
  return gramsOf(texts, n);
}

/** A paragraph without the sentences that are meant to read the same every year. */
function ownText(paragraph: string, exempt: readonly RegExp[]): string {
  return (paragraph.match(SENTENCE_RE) ?? []).filter((sentence) => !exempt.some((re) => re.test(sentence))).join('');
}

/**
 * N-17: a section whose text repeats last year's (内容雷同, named a fault by the 2021 format). Character
 * n-grams over text with every number read as "#", so a copy with this year's figures typed in is
 * still a copy; sub-headings, the format's standard wording and exempt sentences do not count.
 */
export function checkPriorRepetition(rule: Rule<'priorRepetition'>, template: Template, report: Report, locale: Locale, out: Finding[]): void {
  const prior = report.priorYear;
  if (!prior) return;
  const n = rule.gramChars;
  const standard = standardGrams(template, report, prior.year, n);
  const exempt = rule.exemptSentences.map((source) => new RegExp(source));
  for (const sectionId of rule.sections) {
    const priorTexts = (prior.sections[sectionId] ?? []).filter((b) => typeof b === 'string').map(priorBlockText);
    if (priorTexts.length === 0) continue;
    const priorGrams = gramsOf(priorTexts, n);
    const paragraphs: { index: number; text: string; overlap: Overlap }[] = [];
    lexicalToBlocks(report.sections[sectionId]).forEach((block, index) => {
      if (block.kind === 'heading') return;
      const text = blockText(block);
      paragraphs.push({ index, text, overlap: overlapOf(ownText(text, exempt), priorGrams, standard, n) });
    });
    const counted = paragraphs.reduce((sum, p) => sum + p.overlap.counted, 0);
    const repeated = paragraphs.reduce((sum, p) => sum + p.overlap.repeated, 0);
    const sectionShare = counted === 0 ? 0 : repeated / counted;
    const sectionRepeats = counted >= rule.sectionMinChars && sectionShare >= rule.sectionShare;
    for (const p of paragraphs) {
      const share = shareOf(p.overlap);
      const flagged = sectionRepeats ? share >= rule.sectionShare && p.overlap.counted > 0 : p.overlap.counted >= rule.paragraphMinChars && share >= rule.paragraphShare;
      if (!flagged) continue;
      const quote = p.text.length <= QUOTE_MAX ? p.text : `${p.text.slice(0, QUOTE_MAX - 1)}…`;
      const vars = { section: sectionName(template, sectionId, locale), share: percent(sectionShare), paragraphShare: percent(share), quote, lastYear: prior.year };
      out.push({
        ruleId: rule.id,
        severity: rule.severity,
        location: { sectionId, span: { paragraph: p.index, start: 0, end: p.text.length } },
        expected: percent(sectionRepeats ? rule.sectionShare : rule.paragraphShare),
        actual: percent(share),
        message: localize(rule.message, locale, vars),
      });
    }
  }
}

/** N-18: a sentence that states last year as the year reported on ("2024年，我局…" in a 2025 report): a leftover of last year's text. */
export function checkLeftoverYear(rule: Rule<'leftoverYear'>, template: Template, report: Report, analyse: Analyse, locale: Locale, out: Finding[]): void {
  const lastYear = report.meta.year - 1;
  const patterns = rule.patterns.map((source) => withLastYear(source, lastYear));
  for (const section of template.sections) {
    const analysis = analyse(section.id);
    for (const sentence of analysis.numbers.sentences) {
      const text = analysis.text.slice(sentence.start, sentence.end);
      const lead = text.length - text.trimStart().length;
      if (!patterns.some((re) => re.test(text.trimStart())) || text.includes(`${report.meta.year}年`)) continue;
      const range = { start: sentence.start + lead, end: sentence.end };
      out.push(sentenceFinding(rule, template, section.id, analysis, range, locale, { lastYear, year: report.meta.year }, report.meta.year, lastYear));
    }
  }
}

/** N-10: with last year's report linked, section 五 should say what became of last year's problems. */
export function checkPriorProblems(rule: Rule<'priorProblems'>, template: Template, report: Report, analyse: Analyse, locale: Locale, out: Finding[]): void {
  const prior = report.priorYear;
  if (!prior) return;
  const text = analyse(rule.section).text.replace(PLACEHOLDER_RE, '');
  if (text.trim() === '' || rule.words.some((source) => withLastYear(source, prior.year).test(text))) return;
  out.push({
    ruleId: rule.id,
    severity: rule.severity,
    location: { sectionId: rule.section },
    expected: null,
    actual: null,
    message: localize(rule.message, locale, { section: sectionName(template, rule.section, locale), lastYear: prior.year }),
  });
}
