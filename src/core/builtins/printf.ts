// `printf [-v var] format [arguments]` (builtins/printf.def). The format is reused while
// arguments remain (and it took any); a missing argument is "" or 0. A bad number is
// reported ("printf: x: invalid number"), counts as its longest valid prefix, and makes the
// status 1 while the output goes on. Output is bytes: escapes may make any byte, and widths
// and precisions count bytes, as the C library's do.

import { interpret } from './echo.js';
import { assignVariable } from './lib/assign.js';
import { formatFloat, formatInteger, parseFloating, parseInteger, type Spec } from './lib/printf-number.js';
import { backslashQuoted } from './lib/quote.js';
import { isValidName } from '../vars.js';
import type { Builtin, BuiltinContext } from './types.js';

const USAGE = 'printf [-v var] format [arguments]';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The end of all output: `\c` in a %b argument. */
class Stop extends Error {}

/** An error that ends the format (bad conversion character). */
class FormatError extends Error {}

export const printfBuiltin: Builtin = (ctx) => {
  let words = ctx.argv.slice(1);
  let target: string | undefined;
  if (words[0] === '-v') {
    target = words[1];
    if (target === undefined) {
      ctx.error('-v: option requires an argument');
      ctx.usage(USAGE);
      return 2;
    }
    if (!isValidName(target)) {
      ctx.error(`\`${target}': not a valid identifier`);
      return 1;
    }
    words = words.slice(2);
  } else if (words[0] !== undefined && /^-./.test(words[0]) && words[0] !== '--') {
    ctx.error(`${words[0].slice(0, 2)}: invalid option`);
    ctx.usage(USAGE);
    return 2;
  }
  if (words[0] === '--') words = words.slice(1);
  if (words.length === 0) {
    ctx.usage(USAGE);
    return 2;
  }
  const run = new Printf(ctx, words[0]!, words.slice(1));
  const status = run.all();
  const bytes = new Uint8Array(run.out);
  if (target !== undefined) return assignVariable(ctx, target, decoder.decode(bytes)) ? status : 1;
  else if (bytes.length > 0) ctx.io.out(bytes);
  return status;
};

class Printf {
  readonly out: number[] = [];
  private next = 0;
  private status = 0;

  constructor(private readonly ctx: BuiltinContext, private readonly format: string, private readonly args: readonly string[]) {}

  all(): number {
    try {
      do this.once();
      while (this.next > 0 && this.next < this.args.length);
    } catch (e) {
      if (e instanceof FormatError) return 1;
      if (!(e instanceof Stop)) throw e;
    }
    return this.status;
  }

  /** One pass over the format. */
  private once(): void {
    const f = this.format;
    let i = 0;
    while (i < f.length) {
      const c = f[i]!;
      if (c === '\\') i = this.escape(i);
      else if (c === '%') i = this.conversion(i);
      else {
        this.text(c);
        i++;
      }
    }
  }

  private text(s: string): void {
    for (const b of encoder.encode(s)) this.out.push(b);
  }

  /** A backslash escape of the format; returns the index after it. */
  private escape(i: number): number {
    const f = this.format;
    const octal = /^\\([0-7]{1,3})/.exec(f.slice(i));
    if (octal) {
      this.out.push(parseInt(octal[1]!, 8) & 0xff);
      return i + octal[0].length;
    }
    if (f[i + 1] === '"' || f[i + 1] === "'" || f[i + 1] === '?') {
      this.text(f[i + 1]!);
      return i + 2;
    }
    // \c is not special in the format, only in %b arguments
    if (f[i + 1] === 'c') {
      this.text('\\c');
      return i + 2;
    }
    const m = /^\\(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8}|.)?/s.exec(f.slice(i))!;
    for (const b of interpret(m[0]).bytes) this.out.push(b);
    return i + m[0].length;
  }

  private arg(): string | undefined {
    return this.next < this.args.length ? this.args[this.next++] : undefined;
  }

  private conversion(start: number): number {
    const f = this.format;
    const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?[hljLtz]*/.exec(f.slice(start))!;
    let i = start + m[0].length;
    const c = f[i];
    if (c === undefined) {
      this.ctx.error("`%': missing format character");
      throw new FormatError();
    }
    i++;
    if (c === '%' && m[0] === '%') {
      this.text('%');
      return i;
    }
    let flags = m[1]!;
    let width = m[2] === '*' ? this.starArg() : m[2] === undefined ? null : Number(m[2]);
    if (width !== null && width < 0) {
      flags += '-';
      width = -width;
    }
    let precision = m[3] === '*' ? this.starArg() : m[3] === undefined ? null : Number(m[3] || 0);
    if (precision !== null && precision < 0) precision = null;
    this.convert({ flags, width, precision, conversion: c });
    return i;
  }

  private starArg(): number {
    const word = this.arg();
    return word === undefined ? 0 : Number(this.integer(word));
  }

  private convert(spec: Spec): void {
    const c = spec.conversion;
    const word = this.arg();
    if (c === 's' || c === 'q' || c === 'b' || c === 'c') return this.string(spec, word ?? '');
    if ('diouxX'.includes(c)) return this.text(formatInteger(word === undefined ? 0n : this.integer(word), spec));
    if ('eEfFgG'.includes(c)) {
      const r = parseFloating(word ?? '0');
      this.report(word ?? '', r.invalid, r.range);
      return this.text(formatFloat(r.value, spec, r.negative));
    }
    this.ctx.error(`\`${c}': invalid format character`);
    throw new FormatError();
  }

  private string(spec: Spec, word: string): void {
    let bytes: Uint8Array;
    let stop = false;
    if (spec.conversion === 'b') {
      const r = interpret(word.replace(/\\([1-7])/g, '\\0$1'));
      bytes = r.bytes;
      stop = r.stop;
    } else if (spec.conversion === 'q') bytes = encoder.encode(backslashQuoted(word));
    // %c is the first byte (C's printf of a char); an empty argument gives a NUL byte
    else if (spec.conversion === 'c') bytes = word === '' ? new Uint8Array(1) : encoder.encode(word).subarray(0, 1);
    else bytes = encoder.encode(word);
    if (spec.precision !== null && spec.conversion !== 'c') bytes = bytes.subarray(0, spec.precision);
    const room = Math.max(0, (spec.width ?? 0) - bytes.length);
    const left = spec.flags.includes('-');
    if (!left) for (let k = 0; k < room; k++) this.out.push(32);
    for (const b of bytes) this.out.push(b);
    if (left) for (let k = 0; k < room; k++) this.out.push(32);
    if (stop) throw new Stop();
  }

  private integer(word: string): bigint {
    const r = parseInteger(word);
    this.report(word, r.invalid, r.range);
    return r.value;
  }

  private report(word: string, invalid: boolean, range: boolean): void {
    if (invalid) {
      this.ctx.error(`${word}: invalid number`);
      this.status = 1;
    } else if (range) {
      this.ctx.error(`warning: ${word}: Numerical result out of range`);
    }
  }
}
