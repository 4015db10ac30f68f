// Evaluates arithmetic as bash does: 64-bit signed integers that wrap, variables whose values
// are themselves expressions (to a depth of 1024), and short-circuit operators whose untaken
// side is still walked without effects (bash parses it in "noeval" mode, so a syntax error or
// a negative exponent there still fails, while a division by 0 does not).

import { arithError } from './error.js';
import { parseArith } from './parser.js';
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

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

/**
 * A plain decimal's value. Up to 15 digits it is exact as a double, and BigInt(Number(text))
 * costs a sixth of BigInt(text): loops read their counters on every turn.
 */
function decimal(text: string): bigint {
  return text.length <= 15 ? BigInt(Number(text)) : BigInt(text);
}

/** Whether `text` is blank (bash's value 0 for an empty expression). */
function blank(text: string): boolean {
  return /^[ \t\n\r]*$/.test(text);
}

/** A plain decimal that BigInt reads exactly as bash would (no octal, no blanks). */
const PLAIN = /^-?(?:0|[1-9][0-9]{0,17})$/;

/** Evaluates `src`; throws ArithError. */
export function evaluateArith(src: string, vars: ArithVariables): bigint {
  return new Evaluator(vars).run(src, 0);
}

class Evaluator {
  /** The expression being evaluated, for error messages. */
  private src = '';
  private depth = 0;

  constructor(private readonly vars: ArithVariables) {}

  run(src: string, offset: number): bigint {
    if (blank(src)) return 0n;
    if (this.depth >= MAX_DEPTH) throw arithError(this.src, 'expression recursion level exceeded', offset);
    const [outer, outerDepth] = [this.src, this.depth];
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
  private read(name: string, offset: number): bigint {
    const text = this.vars.get(name);
    if (text === undefined || text === '') return 0n;
    // at most 18 digits: always within 64 bits, nothing to wrap
    if (PLAIN.test(text)) return decimal(text);
    return this.run(text, offset);
  }

  private ev(n: Node, noeval: boolean): bigint {
    switch (n.k) {
      case 'num':
        return n.value;
      case 'var':
        return noeval || n.offset < 0 ? 0n : this.read(n.name, n.offset);
      case 'unary':
        return unary(n.op, this.ev(n.a, noeval));
      case 'binary':
        return this.binary(n, noeval);
      case 'and': {
        const a = this.ev(n.a, noeval);
        const b = this.ev(n.b, noeval || a === 0n);
        return a !== 0n && b !== 0n ? 1n : 0n;
      }
      case 'or': {
        const a = this.ev(n.a, noeval);
        const b = this.ev(n.b, noeval || a !== 0n);
        return a !== 0n || b !== 0n ? 1n : 0n;
      }
      case 'cond': {
        const test = this.ev(n.test, noeval);
        const then = this.ev(n.then, noeval || test === 0n);
        const otherwise = this.ev(n.otherwise, noeval || test !== 0n);
        return test !== 0n ? then : otherwise;
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

  private binary(n: Extract<Node, { k: 'binary' }>, noeval: boolean): bigint {
    const a = this.ev(n.a, noeval);
    let b = this.ev(n.b, noeval);
    if (n.op === '**') {
      if (b === 0n) return 1n;
      if (b < 0n) throw arithError(this.src, 'exponent less than 0', n.offset);
      return power(a, b);
    }
    if ((n.op === '/' || n.op === '%') && b === 0n) {
      if (!noeval) throw arithError(this.src, 'division by 0', n.offset);
      b = 1n;
    }
    return apply(n.op, a, b);
  }

  private step(n: Extract<Node, { k: 'step' }>, noeval: boolean): bigint {
    if (noeval) return n.post ? 0n : n.delta;
    const old = this.read(n.name, n.offset);
    const value = wrap(old + n.delta);
    this.vars.set(n.name, String(value));
    return n.post ? old : value;
  }

  private assign(n: Extract<Node, { k: 'assign' }>, noeval: boolean): bigint {
    const old = n.op === null || noeval ? 0n : this.read(n.name, n.nameOffset);
    let value = this.ev(n.value, noeval);
    if (n.op !== null) {
      if ((n.op === '/' || n.op === '%') && value === 0n) {
        if (!noeval) throw arithError(this.src, 'division by 0', n.offset);
        value = 1n;
      }
      value = apply(n.op, old, value);
    }
    if (!noeval) this.vars.set(n.name, String(value));
    return value;
  }
}

function unary(op: '-' | '+' | '!' | '~', a: bigint): bigint {
  switch (op) {
    case '-':
      return wrap(-a);
    case '+':
      return a;
    case '!':
      return a === 0n ? 1n : 0n;
    case '~':
      return ~a;
  }
}

/** A binary operator on 64-bit values; `b` is not 0 for `/` and `%`. */
function apply(op: BinaryOp, a: bigint, b: bigint): bigint {
  switch (op) {
    case '+': return wrap(a + b);
    case '-': return wrap(a - b);
    case '*': return wrap(a * b);
    case '/': return wrap(a / b); // truncates toward 0 like C; MIN / -1 wraps to MIN
    case '%': return a % b;
    case '**': return power(a, b);
    // x86 masks a shift count to 6 bits, which is what bash's C shifts do there
    case '<<': return wrap(a << (b & 63n));
    case '>>': return a >> (b & 63n);
    case '<': return a < b ? 1n : 0n;
    case '<=': return a <= b ? 1n : 0n;
    case '>': return a > b ? 1n : 0n;
    case '>=': return a >= b ? 1n : 0n;
    case '==': return a === b ? 1n : 0n;
    case '!=': return a !== b ? 1n : 0n;
    case '&': return a & b;
    case '^': return a ^ b;
    case '|': return a | b;
  }
}

/** bash's ipow: square and multiply, each step wrapping. */
function power(base: bigint, exp: bigint): bigint {
  let result = 1n;
  while (exp !== 0n) {
    if (exp & 1n) result = wrap(result * base);
    exp >>= 1n;
    base = wrap(base * base);
  }
  return result;
}
