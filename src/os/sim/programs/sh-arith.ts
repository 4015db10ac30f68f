// $((...)) as dash evaluates it: integers (decimal, 0x hex, leading-0 octal), variables by
// name or $name, unary + - ! ~, the binary operators of C from * down to ||, and parentheses.
// Errors carry dash's texts; the caller reports them and fails the command with status 2.

import { paramValue, type Params } from './sh-expand.js';

export class ArithError {
  constructor(readonly message: string) {}
}

const LEVELS: readonly (readonly string[])[] = [
  ['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<=', '>=', '<', '>'], ['<<', '>>'], ['+', '-'], ['*', '/', '%'],
];

function apply(op: string, a: number, b: number, expr: string): number {
  switch (op) {
    case '||': return a || b ? 1 : 0;
    case '&&': return a && b ? 1 : 0;
    case '|': return a | b;
    case '^': return a ^ b;
    case '&': return a & b;
    case '==': return a === b ? 1 : 0;
    case '!=': return a !== b ? 1 : 0;
    case '<=': return a <= b ? 1 : 0;
    case '>=': return a >= b ? 1 : 0;
    case '<': return a < b ? 1 : 0;
    case '>': return a > b ? 1 : 0;
    case '<<': return a << b;
    case '>>': return a >> b;
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
  }
  if (b === 0) throw new ArithError(`arithmetic expression: division by zero: "${expr}"`);
  return op === '/' ? Math.trunc(a / b) : a % b;
}

function numberOf(text: string): number | undefined {
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) return parseInt(text, 16);
  if (/^0[0-7]+$/.test(text)) return parseInt(text, 8);
  if (/^\d+$/.test(text)) return Number(text);
  return undefined;
}

/** Evaluates an arithmetic expansion's text; throws ArithError (caught by the expander's caller). */
export function evaluate(source: string, p: Params): number {
  // An assignment (x=1, x+=2) as the whole expression sets the variable.
  const assignment = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*([-+*/%]?)=(?!=)([\s\S]*)$/.exec(source);
  if (assignment) {
    const [, name, op, rhs] = assignment as unknown as [string, string, string, string];
    const right = evaluate(rhs, p);
    const value = op === '' ? right : apply(op, evaluate(name, p), right, source) | 0;
    p.assign(name, String(value));
    return value;
  }
  // $name and ${name} are plain parameter expansions before the arithmetic.
  const expr = source.replace(/\$\{([^}]*)\}|\$([A-Za-z_][A-Za-z0-9_]*|[0-9$?#!])/g, (_, a: string, b: string) => paramValue(a ?? b, p));
  const tokens = expr.match(/0[xX][0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\|\||&&|==|!=|<=|>=|<<|>>|[-+*/%()<>!~^&|]|\S/g) ?? [];
  let at = 0;
  const fail = (): never => {
    throw new ArithError(`arithmetic expression: expecting primary: "${expr}"`);
  };
  const primary = (): number => {
    const t = tokens[at++];
    if (t === undefined) return fail();
    if (t === '(') {
      const v = binary(0);
      if (tokens[at++] !== ')') fail();
      return v;
    }
    if (t === '-' || t === '+' || t === '!' || t === '~') {
      const v = primary();
      return t === '-' ? -v : t === '+' ? v : t === '!' ? (v ? 0 : 1) : ~v;
    }
    const n = numberOf(t);
    if (n !== undefined) return n;
    if (!/^[A-Za-z_]/.test(t)) return fail();
    const value = p.lookup(t) ?? '';
    if (value === '') return 0;
    const v = numberOf(value.trim());
    if (v === undefined) throw new ArithError(`Illegal number: ${value}`);
    return v;
  };
  const binary = (level: number): number => {
    if (level === LEVELS.length) return primary();
    let v = binary(level + 1);
    while (at < tokens.length && LEVELS[level]!.includes(tokens[at]!)) {
      const op = tokens[at++]!;
      v = apply(op, v, binary(level + 1), expr) | 0;
    }
    return v;
  };
  if (tokens.length === 0) return 0;
  const v = binary(0);
  if (at < tokens.length) fail();
  return v;
}
