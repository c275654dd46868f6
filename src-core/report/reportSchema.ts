import { z } from 'zod';

/** The version of the .drs format this build writes. Older files go through migrations.ts. */
export const CURRENT_SCHEMA_VERSION = 1;

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

const cellValue = z.union([z.number(), z.string(), z.null()]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const unitTypeSchema = z.enum(['people_government', 'department', 'other']);

export const reportMetaSchema = z.strictObject({
  orgName: z.string().describe('机关全称'),
  year: z.number().int().min(2008).max(2100).describe('年度'),
  unitType: unitTypeSchema.describe('单位类型：人民政府 / 部门 / 其他'),
  hasRulemakingPower: z.boolean().describe('有无规章制定权'),
  website: z.string().optional(),
  contactDept: z.string().optional(),
  address: z.string().optional(),
  postcode: z.string().optional(),
  phone: z.string().optional(),
  fax: z.string().optional(),
  email: z.string().optional(),
  signatureOrg: z.string().optional().describe('署名机关; defaults to orgName'),
  signatureDate: isoDate.optional().describe('成文日期'),
});

const art32TagSchema = z.strictObject({
  sectionId: z.string().min(1),
  subHeading: z.string().min(1).optional().describe('the sub-heading inside the section that covers the item, e.g. （三）政府信息公开收费的情况'),
});

/**
 * A report's own outline where it departs from the format (gov-2008 merged outlines, formats.md §4):
 * its heading wording per section and, for each Art. 32 item, the section (and sub-heading) covering it.
 * Absent for reports that follow the format's outline; no migration needed.
 */
export const outlineSchema = z.strictObject({
  headings: z.record(z.string(), z.string().min(1)).optional().describe('section id → the heading as the report words it'),
  art32Tags: z.record(z.string().regex(/^[1-6]$/, 'an Art. 32 item number 1–6'), art32TagSchema).optional().describe('Art. 32 item → where the report covers it'),
});

export const reportSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.number().int().min(1),
  templateId: z.string().min(1),
  meta: reportMetaSchema,
  sections: z.record(z.string(), lexicalStateSchema),
  tables: z.record(z.string(), z.record(z.string(), z.record(z.string(), cellValue))),
  cellUnits: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.string()))).optional(),
  outline: outlineSchema.optional(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});

export type Report = z.infer<typeof reportSchema>;
export type ReportMeta = z.infer<typeof reportMetaSchema>;
export type LexicalState = z.infer<typeof lexicalStateSchema>;
export type TableValues = Report['tables'];
export type ReportOutline = z.infer<typeof outlineSchema>;
export type Art32Tag = z.infer<typeof art32TagSchema>;
export type UnitType = z.infer<typeof unitTypeSchema>;
