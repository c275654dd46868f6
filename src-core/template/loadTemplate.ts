import type { z } from 'zod';
import { bindCondition, cellRefs, parseCellRef, parseCondition, type Condition, type Expr } from '../checks/formula.js';
import { TEMPLATE_LIMITS } from '../limits.js';
import { TableModel } from './tableModel.js';
import { templateSchema, type RowDef, type RuleDef, type SectionDef, type TemplateFile } from './templateSchema.js';

type RelationDef = Extract<RuleDef, { kind: 'relation' }>;

/** One concrete check of a relation rule, with its forEach variable already bound. */
export interface RelationInstance {
  rule: RelationDef;
  binding: string | undefined;
  assert: Condition;
  at: Extract<Expr, { type: 'cell' }>;
  when: Condition | undefined;
  usesPrevious: boolean;
}

export interface Template extends TemplateFile {
  tableModels: ReadonlyMap<string, TableModel>;
  relations: readonly RelationInstance[];
  /** Conditions of non-relation rules, parsed once. */
  ruleConditions: ReadonlyMap<RuleDef, Condition>;
  sectionById: ReadonlyMap<string, SectionDef>;
}

export interface TemplateIssue {
  path: string;
  message: string;
}

export class TemplateError extends Error {
  constructor(
    readonly source: string,
    readonly issues: readonly TemplateIssue[],
  ) {
    super(`${source}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'TemplateError';
  }
}

export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), '$');
}

function zodIssues(error: z.ZodError): TemplateIssue[] {
  return error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message }));
}

/**
 * Validates a format definition and compiles its rules. `source` names the file in every error,
 * so a broken template says which file and which JSON path is wrong.
 */
export function loadTemplate(json: unknown, source: string): Template {
  // A format is parsed once per process: zod's compiled fast path costs more to build (~10 ms) than it saves.
  const parsed = templateSchema.safeParse(json, { jitless: true });
  if (!parsed.success) throw new TemplateError(source, zodIssues(parsed.error));
  const file = parsed.data;
  const issues: TemplateIssue[] = [];
  const tableModels = new Map<string, TableModel>();
  const sectionById = new Map(file.sections.map((s) => [s.id, s]));

  checkUnique(file.sections.map((s) => s.id), '$.sections', issues);
  checkUnique(file.tables.map((t) => t.id), '$.tables', issues);
  file.sections.forEach((section, si) => {
    section.tables.forEach((tableId, ti) => {
      const table = file.tables.find((t) => t.id === tableId);
      if (!table) issues.push({ path: `$.sections[${si}].tables[${ti}]`, message: `unknown table "${tableId}"` });
      else if (table.sectionId !== section.id) issues.push({ path: `$.sections[${si}].tables[${ti}]`, message: `table "${tableId}" says it belongs to section "${table.sectionId}"` });
    });
  });
  // A table with a broken structure gets no model (building one could loop over a group cycle),
  // and the rules on it are not compiled: its own issues say what to fix first.
  const brokenTables = new Set<string>();
  file.tables.forEach((table, ti) => {
    const path = `$.tables[${ti}]`;
    if (!sectionById.get(table.sectionId)?.tables.includes(table.id)) {
      issues.push({ path: `${path}.sectionId`, message: `section "${table.sectionId}" does not list this table` });
    }
    const before = issues.length;
    checkTableStructure(table, path, issues);
    if (issues.length > before) brokenTables.add(table.id);
    else tableModels.set(table.id, new TableModel(table));
  });

  const relations: RelationInstance[] = [];
  const ruleConditions = new Map<RuleDef, Condition>();
  file.rules.forEach((rule, ri) => {
    const path = `$.rules[${ri}]`;
    if ('table' in rule && brokenTables.has(rule.table)) return;
    try {
      if (rule.kind === 'relation') relations.push(...compileRelation(rule, tableModels, path, issues));
      else {
        if (rule.when !== undefined) {
          const when = parseCondition(rule.when);
          if (cellRefs(when).length > 0) issues.push({ path: `${path}.when`, message: 'only relation rules may test cells in "when"' });
          ruleConditions.set(rule, when);
        }
        checkRuleTargets(rule, file, tableModels, path, issues);
      }
    } catch (error) {
      issues.push({ path, message: `rule ${rule.id}: ${error instanceof Error ? error.message : String(error)}` });
    }
  });

  if (issues.length > 0) throw new TemplateError(source, issues);
  return { ...file, tableModels, relations, ruleConditions, sectionById };
}

function checkUnique(ids: readonly string[], path: string, issues: TemplateIssue[]): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) issues.push({ path: `${path}[${i}].id`, message: `duplicate id "${id}"` });
    seen.add(id);
  });
}

function checkTableStructure(table: TemplateFile['tables'][number], path: string, issues: TemplateIssue[]): void {
  const rowIds = new Set<string>();
  table.blocks.forEach((block, bi) => {
    const bpath = `${path}.blocks[${bi}]`;
    const width = table.labelCols + block.columns.reduce((n, c) => n + c.span, 0);
    if (width !== table.gridCols) issues.push({ path: `${bpath}.columns`, message: `label columns + column spans = ${width}, but gridCols is ${table.gridCols}` });
    // The header cells must tile the header rows exactly: no gap, no overlap. A cell reaching
    // outside is refused before its span is walked, so the walk never exceeds the header's size.
    const covered = new Set<string>();
    block.header.forEach((cell, ci) => {
      if (cell.row + cell.rowspan > block.headerRows || cell.col + cell.colspan > table.gridCols) {
        issues.push({ path: `${bpath}.header[${ci}]`, message: `cell "${cell.text}" reaches outside the ${block.headerRows}×${table.gridCols} header` });
        return;
      }
      for (let r = cell.row; r < cell.row + cell.rowspan; r++) {
        for (let c = cell.col; c < cell.col + cell.colspan; c++) {
          const key = `${r},${c}`;
          if (covered.has(key)) issues.push({ path: `${bpath}.header[${ci}]`, message: `cell "${cell.text}" overlaps another header cell at row ${r}, column ${c}` });
          covered.add(key);
        }
      }
    });
    if (covered.size !== block.headerRows * table.gridCols) {
      issues.push({ path: `${bpath}.header`, message: `header cells cover ${covered.size} of ${block.headerRows * table.gridCols} grid positions` });
    }
    const columnIds = new Set(block.columns.map((c) => c.id));
    block.columns.forEach((col, ci) => {
      if (col.kind === 'computed' && !col.sum?.length) issues.push({ path: `${bpath}.columns[${ci}].sum`, message: 'a computed column needs "sum"' });
      col.sum?.forEach((id) => {
        if (!columnIds.has(id)) issues.push({ path: `${bpath}.columns[${ci}].sum`, message: `unknown column "${id}"` });
      });
    });
    const blockRows = new Map(block.rows.map((r) => [r.id, r]));
    block.rows.forEach((row, ri) => {
      const rpath = `${bpath}.rows[${ri}]`;
      if (rowIds.has(row.id)) issues.push({ path: `${rpath}.id`, message: `duplicate row id "${row.id}"` });
      rowIds.add(row.id);
      if (row.parent !== undefined && blockRows.get(row.parent)?.kind !== 'group') issues.push({ path: `${rpath}.parent`, message: `"${row.parent}" is not a group row of this block` });
      if (row.labelCols && (row.labelCols[0] > row.labelCols[1] || row.labelCols[1] >= table.labelCols)) {
        issues.push({ path: `${rpath}.labelCols`, message: `label columns must lie within 0…${table.labelCols - 1}` });
      }
      if (row.kind === 'computed' && !row.sum?.length) issues.push({ path: `${rpath}.sum`, message: 'a computed row needs "sum"' });
      row.sum?.forEach((id) => {
        if (!blockRows.has(id)) issues.push({ path: `${rpath}.sum`, message: `unknown row "${id}"` });
      });
      const nesting = groupNestingProblem(row, blockRows);
      // Every row under a cycle meets it; it is reported once.
      if (nesting && !issues.some((i) => i.message === nesting)) issues.push({ path: `${rpath}.parent`, message: nesting });
    });
  });
}

/** Follows a row's chain of parent groups: it must end, and within TEMPLATE_LIMITS.groupDepth. */
function groupNestingProblem(row: RowDef, blockRows: ReadonlyMap<string, RowDef>): string | undefined {
  const chain = [row.id];
  for (let parent = row.parent; parent !== undefined; parent = blockRows.get(parent)?.parent) {
    if (chain.includes(parent)) return `group rows ${[...chain.slice(chain.indexOf(parent)), parent].map((id) => `"${id}"`).join(' → ')} contain each other`;
    chain.push(parent);
    if (chain.length > TEMPLATE_LIMITS.groupDepth + 1) return `row "${row.id}" is nested in more than ${TEMPLATE_LIMITS.groupDepth} group rows (the limit)`;
  }
  return undefined;
}

function compileRelation(rule: RelationDef, tables: ReadonlyMap<string, TableModel>, path: string, issues: TemplateIssue[]): RelationInstance[] {
  const model = tables.get(rule.table);
  if (!model) {
    issues.push({ path: `${path}.table`, message: `unknown table "${rule.table}"` });
    return [];
  }
  const assert = parseCondition(rule.assert);
  const at = parseCellRef(rule.at);
  const when = rule.when === undefined ? undefined : parseCondition(rule.when);
  const variable = rule.forEach ? `$${rule.forEach.var}` : undefined;
  let values: (string | undefined)[] = [undefined];
  if (rule.forEach) {
    const over = rule.forEach.over;
    if (over === '$dataColumns') values = model.dataColumnIds();
    else if (over === '$inputColumns') values = model.dataColumnIds(['input']);
    else if (over === '$valueRows') values = model.valueRowIds();
    else values = over;
  }
  return values.map((value) => {
    const bind = (c: Condition): Condition => (variable && value ? bindCondition(c, variable, value) : c);
    const boundAssert = bind(assert);
    const boundWhen = when && bind(when);
    const boundAt = variable && value ? { ...at, row: at.row === variable ? value : at.row, col: at.col === variable ? value : at.col } : at;
    const refs = [...cellRefs(boundAssert), ...(boundWhen ? cellRefs(boundWhen) : []), boundAt];
    for (const ref of refs) {
      const isGroup = model.row(ref.row)?.kind === 'group';
      if (!model.row(ref.row)) issues.push({ path: `${path}.assert`, message: `unknown row "${ref.row}" in table ${rule.table}` });
      else if (!isGroup && !model.cell(ref.row, ref.col)) issues.push({ path: `${path}.assert`, message: `no data cell ${ref.row}[${ref.col}] in table ${rule.table}` });
    }
    return { rule, binding: value, assert: boundAssert, at: boundAt, when: boundWhen, usesPrevious: refs.some((r) => r.prev) };
  });
}

function checkRuleTargets(rule: Exclude<RuleDef, RelationDef>, file: TemplateFile, tables: ReadonlyMap<string, TableModel>, path: string, issues: TemplateIssue[]): void {
  const sectionIds = new Set(file.sections.map((s) => s.id));
  const needSection = (id: string, at: string): void => {
    if (!sectionIds.has(id)) issues.push({ path: `${path}.${at}`, message: `unknown section "${id}"` });
  };
  const needCell = (table: string, row: string, col: string): void => {
    if (!tables.get(table)?.cell(row, col)) issues.push({ path, message: `no data cell ${table} ${row}[${col}]` });
  };
  switch (rule.kind) {
    case 'sectionMentions':
    case 'statisticsPeriod':
      needSection(rule.section, 'section');
      break;
    case 'sectionTopics':
      rule.sections.forEach((s, i) => needSection(s, `sections[${i}]`));
      break;
    case 'feeNotices':
      needSection(rule.section, 'section');
      needCell(rule.table, rule.row, rule.col);
      break;
    case 'unitRecorded':
      needCell(rule.table, rule.row, rule.col);
      break;
    case 'itemCoverage':
      for (const { item } of rule.items) {
        if (!file.sections.some((s) => s.art32Items?.includes(item))) issues.push({ path: `${path}.items`, message: `no section is tagged with item ${item}` });
      }
      break;
    default:
      break;
  }
}
