import { FORMULA_LIMITS } from '../limits.js';

/**
 * The small formula language rules are written in (templates are data, so rules cannot be code):
 *
 *   r1_new[$c] + r2_carried_in[$c] = r3_7_total[$c] + r4_carry_out[$c]
 *   prev:count[rv_pending] > 0 and meta.unitType = 'people_government'
 *
 * A cell is `row[col]`; `$c` / `$r` stand for the rule's forEach variable; `prev:` reads last
 * year's report; `meta.x` reads a report fact. A group row stands for the sum of its items.
 */
export type CompareOp = '=' | '!=' | '<=' | '>=' | '<' | '>';

export type Expr =
  | { type: 'number'; value: number }
  | { type: 'literal'; value: string | boolean }
  | { type: 'cell'; row: string; col: string; prev: boolean }
  | { type: 'meta'; field: string }
  | { type: 'binary'; op: '+' | '-'; left: Expr; right: Expr };

export interface Comparison {
  op: CompareOp;
  left: Expr;
  right: Expr;
}

/** A conjunction of comparisons. */
export type Condition = Comparison[];

export class FormulaError extends Error {}

type Token = { kind: 'num' | 'ident' | 'str' | 'op' | 'punct'; text: string; pos: number };

const SPACE_RE = /\s*/y;
const TOKEN_RE = /\s*(?:(\d+(?:\.\d+)?)|('[^']*')|(<=|>=|!=|[-=<>+])|([[\]():])|(\$?[A-Za-z_][A-Za-z0-9_.]*))/y;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let pos = 0;
  while (pos < source.length) {
    SPACE_RE.lastIndex = pos;
    SPACE_RE.exec(source);
    if (SPACE_RE.lastIndex === source.length) break;
    TOKEN_RE.lastIndex = pos;
    const m = TOKEN_RE.exec(source);
    if (!m) throw new FormulaError(`unexpected character at ${pos}: "${source.slice(pos, pos + 10)}"`);
    const [, num, str, op, punct, ident] = m;
    const at = m.index + m[0].length - (num ?? str ?? op ?? punct ?? ident ?? '').length;
    if (num !== undefined) tokens.push({ kind: 'num', text: num, pos: at });
    else if (str !== undefined) tokens.push({ kind: 'str', text: str.slice(1, -1), pos: at });
    else if (op !== undefined) tokens.push({ kind: 'op', text: op, pos: at });
    else if (punct !== undefined) tokens.push({ kind: 'punct', text: punct, pos: at });
    else if (ident !== undefined) tokens.push({ kind: 'ident', text: ident, pos: at });
    pos = TOKEN_RE.lastIndex;
  }
  return tokens;
}

/**
 * A recursive-descent parser; FORMULA_LIMITS bound its depth (parentheses) and the size of the
 * tree it builds, so the recursive walks over that tree (binding, evaluation) stay shallow too.
 */
class Parser {
  private index = 0;
  private terms = 0;
  private parenDepth = 0;
  constructor(private readonly tokens: Token[], private readonly source: string) {}

  parseCondition(): Condition {
    const parts: Comparison[] = [this.parseComparison()];
    while (this.peek()?.kind === 'ident' && this.peek()?.text === 'and') {
      this.index++;
      parts.push(this.parseComparison());
    }
    this.expectEnd();
    return parts;
  }

  parseComparison(): Comparison {
    const left = this.parseExpr();
    const token = this.next();
    if (!token || token.kind !== 'op' || !['=', '!=', '<=', '>=', '<', '>'].includes(token.text)) {
      throw this.error(token, 'expected a comparison (=, !=, <=, >=, <, >)');
    }
    const right = this.parseExpr();
    return { op: token.text as CompareOp, left, right };
  }

  private parseExpr(): Expr {
    let left = this.parseTerm();
    for (;;) {
      const token = this.peek();
      if (token?.kind !== 'op' || (token.text !== '+' && token.text !== '-')) return left;
      this.index++;
      left = { type: 'binary', op: token.text, left, right: this.parseTerm() };
    }
  }

  private parseTerm(): Expr {
    const token = this.next();
    if (!token) throw this.error(token, 'expression ends too early');
    if (++this.terms > FORMULA_LIMITS.terms) throw new FormulaError(`the formula has more than ${FORMULA_LIMITS.terms} terms (the limit)`);
    if (token.kind === 'num') {
      if (token.text.length > FORMULA_LIMITS.numberDigits) throw this.error(token, `a number has more than ${FORMULA_LIMITS.numberDigits} digits`);
      return { type: 'number', value: Number(token.text) };
    }
    if (token.kind === 'str') return { type: 'literal', value: token.text };
    if (token.kind === 'punct' && token.text === '(') {
      if (++this.parenDepth > FORMULA_LIMITS.parenDepth) throw new FormulaError(`the formula nests parentheses more than ${FORMULA_LIMITS.parenDepth} deep (the limit)`);
      const inner = this.parseExpr();
      this.expectPunct(')');
      this.parenDepth--;
      return inner;
    }
    if (token.kind !== 'ident') throw this.error(token, 'expected a number, a cell or meta.field');
    if (token.text === 'true' || token.text === 'false') return { type: 'literal', value: token.text === 'true' };
    if (token.text.startsWith('meta.')) return { type: 'meta', field: token.text.slice(5) };
    let prev = false;
    let rowToken = token;
    if (token.text === 'prev' && this.peek()?.text === ':') {
      this.index++;
      prev = true;
      const next = this.next();
      if (next?.kind !== 'ident') throw this.error(next, 'expected a row id after "prev:"');
      rowToken = next;
    }
    this.expectPunct('[');
    const col = this.next();
    if (col?.kind !== 'ident') throw this.error(col, 'expected a column id');
    this.expectPunct(']');
    return { type: 'cell', row: rowToken.text, col: col.text, prev };
  }

  private expectPunct(text: string): void {
    const token = this.next();
    if (token?.kind !== 'punct' || token.text !== text) throw this.error(token, `expected "${text}"`);
  }

  private expectEnd(): void {
    const token = this.peek();
    if (token) throw this.error(token, 'unexpected text after the formula');
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(): Token | undefined {
    return this.tokens[this.index++];
  }

  private error(token: Token | undefined, what: string): FormulaError {
    const where = token ? `at "${this.source.slice(token.pos, token.pos + 12)}"` : 'at the end';
    return new FormulaError(`${what} ${where}`);
  }
}

export function parseCondition(source: string): Condition {
  if (source.length > FORMULA_LIMITS.chars) throw new FormulaError(`the formula has ${source.length} characters, more than the limit of ${FORMULA_LIMITS.chars}`);
  return new Parser(tokenize(source), source).parseCondition();
}

/** Replaces `$c` / `$r` by a concrete column or row id. */
export function bindVariable(expr: Expr, variable: string, value: string): Expr {
  switch (expr.type) {
    case 'cell':
      return {
        ...expr,
        row: expr.row === variable ? value : expr.row,
        col: expr.col === variable ? value : expr.col,
      };
    case 'binary':
      return { ...expr, left: bindVariable(expr.left, variable, value), right: bindVariable(expr.right, variable, value) };
    default:
      return expr;
  }
}

export function bindCondition(condition: Condition, variable: string, value: string): Condition {
  return condition.map((c) => ({ ...c, left: bindVariable(c.left, variable, value), right: bindVariable(c.right, variable, value) }));
}

export function cellRefs(condition: Condition): Extract<Expr, { type: 'cell' }>[] {
  const refs: Extract<Expr, { type: 'cell' }>[] = [];
  const visit = (e: Expr): void => {
    if (e.type === 'cell') refs.push(e);
    else if (e.type === 'binary') {
      visit(e.left);
      visit(e.right);
    }
  };
  for (const c of condition) {
    visit(c.left);
    visit(c.right);
  }
  return refs;
}

/** Parses a single cell reference such as `r4_carry_out[$c]`. */
export function parseCellRef(source: string): Extract<Expr, { type: 'cell' }> {
  const [cmp] = parseCondition(`${source} = 0`);
  if (!cmp || cmp.left.type !== 'cell') throw new FormulaError(`"${source}" is not a cell reference`);
  return cmp.left;
}
