import { z } from 'zod';
import { FORMULA_LIMITS, TEMPLATE_LIMITS as MAX } from '../limits.js';
import { MEASURES } from '../checks/narrative/countClaims.js';
import { parseCondition } from '../checks/formula.js';

/**
 * The shape of a national format file in `templates/`. A new format is a new JSON file that
 * passes this schema (plus the structural checks in loadTemplate); no code change is needed.
 */
const id = z.string().regex(/^[A-Za-z0-9_.-]+$/, 'ids use letters, digits, "_", "-" and "."');
const localized = z.strictObject({ 'zh-CN': z.string().min(1), en: z.string().min(1) });

export const valueTypeSchema = z.enum(['count', 'signedCount', 'amount']);

const starterBlock = z.union([
  z.string(),
  z.strictObject({ heading: z.string().min(1), level: z.union([z.literal(2), z.literal(3)]).optional() }),
]);

const sectionSchema = z.strictObject({
  id,
  heading: z.string().min(1).nullable().describe('verbatim mandated heading; null for the untitled preamble'),
  aliases: z.array(z.string().min(1)).default([]),
  required: z.boolean(),
  textRequired: z.boolean().describe('the narrative of this section must not be empty'),
  tables: z.array(id).default([]),
  art32Items: z.array(z.number().int().min(1).max(6)).optional(),
  guidance: localized,
  starter: z.array(starterBlock).default([]),
});

const headerCellSchema = z.strictObject({
  text: z.string(),
  row: z.number().int().min(0).max(MAX.headerRows),
  col: z.number().int().min(0).max(MAX.gridCols),
  rowspan: z.number().int().min(1).max(MAX.headerRows).default(1),
  colspan: z.number().int().min(1).max(MAX.gridCols).default(1),
});

const columnSchema = z.strictObject({
  id,
  label: z.string(),
  kind: z.enum(['input', 'computed', 'blank', 'rowUnit']),
  span: z.number().int().min(1).max(MAX.gridCols).default(1),
  valueType: valueTypeSchema.optional(),
  sum: z.array(id).max(MAX.gridCols).optional().describe('computed column: the columns it adds up in the same row'),
  unitChoices: z.array(z.string().min(1)).optional(),
  optional: z.boolean().optional(),
});

const rowSchema = z.strictObject({
  id,
  label: z.string().optional(),
  kind: z.enum(['input', 'computed', 'group']),
  level: z.number().int().min(0).max(3).default(0),
  parent: id.optional(),
  labelCols: z.tuple([z.number().int().min(0), z.number().int().min(0)]).optional(),
  sum: z.array(id).max(MAX.rowsPerBlock).optional().describe('computed row: the rows it adds up (a group row stands for its items)'),
  notApplicable: z.boolean().optional().describe('"/" may be entered in this row'),
  unit: z.string().optional(),
  valueType: valueTypeSchema.optional(),
  help: localized.optional(),
});

const blockSchema = z.strictObject({
  id,
  caption: z.string().optional(),
  unit: z.string().optional(),
  valueType: valueTypeSchema.optional(),
  headerRows: z.number().int().min(0).max(MAX.headerRows),
  header: z.array(headerCellSchema).max(MAX.headerRows * MAX.gridCols),
  columns: z.array(columnSchema).min(1).max(MAX.gridCols),
  rows: z.array(rowSchema).min(1).max(MAX.rowsPerBlock),
});

const tableSchema = z.strictObject({
  id,
  role: z.string().min(1).describe('what the table is for across formats (active, apply, review, stats)'),
  title: z.string().min(1),
  sectionId: id,
  gridCols: z.number().int().min(1).max(MAX.gridCols),
  labelCols: z.number().int().min(0).max(MAX.gridCols),
  unit: z.string().optional(),
  optional: z.boolean().default(false),
  help: localized.optional(),
  blocks: z.array(blockSchema).min(1).max(MAX.blocksPerTable),
});

const ruleBase = {
  id: z.string().regex(/^[A-Z][A-Z0-9]*-\d{2}$/, 'rule ids look like "P-01"'),
  severity: z.enum(['error', 'warning']),
  origin: z.enum(['stated', 'derived', 'review']).optional(),
  when: z.string().optional().describe('condition over meta.* (and cells for relations)'),
  message: localized,
};

/** A cell, or a sum or difference of cells, of the rule's table: "r1_new[total] + r2_carried_in[total]". */
const cellFormula = z.string().min(1).refine((source) => {
  try {
    parseCondition(`${source} = 0`);
    return true;
  } catch {
    return false;
  }
}, 'a cell or a sum of cells, such as "r1_new[total] + r2_carried_in[total]"');

const pattern = z.string().min(1).max(FORMULA_LIMITS.chars).refine((source) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}, 'a regular expression');

const noticeNumber = z.string().regex(/^〔\d{4}〕\d+号$/, 'a notice number such as "〔2021〕30号"');

const forEachSchema = z.strictObject({
  var: z.enum(['c', 'r']),
  over: z.union([z.array(id).min(1).max(MAX.rowsPerBlock), z.enum(['$dataColumns', '$inputColumns', '$valueRows'])]),
});

export const ruleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...ruleBase,
    kind: z.literal('relation'),
    table: id,
    forEach: forEachSchema.optional(),
    assert: z.string().min(1),
    at: z.string().min(1).describe('the cell the finding is pinned to'),
  }),
  z.strictObject({ ...ruleBase, kind: z.literal('cellValue'), valueType: valueTypeSchema }),
  z.strictObject({ ...ruleBase, kind: z.literal('emptyCells') }),
  z.strictObject({ ...ruleBase, kind: z.literal('blankCells') }),
  z.strictObject({ ...ruleBase, kind: z.literal('unitRecorded'), table: id, row: id, col: id }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('sectionMentions'),
    section: id,
    groups: z.array(z.array(z.string().min(1)).min(1)).min(1),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('sectionTopics'),
    sections: z.array(id).min(1),
    topics: z.array(z.strictObject({ label: z.string().min(1), keywords: z.array(z.string().min(1)).min(1) })).min(1),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('feeNotices'),
    section: id,
    table: id,
    row: id,
    col: id,
    expect: z.enum(['consistent', 'reported']),
  }),
  z.strictObject({ ...ruleBase, kind: z.literal('feeStatement'), section: id }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('narrativeCounts'),
    sections: z.array(id).min(1),
    table: id,
    measures: z
      .array(z.strictObject({ measure: z.enum(MEASURES), cells: z.array(cellFormula).min(1).describe('any of these figures agrees'), label: localized }))
      .min(1),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('narrativeAmount'),
    sections: z.array(id).min(1),
    keywords: z.array(z.string().min(1)).min(1).describe('the sentence names the amount with one of these'),
    table: id,
    cell: cellFormula,
    tableUnit: z.enum(['元', '万元']),
    compare: z.enum(['equal', 'nonzeroNeedsNonzero']),
    label: localized,
  }),
  z.strictObject({ ...ruleBase, kind: z.literal('citedNotice'), own: noticeNumber.optional().describe('the notice of this format; none for gov-2008'), others: z.array(z.strictObject({ notice: noticeNumber, format: localized })).min(1) }),
  z.strictObject({ ...ruleBase, kind: z.literal('partsCount'), section: id }),
  z.strictObject({ ...ruleBase, kind: z.literal('sectionSubstance'), section: id, minChars: z.number().int().min(1), noneWords: z.array(z.string().min(1)) }),
  z.strictObject({ ...ruleBase, kind: z.literal('completionClaim'), sections: z.array(id).min(1), phrases: z.array(pattern).min(1), table: id, cell: cellFormula }),
  z.strictObject({ ...ruleBase, kind: z.literal('headingSequence') }),
  z.strictObject({ ...ruleBase, kind: z.literal('textJunk'), junk: z.array(pattern).min(1), minTraditional: z.number().int().min(1) }),
  z.strictObject({ ...ruleBase, kind: z.literal('statisticsPeriod'), section: id }),
  z.strictObject({ ...ruleBase, kind: z.literal('requiredSections') }),
  z.strictObject({ ...ruleBase, kind: z.literal('requiredTables') }),
  z.strictObject({ ...ruleBase, kind: z.literal('requiredMeta'), fields: z.array(z.string().min(1)).min(1) }),
  z.strictObject({ ...ruleBase, kind: z.literal('yearRange') }),
  z.strictObject({ ...ruleBase, kind: z.literal('itemCoverage'), items: z.array(z.strictObject({ item: z.number().int(), label: z.string() })).min(1) }),
  z.strictObject({ ...ruleBase, kind: z.literal('placeholders') }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('priorRepetition'),
    sections: z.array(id).min(1).describe('the sections whose text should be this year\'s own'),
    gramChars: z.number().int().min(2).max(50).describe('length of the character n-grams compared (numbers count as one character)'),
    sectionShare: z.number().min(0).max(1).describe('warn when this share of a section\'s text repeats last year\'s'),
    sectionMinChars: z.number().int().min(1).describe('sections shorter than this are judged by their paragraphs only'),
    paragraphShare: z.number().min(0).max(1).describe('warn when this share of one paragraph repeats last year\'s'),
    paragraphMinChars: z.number().int().min(1),
    exemptSentences: z.array(pattern).describe('sentences that are meant to read the same every year (e.g. the fee statement)'),
  }),
  z.strictObject({ ...ruleBase, kind: z.literal('leftoverYear'), patterns: z.array(pattern).min(1).describe('a sentence start stating {lastYear} as the current year') }),
  z.strictObject({ ...ruleBase, kind: z.literal('priorProblems'), section: id, words: z.array(pattern).min(1).describe('words that refer to last year\'s problems; {lastYear} stands for its year') }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('signatureDate'),
    deadlines: z.strictObject({ people_government: z.string().regex(/^\d{2}-\d{2}$/), department: z.string().regex(/^\d{2}-\d{2}$/), other: z.string().regex(/^\d{2}-\d{2}$/) }),
  }),
]);

export const templateSchema = z.strictObject({
  $schema: z.string().optional(),
  id,
  name: localized,
  basis: z.string().min(1),
  years: z.strictObject({ from: z.number().int(), to: z.number().int().optional() }),
  default: z.boolean().default(false),
  reportTitle: z.string().min(1).describe('placeholders: {orgName} {year}'),
  sections: z.array(sectionSchema).min(1).max(MAX.sections),
  tables: z.array(tableSchema).max(MAX.tables).default([]),
  rules: z.array(ruleSchema).max(MAX.rules).default([]),
});

export type TemplateFile = z.infer<typeof templateSchema>;
export type SectionDef = z.infer<typeof sectionSchema>;
export type TableDef = z.infer<typeof tableSchema>;
export type BlockDef = z.infer<typeof blockSchema>;
export type ColumnDef = z.infer<typeof columnSchema>;
export type RowDef = z.infer<typeof rowSchema>;
export type HeaderCell = z.infer<typeof headerCellSchema>;
export type RuleDef = z.infer<typeof ruleSchema>;
export type ValueType = z.infer<typeof valueTypeSchema>;
export type StarterBlock = z.infer<typeof starterBlock>;
