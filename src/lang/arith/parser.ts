// Recursive descent over bash's grammar (expr.c), lowest precedence first: comma, assignment,
// ?:, ||, &&, |, ^, &, == !=, < <= > >=, << >>, + -, * / %, ** (right associative), unary
// + - ! ~ (binding tighter than **, so -2**2 is 4), then operands. On the first syntax error
// the parser records a 'fail' node and unwinds, keeping what was complete before it.

import { tokenize, type Token } from './lexer.js';
import { ZERO, type BinaryOp, type Node } from './tree.js';

const LEVELS: readonly (readonly string[])[] = [
  ['|'],
  ['^'],
  ['&'],
  ['==', '!='],
  ['<', '<=', '>', '>='],
  ['<<', '>>'],
  ['+', '-'],
  ['*', '/', '%'],
];

const ASSIGN_OPS: Partial<Record<string, BinaryOp | null>> = {
  '=': null, '*=': '*', '/=': '/', '%=': '%', '+=': '+', '-=': '-',
  '<<=': '<<', '>>=': '>>', '&=': '&', '^=': '^', '|=': '|',
};

const DEAD: Token = { type: 'DEAD', start: 0 };

export function parseArith(src: string): Node {
  return new Parser(src).parse();
}

class Parser {
  private readonly tokens: Token[];
  private i = 0;
  private cur: Token;
  /** bash's lasttok as far as assignments care: whether the last operand was a bare name. */
  private bareName = false;
  private dead = false;

  constructor(private readonly src: string) {
    this.tokens = tokenize(src);
    this.cur = this.tokens[0]!;
  }

  parse(): Node {
    const first = this.cur;
    if (first.type === 'ERR') return this.fail(first.message!, first.start);
    const tree = this.comma();
    if (this.dead || this.cur.type === 'EOF') return tree;
    return seq(tree, this.fail('syntax error in expression', this.errorOffset()));
  }

  /** Where bash's lasttp stands: the current token, or the last real one at the end. */
  private errorOffset(): number {
    if (this.cur.type !== 'EOF') return this.cur.start;
    return this.i > 0 ? this.tokens[this.i - 1]!.start : this.cur.start;
  }

  /** Moves to the next token; returns a fail node if that token is a lexical error. */
  private advance(): Node | null {
    if (this.dead) return null;
    this.i++;
    this.cur = this.tokens[this.i]!;
    if (this.cur.type === 'ERR') return this.fail(this.cur.message!, this.cur.start);
    return null;
  }

  /** Whether the current token is `type` (a method, so that TypeScript does not narrow it). */
  private at(type: string): boolean {
    return this.cur.type === type;
  }

  private fail(message: string, offset: number): Node {
    if (this.dead) return ZERO; // never evaluated: the first failure comes before it
    this.dead = true;
    this.cur = DEAD;
    return { k: 'fail', message, offset };
  }

  private comma(): Node {
    let node = this.assign();
    while (this.cur.type === ',') {
      const f = this.advance();
      if (f) return seq(node, f);
      node = { k: 'comma', a: node, b: this.assign() };
    }
    return node;
  }

  private assign(): Node {
    const lhs = this.cond();
    const op = ASSIGN_OPS[this.cur.type];
    if (op === undefined) return lhs;
    if (!this.bareName || lhs.k !== 'var') return seq(lhs, this.fail('attempted assignment to non-variable', this.cur.start));
    const f = this.advance();
    if (f) return seq(lhs, f);
    const value = this.assign();
    this.bareName = false;
    return { k: 'assign', name: lhs.name, op, value, offset: this.errorOffset(), nameOffset: lhs.offset };
  }

  private cond(): Node {
    const test = this.or();
    if (!this.at('?')) return test;
    let f = this.advance();
    if (f) return seq(test, f);
    if (this.at('EOF') || this.at(':')) return seq(test, this.fail('expression expected', this.errorOffset()));
    const then = this.comma();
    if (!this.at(':')) {
      const fail = this.fail("`:' expected for conditional expression", this.errorOffset());
      return { k: 'cond', test, then, otherwise: fail };
    }
    f = this.advance();
    if (f) return { k: 'cond', test, then, otherwise: f };
    if (this.at('EOF')) return { k: 'cond', test, then, otherwise: this.fail('expression expected', this.errorOffset()) };
    const otherwise = this.cond();
    this.bareName = false;
    return { k: 'cond', test, then, otherwise };
  }

  private or(): Node {
    let node = this.and();
    while (this.cur.type === '||') {
      const f = this.advance();
      if (f) return seq(node, f);
      node = { k: 'or', a: node, b: this.and() };
      this.bareName = false;
    }
    return node;
  }

  private and(): Node {
    let node = this.binary(0);
    while (this.cur.type === '&&') {
      const f = this.advance();
      if (f) return seq(node, f);
      node = { k: 'and', a: node, b: this.binary(0) };
      this.bareName = false;
    }
    return node;
  }

  private binary(level: number): Node {
    if (level === LEVELS.length) return this.power();
    const ops = LEVELS[level]!;
    let node = this.binary(level + 1);
    while (ops.includes(this.cur.type)) {
      const op = this.cur.type as BinaryOp;
      // bash's error token for division by 0: the text after the operator, blanks skipped
      let after = this.cur.start + op.length;
      while (this.src[after] === ' ' || this.src[after] === '\t') after++;
      const f = this.advance();
      if (f) return seq(node, f);
      node = { k: 'binary', op, a: node, b: this.binary(level + 1), offset: after };
      this.bareName = false;
    }
    return node;
  }

  private power(): Node {
    const base = this.unary();
    if (this.cur.type !== '**') return base;
    const f = this.advance();
    if (f) return seq(base, f);
    const exponent = this.power();
    this.bareName = false;
    return { k: 'binary', op: '**', a: base, b: exponent, offset: this.errorOffset() };
  }

  private unary(): Node {
    const t = this.cur.type;
    if (t !== '-' && t !== '+' && t !== '!' && t !== '~') return this.operand();
    const f = this.advance();
    if (f) return f;
    const a = this.unary();
    this.bareName = false;
    return { k: 'unary', op: t, a };
  }

  private operand(): Node {
    const t = this.cur;
    if (this.dead) return ZERO;
    if (t.type === 'PREINC' || t.type === 'PREDEC') return this.preStep(t);
    if (t.type === '(') return this.parenthesized();
    if (t.type === 'NUM') {
      this.bareName = false;
      return this.advance() ?? { k: 'num', value: t.value! };
    }
    if (t.type === 'STR') return this.name(t);
    return this.fail('syntax error: operand expected', this.errorOffset());
  }

  private preStep(t: Token): Node {
    const f = this.advance(); // the lexer made sure a name follows
    if (f) return f;
    const name = this.cur;
    const next = this.tokens[this.i + 1]!;
    if (next.type === 'ERR') return this.advance()!; // bash's look-ahead fails before the read
    const node: Node = { k: 'step', name: name.name!, delta: t.type === 'PREINC' ? 1 : -1, post: false, offset: name.start };
    this.bareName = false;
    return seq(node, this.advance());
  }

  private parenthesized(): Node {
    const f = this.advance();
    if (f) return f;
    const inner = this.comma();
    if (this.dead) return inner;
    if (this.cur.type !== ')') return seq(inner, this.fail("missing `)'", this.errorOffset()));
    this.bareName = false;
    return seq(inner, this.advance());
  }

  private name(t: Token): Node {
    const next = this.tokens[this.i + 1]!;
    // bash peeks past a name before reading it: a bad token there fails first
    if (next.type === 'ERR') return this.advance()!;
    if (next.type === 'POSTINC' || next.type === 'POSTDEC') {
      this.advance();
      const node: Node = { k: 'step', name: t.name!, delta: next.type === 'POSTINC' ? 1 : -1, post: true, offset: t.start };
      this.bareName = false;
      return seq(node, this.advance());
    }
    // before `=` bash does not read the variable (its value may not even parse)
    const node: Node = next.type === '=' ? { k: 'var', name: t.name!, offset: -1 } : { k: 'var', name: t.name!, offset: t.start };
    this.advance();
    this.bareName = true;
    return node;
  }
}

/** `a` then `b` (a failure), or `a` alone. */
function seq(a: Node, b: Node | null): Node {
  return b === null ? a : { k: 'comma', a, b };
}
