// Tokens of an arithmetic expression, read as bash's readtok reads them. `++` and `--`
// depend on what came before: after a name they are post-increments, before a name
// pre-increments, otherwise two signs (`1--1` is 2). A bad character or constant is an
// 'error' token: bash reports it only when the parser reaches it.

import { readConstant } from './constant.js';
import type { Int } from './int.js';

export type TokenType =
  | 'NUM'
  | 'STR'
  | 'EOF'
  | 'ERR'
  | 'PREINC'
  | 'PREDEC'
  | 'POSTINC'
  | 'POSTDEC'
  /** Operators by their text; `+=` and the like are assignments. */
  | string;

export interface Token {
  readonly type: TokenType;
  /** Offset of the token's first character in the expression. */
  readonly start: number;
  /** NUM: the value. */
  readonly value?: Int;
  /** STR: the name. */
  readonly name?: string;
  /** ERR: bash's message. */
  readonly message?: string;
}

const TWO_CHAR = new Set(['==', '!=', '>=', '<=', '<<', '>>', '&&', '||', '**']);
const OP_ASSIGN_CHARS = '*/%+-&^|';
const SINGLE = '=><+-*/%!()&|^~?:,';

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

function isConstantChar(c: number): boolean {
  return isNameChar(c) || c === 35 || c === 64;
}

/** Whether the last token leaves bash's `curtok` an operand (a bad character is then an operator). */
function afterOperand(type: TokenType | null): boolean {
  return type === 'NUM' || type === 'STR' || type === 'POSTINC' || type === 'POSTDEC';
}

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let k = 0;
  for (;;) {
    while (k < src.length && isSpace(src.charCodeAt(k))) k++;
    if (k >= src.length) {
      tokens.push({ type: 'EOF', start: k });
      return tokens;
    }
    const t = readToken(src, k, tokens);
    tokens.push(t.token);
    if (t.token.type === 'ERR') {
      tokens.push({ type: 'EOF', start: src.length });
      return tokens;
    }
    k = t.end;
  }
}

function readToken(src: string, k: number, before: readonly Token[]): { token: Token; end: number } {
  const c = src.charCodeAt(k);
  if (isNameStart(c)) {
    let e = k + 1;
    while (isNameChar(src.charCodeAt(e))) e++;
    return { token: { type: 'STR', start: k, name: src.slice(k, e) }, end: e };
  }
  if (c >= 48 && c <= 57) {
    let e = k + 1;
    while (isConstantChar(src.charCodeAt(e))) e++;
    const r = readConstant(src.slice(k, e));
    if ('error' in r) return { token: { type: 'ERR', start: k, message: r.error }, end: e };
    return { token: { type: 'NUM', start: k, value: r.value }, end: e };
  }
  return readOperator(src, k, before);
}

function readOperator(src: string, k: number, before: readonly Token[]): { token: Token; end: number } {
  const ch = src[k]!;
  const next = src[k + 1];
  const two = ch + (next ?? '');
  const last = before[before.length - 1]?.type ?? null;
  if ((two === '<<' || two === '>>') && src[k + 2] === '=') return op(two + '=', k, 3);
  if (TWO_CHAR.has(two)) return op(two, k, 2);
  if ((ch === '+' || ch === '-') && next === ch) {
    const incdec = incrementAt(src, k, before);
    if (incdec) return incdec;
  } else if (next === '=' && OP_ASSIGN_CHARS.includes(ch)) {
    return op(two, k, 2);
  }
  if (SINGLE.includes(ch)) return op(ch, k, 1);
  const message = afterOperand(last) ? 'syntax error: invalid arithmetic operator' : 'syntax error: operand expected';
  return { token: { type: 'ERR', start: k, message }, end: k + 1 };
}

function op(type: string, start: number, length: number): { token: Token; end: number } {
  return { token: { type, start }, end: start + length };
}

/** `++`/`--` at `k`, or null when it is two signs. */
function incrementAt(src: string, k: number, before: readonly Token[]): { token: Token; end: number } | null {
  const ch = src[k]!;
  const last = before[before.length - 1]?.type;
  const prior = before[before.length - 2]?.type;
  if (last === 'STR') {
    // after `++x` bash's parser has turned the name into a number: `++x++` is refused
    if (prior === 'PREINC' || prior === 'PREDEC') {
      return { token: { type: 'ERR', start: k, message: `${ch}${ch}: assignment requires lvalue` }, end: k + 2 };
    }
    return op(ch === '+' ? 'POSTINC' : 'POSTDEC', k, 2);
  }
  let e = k + 2;
  while (e < src.length && isSpace(src.charCodeAt(e))) e++;
  if (isNameStart(src.charCodeAt(e))) return op(ch === '+' ? 'PREINC' : 'PREDEC', k, 2);
  return null;
}
