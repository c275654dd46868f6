import { localize, type Locale } from '../../i18n/locale.js';
import { parseNumber } from '../../text/chineseNumerals.js';
import type { Template } from '../../template/loadTemplate.js';
import type { RuleDef } from '../../template/templateSchema.js';
import type { Finding } from '../finding.js';
import { sectionName } from '../messagePlaces.js';
import type { ReportCells } from '../reportCells.js';
import { sentenceFinding, type Analyse } from './countRules.js';
import type { SectionAnalysis } from './sectionAnalysis.js';
import { tableFigure } from './tableFigures.js';

/** What a careful reviewer checks in the text beyond the numbers (checks.md §5 has N-01…N-10; these are N-11…). */
type Rule<K extends RuleDef['kind']> = Extract<RuleDef, { kind: K }>;

const compiled = new Map<string, RegExp>();

/** The template's patterns, compiled once (the schema has checked them). */
function patterns(sources: readonly string[]): RegExp[] {
  return sources.map((source) => {
    let re = compiled.get(source);
    if (!re) {
      re = new RegExp(source);
      compiled.set(source, re);
    }
    return re;
  });
}

/** The sentence around a position, for locating and quoting a finding. */
function sentenceAt(analysis: SectionAnalysis, index: number): { start: number; end: number } {
  return analysis.numbers.sentences.find((s) => s.start <= index && index < s.end) ?? { start: index, end: index };
}

const NOTICE_RE = /[〔[［（(【]\s*(\d{4})\s*[〕\]］）)】]\s*(\d+)\s*号/g;

/** N-11: the text cites the notice of another report format than the one the report is printed in. */
export function checkCitedNotice(rule: Rule<'citedNotice'>, template: Template, analyse: Analyse, locale: Locale, out: Finding[]): void {
  for (const section of template.sections) {
    const analysis = analyse(section.id);
    for (const m of analysis.text.matchAll(NOTICE_RE)) {
      const other = rule.others.find((o) => o.notice === `〔${m[1]}〕${m[2]}号`);
      if (!other) continue;
      const vars = { cited: other.notice, format: other.format[locale], own: rule.own ?? '', current: template.name[locale] };
      out.push(sentenceFinding(rule, template, section.id, analysis, sentenceAt(analysis, m.index), locale, vars, rule.own ?? null, other.notice));
      break;
    }
  }
}

const NUMBERED_HEADING = /^[一二三四五六七八九十]+、/;
const PARTS_RE = /(?:由|包括|分为|包含)([^。；]*?)(?:等|共)?\s*([一二三四五六七八九十两]|\d+)\s*(?:个)?部分/;

/** N-12: the preamble's "由…六部分组成" (or its list of parts) agrees with the numbered parts of the format. */
export function checkPartsCount(rule: Rule<'partsCount'>, template: Template, analyse: Analyse, locale: Locale, out: Finding[]): void {
  const analysis = analyse(rule.section);
  const m = PARTS_RE.exec(analysis.text);
  if (!m) return;
  const count = template.sections.filter((s) => s.heading && NUMBERED_HEADING.test(s.heading)).length;
  const stated = parseNumber(m[2] ?? '');
  const list = (m[1] ?? '').trim();
  // A clean "、" list only: with "，" or "和" the number of parts cannot be told.
  const listed = /[，,和及]/.test(list) ? undefined : list.split('、').filter((x) => x.length > 0).length;
  const wrongCount = stated !== undefined && stated !== count;
  const wrongList = listed !== undefined && listed >= 3 && listed !== count;
  if (!wrongCount && !wrongList) return;
  const actual = wrongCount ? stated : (listed ?? null);
  out.push(sentenceFinding(rule, template, rule.section, analysis, sentenceAt(analysis, m.index), locale, { stated: actual ?? '', count }, count, actual));
}

/** N-13: the section says something: not "无", not a few characters. An empty required section is C-01's. */
export function checkSectionSubstance(rule: Rule<'sectionSubstance'>, template: Template, analyse: Analyse, locale: Locale, out: Finding[]): void {
  const section = template.sectionById.get(rule.section);
  const analysis = analyse(rule.section);
  const body = analysis.text.replace(/\s+/g, '');
  if (body.length === 0 && section?.required && section.textRequired) return;
  const bare = body.replace(/[。.！!；;，,]+$/, '');
  if (!rule.noneWords.includes(bare) && body.length >= rule.minChars) return;
  out.push({
    ruleId: rule.id,
    severity: rule.severity,
    location: { sectionId: rule.section },
    expected: rule.minChars,
    actual: body.length,
    message: localize(rule.message, locale, { section: sectionName(template, rule.section, locale), quote: analysis.original.trim(), min: rule.minChars }),
  });
}

const NOT_DISCLOSURE_REQUESTS = /建议|提案|投诉|举报|信访|咨询|来信|留言/;

/** N-14: "全部办结" / "办结率100%" while the table carries requests over to next year. */
export function checkCompletionClaim(rule: Rule<'completionClaim'>, template: Template, cells: ReportCells, analyse: Analyse, locale: Locale, out: Finding[]): void {
  const carried = tableFigure(rule.cell, template, rule.table, cells);
  if (carried === undefined || carried <= 0) return;
  const phrases = patterns(rule.phrases);
  for (const sectionId of rule.sections) {
    const analysis = analyse(sectionId);
    for (const sentence of analysis.numbers.sentences) {
      const text = analysis.text.slice(sentence.start, sentence.end);
      const phrase = phrases.map((re) => re.exec(text)?.[0]).find((x) => x !== undefined);
      if (!phrase || !text.includes('申请') || NOT_DISCLOSURE_REQUESTS.test(text)) continue;
      out.push(sentenceFinding(rule, template, sectionId, analysis, sentence, locale, { phrase, count: carried }, carried, phrase));
    }
  }
}

const SUBHEADING_RE = /(?:^|[。；;\s])[（(]([一二三四五六七八九十]+)[）)]/g;

/** N-15: the （一）（二）… sub-headings of each section run in order without gaps or repeats. */
export function checkHeadingSequence(rule: Rule<'headingSequence'>, template: Template, analyse: Analyse, locale: Locale, out: Finding[]): void {
  for (const section of template.sections) {
    const analysis = analyse(section.id);
    let expected = 1;
    for (const m of analysis.text.matchAll(SUBHEADING_RE)) {
      const n = parseNumber(m[1] ?? '');
      if (n === expected) {
        expected++;
        continue;
      }
      const at = m.index + m[0].search(/[（(]/);
      const vars = { found: `（${m[1]}）`, expected: `（${CHINESE_ORDINALS[expected - 1] ?? expected}）` };
      out.push(sentenceFinding(rule, template, section.id, analysis, { start: at, end: m.index + m[0].length }, locale, vars, vars.expected, vars.found));
      break;
    }
  }
}

const CHINESE_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

const PINYIN_AFTER_CHAR = /[\u4e00-\u9fff][(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6})[)）]/;

/** N-16: text pasted from a web page: traditional characters, pinyin after characters (現(xiàn)), page widgets (【字体：大 中 小】). */
export function checkTextJunk(rule: Rule<'textJunk'>, template: Template, analyse: Analyse, locale: Locale, out: Finding[]): void {
  const junk = patterns(rule.junk);
  for (const section of template.sections) {
    const analysis = analyse(section.id);
    const { original } = analysis;
    const hits: { index: number; found: string }[] = [];
    const pinyin = PINYIN_AFTER_CHAR.exec(original);
    if (pinyin) hits.push({ index: pinyin.index, found: pinyin[0] });
    for (const re of junk) {
      const m = re.exec(original);
      if (m) hits.push({ index: m.index, found: m[0] });
    }
    const { traditional } = analysis;
    if (traditional.length >= rule.minTraditional) {
      const first = traditional[0] ?? '';
      hits.push({ index: original.indexOf(first), found: traditional.slice(0, 8).join('') });
    }
    for (const { index, found } of hits.sort((a, b) => a.index - b.index)) {
      out.push(sentenceFinding(rule, template, section.id, analysis, sentenceAt(analysis, index), locale, { found }, null, found));
    }
  }
}
