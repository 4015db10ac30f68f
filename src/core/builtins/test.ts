// `test expr` and `[ expr ]` (builtins/test.def, test.c posixtest): POSIX's rules by argument
// count for up to four arguments, bash's recursive -o/-a/!/( ) grammar beyond. A syntax error
// prints "test: message" (or "[: …") and the status is 2; true is 0, false 1.

import { binaryTest, isBinary, isUnary, unaryTest } from './lib/testops.js';
import type { Builtin, BuiltinContext } from './types.js';

/** A syntax error of the expression: ends the evaluation with status 2. */
class TestSyntax extends Error {}

export const testBuiltin: Builtin = (ctx) => {
  const bracket = ctx.argv[0] === '[';
  if (bracket && ctx.argv[ctx.argv.length - 1] !== ']') {
    ctx.error("missing `]'");
    return 2;
  }
  const args = ctx.argv.slice(1, bracket ? -1 : undefined);
  try {
    return new Evaluator(ctx, args, ctx.argv[0] === '[' ? ']' : undefined).run() ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestSyntax)) throw e;
    ctx.error(e.message);
    return 2;
  }
};

class Evaluator {
  private pos = 0;

  /** `closing`: the `]` of `[`, which bash names when a `)` is missing at the end. */
  constructor(private readonly ctx: BuiltinContext, private readonly argv: readonly string[], private readonly closing?: string) {}

  run(): boolean {
    const value = this.posix();
    if (this.pos !== this.argv.length) {
      const word = this.argv[this.pos];
      if (word !== undefined && word.startsWith('-')) throw new TestSyntax(`syntax error: \`${word}' unexpected`);
      throw new TestSyntax('too many arguments');
    }
    return value;
  }

  /** POSIX decides by the number of arguments; five and more are bash's grammar. */
  private posix(): boolean {
    const a = this.argv;
    switch (a.length) {
      case 0: return false;
      case 1:
        this.pos = 1;
        return a[0] !== '';
      case 2: return this.done(this.two());
      case 3: return this.three();
      case 4:
        if (a[0] === '!') {
          this.pos = 1;
          return !this.three();
        }
        if (a[0] === '(' && a[3] === ')') {
          this.pos = 1;
          const value = this.two();
          this.pos = 4;
          return value;
        }
        return this.expr();
      default: return this.expr();
    }
  }

  private done(value: boolean): boolean {
    this.pos = this.argv.length;
    return value;
  }

  private two(): boolean {
    const first = this.argv[this.pos]!;
    const second = this.argv[this.pos + 1]!;
    if (first === '!') return second === '';
    if (isUnary(first)) return unaryTest(this.ctx, first, second);
    throw new TestSyntax(`${first}: unary operator expected`);
  }

  private three(): boolean {
    const a = this.argv[this.pos]!;
    const op = this.argv[this.pos + 1]!;
    const b = this.argv[this.pos + 2]!;
    if (isBinary(op)) return this.done(this.binary(a, op, b));
    if (op === '-a') return this.done(a !== '' && b !== '');
    if (op === '-o') return this.done(a !== '' || b !== '');
    if (a === '!') {
      this.pos++;
      return this.done(!this.two());
    }
    if (a === '(' && b === ')') return this.done(op !== '');
    throw new TestSyntax(`${op}: binary operator expected`);
  }

  private expr(): boolean {
    if (this.pos >= this.argv.length) throw new TestSyntax('argument expected');
    return this.or();
  }

  private or(): boolean {
    const value = this.and();
    if (this.argv[this.pos] !== '-o') return value;
    this.pos++;
    const right = this.or();
    return value || right;
  }

  private and(): boolean {
    const value = this.term();
    if (this.argv[this.pos] !== '-a') return value;
    this.pos++;
    const right = this.and();
    return value && right;
  }

  private term(): boolean {
    const a = this.argv;
    if (this.pos >= a.length) throw new TestSyntax('argument expected');
    if (a[this.pos] === '!') {
      let negate = false;
      while (a[this.pos] === '!') {
        this.advance(true);
        negate = !negate;
      }
      return negate ? !this.term() : this.term();
    }
    if (a[this.pos] === '(') {
      this.advance(true);
      const value = this.expr();
      const close = a[this.pos] ?? this.closing;
      if (close === undefined) throw new TestSyntax("`)' expected");
      if (close !== ')') throw new TestSyntax(`\`)' expected, found ${close}`);
      this.pos++;
      return value;
    }
    if (this.pos + 3 <= a.length && isBinary(a[this.pos + 1]!)) {
      const value = this.binary(a[this.pos]!, a[this.pos + 1]!, a[this.pos + 2]!);
      this.pos += 3;
      return value;
    }
    const word = a[this.pos]!;
    if (/^-.$/.test(word)) {
      if (!isUnary(word)) throw new TestSyntax(`${word}: unary operator expected`);
      return this.unary(word);
    }
    this.pos++;
    return word !== '';
  }

  private unary(op: string): boolean {
    this.advance(op !== '-t');
    if (op === '-t' && this.pos >= this.argv.length) return this.ctx.shell.port.isatty(1);
    const operand = this.argv[this.pos]!;
    this.pos++;
    return unaryTest(this.ctx, op, operand);
  }

  private advance(needMore: boolean): void {
    this.pos++;
    if (needMore && this.pos >= this.argv.length) throw new TestSyntax('argument expected');
  }

  private binary(a: string, op: string, b: string): boolean {
    const result = binaryTest(this.ctx, a, op, b);
    if (typeof result === 'boolean') return result;
    throw new TestSyntax(`${result.bad}: integer expression expected`);
  }
}

