import type { Localized } from '../i18n/locale.js';
import type { TextUnit } from './sourceUnits.js';

export interface ReportIdentity {
  year: number | null;
  orgName: string | null;
  /** Indexes (into the units) of the title lines, removed from the text: the format prints the title. */
  titleUnits: number[];
  reasons: Localized[];
}

const TITLE = /^(.*?)(\d{4})年度?(?:政府信息公开|政务公开)[\u4e00-\u9fff]{0,8}报告$/;
const PERIOD = /自(\d{4})年0?1月0?1日起?至(\d{4})年12月31日/;
/** A place name before the body's name ("淮安" + 市): two characters and a level word, or two characters before 市/县/区… */
const PLACE_BEFORE = /([\u4e00-\u9fff]{2}(?:省|市|州|盟|县))$/;
const LEVEL_START = /^[省市州县区]/;

/**
 * The body's full name: the title often shortens it (洪泽区人民政府, 市公安局); the text names it in
 * full (淮安市洪泽区人民政府). The most frequent place-prefixed form in the text wins.
 */
function fullName(short: string, text: string): string {
  const counts = new Map<string, number>();
  for (let at = text.indexOf(short); at >= 0; at = text.indexOf(short, at + 1)) {
    const before = text.slice(Math.max(0, at - 8), at);
    const place = LEVEL_START.test(short) ? /([\u4e00-\u9fff]{2})$/.exec(before)?.[1] : PLACE_BEFORE.exec(before)?.[1];
    if (place) counts.set(place + short, (counts.get(place + short) ?? 0) + 1);
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= 2 ? best[0] : short;
}

/** Title lines are short and hold no sentence: a body paragraph never joins the title. */
const TITLE_LINE = /^[^。，；]{1,40}$/;
const squeezed = (text: string) => text.replace(/\s+/g, '');

/**
 * The title among the first lines: one line, or two or three short lines that together read as a
 * title (a long title breaks into balanced lines, "青川县公安局2025年" / "政府信息公开工作年度报告";
 * a Word title may hold the break inside its one paragraph).
 */
function findTitle(units: readonly TextUnit[]): { match: RegExpExecArray; at: number; units: number[] } | undefined {
  for (let at = 0; at < Math.min(15, units.length); at++) {
    let joined = '';
    for (let count = 1; count <= 3 && at + count <= units.length; count++) {
      const line = squeezed(units[at + count - 1]!.text);
      if (!TITLE_LINE.test(line)) break;
      joined += line;
      const match = TITLE.exec(joined);
      if (match) return { match, at, units: Array.from({ length: count }, (_, i) => at + i) };
    }
  }
  return undefined;
}

/** Report year and body from the title (or the statistics period), and which lines are the title. */
export function reportIdentity(units: readonly TextUnit[]): ReportIdentity {
  const text = units.map((u) => u.text).join('');
  const reasons: Localized[] = [];
  let year: number | null = null;
  let orgName: string | null = null;
  const titleUnits: number[] = [];
  const title = findTitle(units);
  if (title) {
    const { match, at: titleAt } = title;
    year = Number(match[2]);
    titleUnits.push(...title.units);
    let name = match[1]!.trim();
    const before = units[titleAt - 1];
    if (name === '' && before && [...before.text].length <= 30 && !/[。，]/.test(before.text)) {
      name = before.text;
      titleUnits.unshift(titleAt - 1);
    }
    reasons.push({ 'zh-CN': `标题“${titleUnits.map((i) => squeezed(units[i]!.text)).join('')}”给出年度 ${year}`, en: `the title gives the year ${year}` });
    if (name !== '') {
      orgName = fullName(name, text);
      reasons.push(
        orgName === name
          ? { 'zh-CN': `机关名称取自标题：${orgName}`, en: `the body’s name comes from the title: ${orgName}` }
          : { 'zh-CN': `标题写作“${name}”，正文中全称为“${orgName}”`, en: `the title says “${name}”; the text names it in full as “${orgName}”` },
      );
    }
  }
  const period = PERIOD.exec(text);
  if (year === null && period) {
    year = Number(period[1]);
    reasons.push({ 'zh-CN': `统计期限给出年度 ${year}`, en: `the statistics period gives the year ${year}` });
  } else if (year !== null && period && Number(period[1]) !== year) {
    reasons.push({ 'zh-CN': `注意：标题年度 ${year} 与统计期限 ${period[1]} 年不一致`, en: `note: the title year ${year} differs from the statistics period (${period[1]})` });
  }
  return { year, orgName, titleUnits, reasons };
}
