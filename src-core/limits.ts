import type { Localized } from './i18n/locale.js';

/**
 * How big a report file may get. Every limit lies far above what a real report reaches (a
 * 200-page report has about 150 000 characters in about 3 000 paragraphs; a 机关全称 is under
 * 60 characters) and low enough that checking, laying out and exporting stay bounded in time and
 * memory (a 5-million-character paragraph or 400 000 paragraphs exhaust the exporter's heap).
 */
export const REPORT_LIMITS = {
  /** 机关全称, 署名机关, 联系部门. */
  nameChars: 200,
  /** The other facts: address, website, e-mail, phone … */
  factChars: 500,
  /** A string in a table cell (an amount such as "186.52", or "/") or a recorded cell unit. */
  cellTextChars: 40,
  paragraphChars: 100_000,
  reportTextChars: 2_000_000,
  paragraphs: 50_000,
  /** Lexical nodes of all sections together (text runs, line breaks, paragraphs, lists …). */
  lexicalNodes: 500_000,
  /** Nesting of Lexical nodes (a list in a list item is three levels); the editor makes at most a handful. */
  lexicalDepth: 64,
  /** Nesting of any JSON value in the file: room for the Lexical depth plus the fields around it. */
  jsonDepth: 2 * 64 + 8,
} as const;

/** How big a format definition (templates/*.json) may get: about ten times the largest national format. */
export const TEMPLATE_LIMITS = {
  sections: 100,
  tables: 50,
  rules: 1_000,
  blocksPerTable: 50,
  rowsPerBlock: 500,
  gridCols: 64,
  headerRows: 16,
  /** Group rows inside group rows (the national formats nest two deep). */
  groupDepth: 8,
} as const;

/** The rule formulas (checks/formula.ts); the longest national formula has 151 characters and 8 terms. */
export const FORMULA_LIMITS = {
  chars: 2_000,
  terms: 200,
  parenDepth: 16,
  /** Digits of a number literal (with its decimal point), so it converts exactly. */
  numberDigits: 15,
} as const;

const BOTH = (zh: string, en: string): Localized => ({ 'zh-CN': zh, en });

/** The user-facing messages when a report file goes beyond REPORT_LIMITS; `place` names the field or JSON path. */
export const LIMIT_MESSAGES = {
  textTooLong: (place: Localized, limit: number, actual?: number): Localized =>
    BOTH(
      `${place['zh-CN']}超过 ${limit} 个字符的上限${actual === undefined ? '' : `（现有 ${actual} 个）`}，请缩短后再打开。`,
      `${place.en} is longer than the limit of ${limit} characters${actual === undefined ? '' : ` (it has ${actual})`}; shorten it.`,
    ),
  paragraphTooLong: (path: string, actual: number): Localized =>
    BOTH(
      `“${path}”处的一段文字有 ${actual} 个字符，超过每段 ${REPORT_LIMITS.paragraphChars} 个字符的上限，请分段。`,
      `The paragraph at "${path}" has ${actual} characters, more than the limit of ${REPORT_LIMITS.paragraphChars} per paragraph; split it.`,
    ),
  reportTextTooLong: (actual: number): Localized =>
    BOTH(
      `报告正文共 ${actual} 个字符，超过 ${REPORT_LIMITS.reportTextChars} 个字符的上限（约 2 500 页），文件可能已损坏。`,
      `The report text has ${actual} characters, more than the limit of ${REPORT_LIMITS.reportTextChars} (about 2 500 pages); the file may be damaged.`,
    ),
  tooManyParagraphs: (actual: number): Localized =>
    BOTH(
      `报告正文共 ${actual} 段，超过 ${REPORT_LIMITS.paragraphs} 段的上限，文件可能已损坏。`,
      `The report text has ${actual} paragraphs, more than the limit of ${REPORT_LIMITS.paragraphs}; the file may be damaged.`,
    ),
  tooManyNodes: (): Localized =>
    BOTH(
      `报告正文的文本片段超过 ${REPORT_LIMITS.lexicalNodes} 个的上限，文件可能已损坏。`,
      `The report text has more than ${REPORT_LIMITS.lexicalNodes} text pieces (the limit); the file may be damaged.`,
    ),
  lexicalTooDeep: (path: string): Localized =>
    BOTH(
      `“${path}”处的一段文字层级嵌套超过 ${REPORT_LIMITS.lexicalDepth} 层的上限，文件可能已损坏。`,
      `The paragraph at "${path}" is nested more than ${REPORT_LIMITS.lexicalDepth} levels deep (the limit); the file may be damaged.`,
    ),
  jsonTooDeep: (path: string): Localized =>
    BOTH(
      `“${path}”处的内容嵌套超过 ${REPORT_LIMITS.jsonDepth} 层的上限，文件可能已损坏。`,
      `The content at "${path}" is nested more than ${REPORT_LIMITS.jsonDepth} levels deep (the limit); the file may be damaged.`,
    ),
  numberTooLarge: (place: Localized): Localized =>
    BOTH(
      `${place['zh-CN']}的数值超出可精确计算的范围（绝对值不能超过 ${Number.MAX_SAFE_INTEGER}），请核对。`,
      `${place.en} holds a number beyond the exactly computable range (at most ${Number.MAX_SAFE_INTEGER} in absolute value); please check it.`,
    ),
  notACalendarDate: (place: Localized, value: string): Localized =>
    BOTH(`${place['zh-CN']}“${value}”不是有效的日期，请按“年-月-日”填写真实日期，如 2026-01-20。`, `${place.en} "${value}" is not a real date; enter one as YYYY-MM-DD, e.g. 2026-01-20.`),
} as const;
