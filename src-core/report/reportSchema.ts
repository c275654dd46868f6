import { z } from 'zod';
import type { Localized } from '../i18n/locale.js';
import { REPORT_LIMITS } from '../limits.js';
import { findBoundsProblem } from './reportBounds.js';

/** The version of the .drs format this build writes. Older files go through migrations.ts. */
export const CURRENT_SCHEMA_VERSION = 2;

/**
 * A Lexical serialized editor state. Only the outline is checked here; the node vocabulary is
 * what lexicalText.ts writes and the editor's registered nodes read.
 */
export interface LexicalNode {
  type: string;
  version?: number;
  text?: string;
  format?: number | string;
  tag?: string;
  listType?: string;
  children?: LexicalNode[];
  [key: string]: unknown;
}

const lexicalNode: z.ZodType<LexicalNode> = z.lazy(() =>
  z.looseObject({
    type: z.string().min(1),
    version: z.number().int().optional(),
    text: z.string().optional(),
    children: z.array(lexicalNode).optional(),
  }),
);

export const lexicalStateSchema = z.strictObject({
  root: z.looseObject({ type: z.literal('root'), children: z.array(lexicalNode) }),
});

/**
 * Why a value passed the shape but is refused; parseReport turns it into a message naming the field.
 * (A custom issue carries it in `params`, as zod issues have one English message only.)
 */
export type ValueProblem = { problem: 'numberTooLarge' } | { problem: 'notACalendarDate'; value: string } | { problem: 'limits'; message: Localized };

/** Counts are added up exactly only within ±(2⁵³ − 1); beyond it a JSON number is already rounded. */
const cellValue = z.union([z.number(), z.string().max(REPORT_LIMITS.cellTextChars), z.null()]).superRefine((value, ctx) => {
  if (typeof value === 'number' && Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    ctx.addIssue({ code: 'custom', message: 'number beyond ±(2^53 − 1)', params: { problem: 'numberTooLarge' } satisfies ValueProblem });
  }
});

function isCalendarDate(iso: string): boolean {
  const [y = 0, m = 0, d = 0] = iso.split('-').map(Number);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return y >= 1 && days !== undefined && d >= 1 && d <= days;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .superRefine((value, ctx) => {
    if (!isCalendarDate(value)) ctx.addIssue({ code: 'custom', message: 'not a calendar date', params: { problem: 'notACalendarDate', value } satisfies ValueProblem });
  });

const name = z.string().max(REPORT_LIMITS.nameChars);
const fact = z.string().max(REPORT_LIMITS.factChars);

export const unitTypeSchema = z.enum(['people_government', 'department', 'other']);

export const reportMetaSchema = z.strictObject({
  orgName: name.describe('机关全称'),
  year: z.number().int().min(2008).max(2100).describe('年度'),
  unitType: unitTypeSchema.describe('单位类型：人民政府 / 部门 / 其他'),
  hasRulemakingPower: z.boolean().describe('有无规章制定权'),
  website: fact.optional(),
  contactDept: name.optional(),
  address: fact.optional(),
  postcode: fact.optional(),
  phone: fact.optional(),
  fax: fact.optional(),
  email: fact.optional(),
  signatureOrg: name.optional().describe('署名机关; defaults to orgName'),
  signatureDate: isoDate.optional().describe('成文日期'),
});

const art32TagSchema = z.strictObject({
  sectionId: z.string().min(1),
  subHeading: z.string().min(1).max(REPORT_LIMITS.factChars).optional().describe('the sub-heading inside the section that covers the item, e.g. （三）政府信息公开收费的情况'),
});

/**
 * A report's own outline where it departs from the format (gov-2008 merged outlines, formats.md §4):
 * its heading wording per section and, for each Art. 32 item, the section (and sub-heading) covering it.
 * Absent for reports that follow the format's outline; no migration needed.
 */
export const outlineSchema = z.strictObject({
  headings: z.record(z.string(), z.string().min(1).max(REPORT_LIMITS.factChars)).optional().describe('section id → the heading as the report words it'),
  art32Tags: z.record(z.string().regex(/^[1-6]$/, 'an Art. 32 item number 1–6'), art32TagSchema).optional().describe('Art. 32 item → where the report covers it'),
});

const tableValues = z.record(z.string(), z.record(z.string(), z.record(z.string(), cellValue)));

/** A paragraph of last year's text, or one of its sub-headings, as lexicalToBlocks reads them (block index = paragraph index). */
const priorBlock = z.union([z.string().max(REPORT_LIMITS.paragraphChars), z.strictObject({ heading: z.string().max(REPORT_LIMITS.paragraphChars) })]);

/**
 * Last year's report as this report needs it (schema version 2): the year-over-year rules read its
 * tables, the comparison and the repetition check its text. A copy, so the checks keep working when
 * the files are moved or mailed; `source` only says where it came from.
 */
export const priorYearSchema = z.strictObject({
  year: z.number().int().min(2007).max(2100).describe('last year\'s report year'),
  templateId: z.string().min(1).max(REPORT_LIMITS.nameChars).describe('last year\'s format'),
  orgName: name,
  source: z.strictObject({
    fileName: z.string().max(REPORT_LIMITS.factChars).describe('the file it was read from, without its folder'),
    kind: z.enum(['drs', 'import']).describe('a .drs report, or a document read by Import'),
    linkedAt: z.iso.datetime({ offset: true }),
  }),
  tables: tableValues,
  sections: z.record(z.string(), z.array(priorBlock)).describe('section id → its blocks'),
});

const reportShape = z.strictObject({
  $schema: z.string().max(REPORT_LIMITS.factChars).optional(),
  schemaVersion: z.number().int().min(1),
  templateId: z.string().min(1).max(REPORT_LIMITS.nameChars),
  meta: reportMetaSchema,
  sections: z.record(z.string(), lexicalStateSchema),
  tables: tableValues,
  cellUnits: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.string().max(REPORT_LIMITS.cellTextChars)))).optional(),
  outline: outlineSchema.optional(),
  priorYear: priorYearSchema.optional(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});

/** The report file; REPORT_LIMITS are checked first, so the recursive Lexical schema never meets an unbounded tree. */
export const reportSchema = z.preprocess((value, ctx) => {
  const bounds = typeof value === 'object' && value !== null && !Array.isArray(value) ? findBoundsProblem(value as Record<string, unknown>) : undefined;
  if (bounds) ctx.addIssue({ code: 'custom', message: bounds.message.en, path: bounds.keys, params: { problem: 'limits', message: bounds.message } satisfies ValueProblem });
  return value;
}, reportShape);

export type Report = z.infer<typeof reportSchema>;
export type ReportMeta = z.infer<typeof reportMetaSchema>;
export type LexicalState = z.infer<typeof lexicalStateSchema>;
export type TableValues = Report['tables'];
export type ReportOutline = z.infer<typeof outlineSchema>;
export type Art32Tag = z.infer<typeof art32TagSchema>;
export type UnitType = z.infer<typeof unitTypeSchema>;
export type PriorYear = z.infer<typeof priorYearSchema>;
