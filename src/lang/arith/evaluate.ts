// Evaluates arithmetic as bash does: 64-bit signed integers that wrap, variables whose values
// are themselves expressions (to a depth of 1024), and short-circuit operators whose untaken
// side is still walked without effects (bash parses it in "noeval" mode, so a syntax error or
// a negative exponent there still fails, while a division by 0 does not).

import { arithError } from './error.js';
import { parseArith } from './parser.js';
import { add, bitAnd, bitNot, bitOr, bitXor, div, fromBig, intText, mod, mul, neg, power, shiftLeft, shiftRight, sub, type Int } from './int.js';
import type { BinaryOp, Node } from './tree.js';

/** Where variables come from and go to. */
export interface ArithVariables {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

const MAX_DEPTH = 1024;
const CACHE_LIMIT = 1000;
/** Parsed expressions by source text: loops evaluate the same few texts over and over. */
const cache = new Map<string, Node>();

function parsed(src: string): Node {
  let tree = cache.get(src);
  if (tree === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    tree = parseArith(src);
    cache.set(src, tree);
  }
  return tree;
}

/** Whether `text` is blank (bash's value 0 for an empty expression). */
function blank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

/**
 * The value of a plain decimal (no octal, no blanks, at most 18 digits: always within 64
 * bits), or null for any other text, which is evaluated as an expression. Loops read their
 * counters on every turn, so this is a scan, not a regex.
 */
function plainDecimal(text: string): Int | null {
  const sign = text.charCodeAt(0) === 45 ? 1 : 0;
  const digits = text.length - sign;
  if (digits < 1 || digits > 18) return null;
  const first = text.charCodeAt(sign);
  if (first === 48) return digits === 1 ? 0 : null;
  for (let i = sign; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  return digits <= 15 ? Number(text) : fromBig(BigInt(text));
}

/** Evaluates `src`; throws ArithError. */
export function evaluateArith(src: string, vars: ArithVariables): Int {
  return new Evaluator(vars).run(src, 0);
}

/** Evaluates `src` to bash's decimal text; throws ArithError. */
export function arithText(src: string, vars: ArithVariables): string {
  return intText(evaluateArith(src, vars));
}

class Evaluator {
  /** The expression being evaluated, for error messages. */
  private src = '';
  private depth = 0;

  constructor(private readonly vars: ArithVariables) {}

  run(src: string, offset: number): Int {
    if (blank(src)) return 0;
    if (this.depth >= MAX_DEPTH) throw arithError(this.src, 'expression recursion level exceeded', offset);
    const outer = this.src;
    const outerDepth = this.depth;
    this.src = src;
    this.depth++;
    try {
      return this.ev(parsed(src), false);
    } finally {
      this.src = outer;
      this.depth = outerDepth;
    }
  }

  /** A variable's value as a number; `offset` is the name's place in the current expression. */
  private read(name: string, offset: number): Int {
    const text = this.vars.get(name);
    if (text === undefined || text === '') return 0;
    return plainDecimal(text) ?? this.run(text, offset);
  }

  private ev(n: Node, noeval: boolean): Int {
    switch (n.k) {
      case 'num':
        return n.value;
      case 'var':
        return noeval || n.offset < 0 ? 0 : this.read(n.name, n.offset);
      case 'unary':
        return unary(n.op, this.ev(n.a, noeval));
      case 'binary':
        return this.binary(n, noeval);
      case 'and': {
        const a = this.ev(n.a, noeval);
        const b = this.ev(n.b, noeval || a === 0);
        return a !== 0 && b !== 0 ? 1 : 0;
      }
      case 'or': {
        const a = this.ev(n.a, noeval);
        const b = this.ev(n.b, noeval || a !== 0);
        return a !== 0 || b !== 0 ? 1 : 0;
      }
      case 'cond': {
        const test = this.ev(n.test, noeval);
        const then = this.ev(n.then, noeval || test === 0);
        const otherwise = this.ev(n.otherwise, noeval || test !== 0);
        return test !== 0 ? then : otherwise;
      }
      case 'step':
        return this.step(n, noeval);
      case 'assign':
        return this.assign(n, noeval);
      case 'comma':
        this.ev(n.a, noeval);
        return this.ev(n.b, noeval);
      case 'fail':
        throw arithError(this.src, n.message, n.offset);
    }
  }

  private binary(n: Extract<Node, { k: 'binary' }>, noeval: boolean): Int {
    const a = this.ev(n.a, noeval);
    let b = this.ev(n.b, noeval);
    if (n.op === '**') {
      if (b === 0) return 1;
      if (b < 0) throw arithError(this.src, 'exponent less than 0', n.offset);
      return power(a, b);
    }
    if ((n.op === '/' || n.op === '%') && b === 0) {
      if (!noeval) throw arithError(this.src, 'division by 0', n.offset);
      b = 1;
    }
    return apply(n.op, a, b);
  }

  private step(n: Extract<Node, { k: 'step' }>, noeval: boolean): Int {
    if (noeval) return n.post ? 0 : n.delta;
    const old = this.read(n.name, n.offset);
    const value = add(old, n.delta);
    this.vars.set(n.name, intText(value));
    return n.post ? old : value;
  }

  private assign(n: Extract<Node, { k: 'assign' }>, noeval: boolean): Int {
    const old = n.op === null || noeval ? 0 : this.read(n.name, n.nameOffset);
    let value = this.ev(n.value, noeval);
    if (n.op !== null) {
      if ((n.op === '/' || n.op === '%') && value === 0) {
        if (!noeval) throw arithError(this.src, 'division by 0', n.offset);
        value = 1;
      }
      value = apply(n.op, old, value);
    }
    if (!noeval) this.vars.set(n.name, intText(value));
    return value;
  }
}

function unary(op: '-' | '+' | '!' | '~', a: Int): Int {
  switch (op) {
    case '-':
      return neg(a);
    case '+':
      return a;
    case '!':
      return a === 0 ? 1 : 0;
    case '~':
      return bitNot(a);
  }
}

/** A binary operator on 64-bit values; `b` is not 0 for `/` and `%`. */
function apply(op: BinaryOp, a: Int, b: Int): Int {
  switch (op) {
    case '+': return add(a, b);
    case '-': return sub(a, b);
    case '*': return mul(a, b);
    case '/': return div(a, b);
    case '%': return mod(a, b);
    case '**': return power(a, b);
    case '<<': return shiftLeft(a, b);
    case '>>': return shiftRight(a, b);
    case '<': return a < b ? 1 : 0;
    case '<=': return a <= b ? 1 : 0;
    case '>': return a > b ? 1 : 0;
    case '>=': return a >= b ? 1 : 0;
    case '==': return a === b ? 1 : 0;
    case '!=': return a !== b ? 1 : 0;
    case '&': return bitAnd(a, b);
    case '^': return bitXor(a, b);
    case '|': return bitOr(a, b);
  }
}
