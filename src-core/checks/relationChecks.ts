import { formatScaled, SCALE } from '../report/cellValue.js';
import type { Report } from '../report/reportSchema.js';
import type { RelationInstance, Template } from '../template/loadTemplate.js';
import type { TableModel } from '../template/tableModel.js';
import type { Comparison, Condition, Expr } from './formula.js';
import type { Finding } from './finding.js';
import { localize, type Locale } from '../i18n/locale.js';
import { cellPlaceVars } from './messagePlaces.js';
import type { ReportCells } from './reportCells.js';

/** Numbers are scaled BigInts (cellValue.ts), so sums and comparisons are exact. */
type Value = bigint | string | boolean | undefined;

interface Scope {
  current: ReportCells;
  model: TableModel | undefined;
  previous: ReportCells | undefined;
  previousModel: TableModel | undefined;
  meta: Report['meta'];
}

function evaluate(expr: Expr, scope: Scope): Value {
  switch (expr.type) {
    case 'number':
      return BigInt(Math.round(expr.value * Number(SCALE)));
    case 'literal':
      return expr.value;
    case 'meta': {
      const v = (scope.meta as Record<string, unknown>)[expr.field];
      if (typeof v === 'number') return Number.isSafeInteger(v) ? BigInt(v) * SCALE : undefined;
      return typeof v === 'string' || typeof v === 'boolean' ? v : undefined;
    }
    case 'cell': {
      if (!scope.model) return undefined;
      if (!expr.prev) return scope.current.value(scope.model, expr.row, expr.col);
      if (!scope.previous || !scope.previousModel?.row(expr.row)) return undefined;
      if (!scope.previousModel.cell(expr.row, expr.col) && scope.previousModel.groupItems(expr.row).length === 0) return undefined;
      return scope.previous.value(scope.previousModel, expr.row, expr.col);
    }
    case 'binary': {
      const l = evaluate(expr.left, scope);
      const r = evaluate(expr.right, scope);
      if (typeof l !== 'bigint' || typeof r !== 'bigint') return undefined;
      return expr.op === '+' ? l + r : l - r;
    }
  }
}

function holds(cmp: Comparison, l: Value, r: Value): boolean {
  switch (cmp.op) {
    case '=':
      return l === r;
    case '!=':
      return l !== r;
    case '<=':
      return (l as bigint) <= (r as bigint);
    case '>=':
      return (l as bigint) >= (r as bigint);
    case '<':
      return (l as bigint) < (r as bigint);
    case '>':
      return (l as bigint) > (r as bigint);
  }
}

/** undefined: the condition cannot be decided (a value is missing), so the rule does not apply. */
function testCondition(condition: Condition, scope: Scope): { ok: boolean; failed?: { cmp: Comparison; l: Value; r: Value } } | undefined {
  for (const cmp of condition) {
    const l = evaluate(cmp.left, scope);
    const r = evaluate(cmp.right, scope);
    if (l === undefined || r === undefined) return undefined;
    const ordering = cmp.op !== '=' && cmp.op !== '!=';
    if (ordering && (typeof l !== 'bigint' || typeof r !== 'bigint')) return undefined;
    if (!holds(cmp, l, r)) return { ok: false, failed: { cmp, l, r } };
  }
  return { ok: true };
}

function display(v: Value): number | string | null {
  if (typeof v === 'bigint') {
    const text = formatScaled(v);
    return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
  }
  return v === undefined ? null : String(v);
}

/** Tests a rule's `when` that reads only report facts (meta.*). */
export function metaConditionHolds(condition: Condition, cells: ReportCells): boolean {
  const scope: Scope = { current: cells, model: undefined, previous: undefined, previousModel: undefined, meta: cells.report.meta };
  return testCondition(condition, scope)?.ok === true;
}

export function checkRelations(
  template: Template,
  cells: ReportCells,
  previous: ReportCells | undefined,
  locale: Locale,
  out: Finding[],
): void {
  for (const instance of template.relations) checkRelation(instance, template, cells, previous, locale, out);
}

function checkRelation(
  instance: RelationInstance,
  template: Template,
  cells: ReportCells,
  previous: ReportCells | undefined,
  locale: Locale,
  out: Finding[],
): void {
  const model = template.tableModels.get(instance.rule.table);
  if (!model) return;
  if (instance.usesPrevious && !previous) return;
  const scope: Scope = {
    current: cells,
    model,
    previous,
    previousModel: previous?.tableByRole(model.def.role),
    meta: cells.report.meta,
  };
  if (instance.when) {
    const when = testCondition(instance.when, scope);
    if (!when?.ok) return;
  }
  const result = testCondition(instance.assert, scope);
  if (!result || result.ok || !result.failed) return;
  const { l, r } = result.failed;
  const diff = typeof l === 'bigint' && typeof r === 'bigint' ? formatScaled(l > r ? l - r : r - l) : '';
  const vars = {
    ...cellPlaceVars(template, model.def.id, instance.at.row, instance.at.col, locale),
    lhs: String(display(l)),
    rhs: String(display(r)),
    diff,
  };
  out.push({
    ruleId: instance.rule.id,
    severity: instance.rule.severity,
    location: { tableId: model.def.id, rowId: instance.at.row, colId: instance.at.col },
    expected: display(r),
    actual: display(l),
    message: localize(instance.rule.message, locale, vars),
  });
}

function readsOnlyPrevious(expr: Expr): boolean {
  if (expr.type === 'cell') return expr.prev;
  if (expr.type === 'binary') return readsOnlyPrevious(expr.left) && readsOnlyPrevious(expr.right);
  return expr.type === 'number';
}

/**
 * The figures a new report takes over from last year: every year-over-year equality of the format
 * whose left side is one of this year's input cells and whose right side reads only last year
 * (P-05 上年结转 = last year's 结转下年度; D19-03 上一年项目数量 = last year's items + change). The
 * rules are the single statement of what carries over. Nothing is taken from a table last year's report lacks.
 */
export function carriedOverValues(template: Template, previous: ReportCells): { tableId: string; rowId: string; colId: string; value: bigint }[] {
  const carried: { tableId: string; rowId: string; colId: string; value: bigint }[] = [];
  for (const instance of template.relations) {
    const [cmp, ...more] = instance.assert;
    if (!instance.usesPrevious || instance.when || !cmp || more.length > 0 || cmp.op !== '=') continue;
    if (cmp.left.type !== 'cell' || cmp.left.prev || !readsOnlyPrevious(cmp.right)) continue;
    const model = template.tableModels.get(instance.rule.table);
    const previousModel = model && previous.tableByRole(model.def.role);
    if (!model || !previousModel || !previous.report.tables[previousModel.def.id]) continue;
    if (model.cell(cmp.left.row, cmp.left.col)?.kind !== 'input') continue;
    const value = evaluate(cmp.right, { current: previous, model, previous, previousModel, meta: previous.report.meta });
    if (typeof value === 'bigint') carried.push({ tableId: model.def.id, rowId: cmp.left.row, colId: cmp.left.col, value });
  }
  return carried;
}
