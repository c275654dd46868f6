import { formatScaled } from '../../report/cellValue.js';
import type { Template } from '../../template/loadTemplate.js';
import { parseCondition, type Expr } from '../formula.js';
import type { ReportCells } from '../reportCells.js';

const parsed = new Map<string, Expr>();

function expression(source: string): Expr | undefined {
  let expr = parsed.get(source);
  if (!expr) {
    expr = parseCondition(`${source} = 0`)[0]?.left; // the template schema has checked the formula
    if (expr) parsed.set(source, expr);
  }
  return expr;
}

/**
 * A figure of a table, written in the formula language ("r1_new[total] + r2_carried_in[total]"),
 * as a plain number; undefined when a cell it reads is empty (nothing to compare the text with: the
 * empty-cell warning speaks) or holds an invalid entry (a value rule reports it).
 */
export function tableFigure(source: string, template: Template, tableId: string, cells: ReportCells): number | undefined {
  const model = template.tableModels.get(tableId);
  const expr = expression(source);
  if (!model || !expr) return undefined;
  const evaluate = (e: Expr): bigint | undefined => {
    if (e.type === 'cell') return cells.value(model, e.row, e.col, false);
    if (e.type !== 'binary') return undefined;
    const l = evaluate(e.left);
    const r = evaluate(e.right);
    if (l === undefined || r === undefined) return undefined;
    return e.op === '+' ? l + r : l - r;
  };
  const scaled = evaluate(expr);
  return scaled === undefined ? undefined : Number(formatScaled(scaled));
}
