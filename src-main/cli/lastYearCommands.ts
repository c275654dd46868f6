import { writeFileSync } from 'node:fs';
import {
  checkReport,
  compareCells,
  describeComparison,
  priorYearOf,
  startFromLastYear,
  type Locale,
  type Report,
  type Template,
} from '../../src-core/index.js';
import { comparisonHtml } from '../prior/compareHtml.js';
import { readLastYear } from '../prior/readLastYear.js';

/** What `drs new --from`, `drs validate --prev` and `drs compare` (issue #13) report back to drs.ts. */
export type LastYearOutcome = { ok: true; lines: string[] } | { ok: false; message: string };

interface Io {
  out: (line: string) => void;
}

function writeNew(path: string, text: string, locale: Locale): string | undefined {
  try {
    // 'wx': never replaces an existing file.
    writeFileSync(path, text, { encoding: 'utf8', flag: 'wx' });
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    if (code === 'EEXIST') return locale === 'en' ? `The file "${path}" exists and was not overwritten. Choose another name.` : `文件“${path}”已存在，未覆盖。请换一个文件名。`;
    return locale === 'en' ? `Cannot write "${path}": ${code}` : `无法写入“${path}”：${code}`;
  }
}

/** `drs new --from LAST -o OUT [--year Y]`: this year's report started from last year's. */
export async function newFromLastYear(from: string, output: string, year: number | undefined, templates: ReadonlyMap<string, Template>, locale: Locale, now: Date): Promise<LastYearOutcome> {
  const last = await readLastYear(from, templates);
  if (!last.ok) return { ok: false, message: last.message[locale] };
  const started = startFromLastYear(templates, last, { now, source: last.source, ...(year === undefined ? {} : { year }) });
  if (!started.ok) return { ok: false, message: started.message[locale] };
  const failed = writeNew(output, `${JSON.stringify(started.report, null, 1)}\n`, locale);
  if (failed) return { ok: false, message: failed };
  const carried = Object.values(started.report.tables).reduce((n, rows) => n + Object.values(rows).reduce((m, cols) => m + Object.values(cols).filter((v) => v !== null).length, 0), 0);
  const { year: newYear } = started.report.meta;
  return {
    ok: true,
    lines: [
      locale === 'en'
        ? `Created ${output} (format ${started.template.id}, year ${newYear}) from ${last.source.fileName} (${last.report.meta.year}): ${carried} figure(s) carried over, last year's report linked for the year-over-year checks.`
        : `已新建 ${output}（格式 ${started.template.id}，${newYear} 年度），依据 ${last.source.fileName}（${last.report.meta.year} 年度）：结转 ${carried} 个数字，已关联上年报告用于跨年度检查。`,
    ],
  };
}

/** Last year's report linked in memory, for `drs validate --prev`: the file itself is not changed. */
export async function linkForCheck(prev: string, templates: ReadonlyMap<string, Template>, locale: Locale, now: Date): Promise<{ ok: true; link: (report: Report) => Report } | { ok: false; message: string }> {
  const last = await readLastYear(prev, templates);
  if (!last.ok) return { ok: false, message: last.message[locale] };
  const priorYear = priorYearOf(last.report, last.template, last.source, now);
  return { ok: true, link: (report) => ({ ...report, priorYear }) };
}

/** `drs compare LAST THIS [--html OUT.html]`: every cell beside last year's, and the paragraphs that repeat it. */
export async function compareReports(lastPath: string, thisPath: string, html: string | undefined, templates: ReadonlyMap<string, Template>, locale: Locale, now: Date, io: Io): Promise<LastYearOutcome> {
  const [last, current] = [await readLastYear(lastPath, templates), await readLastYear(thisPath, templates)];
  if (!last.ok) return { ok: false, message: last.message[locale] };
  if (!current.ok) return { ok: false, message: current.message[locale] };
  const report: Report = { ...current.report, priorYear: priorYearOf(last.report, last.template, last.source, now) };
  const comparisons = compareCells(current.template, report, report.priorYear!, last.template);
  const repeated = checkReport(current.template, report, { locale, templates }).filter((f) => f.ruleId === 'N-17' || f.ruleId === 'N-18');
  if (html !== undefined) {
    const failed = writeNew(html, comparisonHtml(current.template, report, comparisons, repeated, locale), locale);
    if (failed) return { ok: false, message: failed };
    return { ok: true, lines: [locale === 'en' ? `Written: ${html}` : `已写入：${html}`] };
  }
  for (const line of describeComparison(current.template, comparisons, repeated, locale)) io.out(line);
  return { ok: true, lines: [] };
}
