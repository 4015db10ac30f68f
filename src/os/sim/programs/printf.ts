// printf: /usr/bin/printf from GNU coreutils, and the same formatting for dash's builtin (with
// dash's messages). Conversions %s %b %c %d %i %u %o %x %X %e %f %g %%, with flags, width and
// precision; the format is reused while arguments remain; \ escapes in the format as echo -e.

import type { Code, Program } from '../types.js';
import { expandEscapes } from './echo.js';
import { err, out } from './lib.js';

/** How the caller words problems: coreutils or dash. */
export interface PrintfStyle {
  badNumber(arg: string): string;
  badDirective(directive: string): string;
  /** Whether \c in the format ends the output (coreutils) or is printed as it is (dash). */
  readonly formatStops: boolean;
}

const COREUTILS = (prog: string): PrintfStyle => ({
  badNumber: (arg) => `${prog}: '${arg}': expected a numeric value`,
  badDirective: (d) => `${prog}: ${d}: invalid conversion specification`,
  formatStops: true,
});

function numeric(arg: string | undefined, warn: (m: string) => void, style: PrintfStyle, float: boolean): number {
  if (arg === undefined || arg === '') return 0;
  if (/^['"]./.test(arg)) return arg.codePointAt(1)!;
  const n = float ? Number(arg) : /^[+-]?(0[xX][0-9a-fA-F]+|\d+)$/.test(arg.trim()) ? Number(arg.trim().replace(/^([+-]?)0+(\d)/, '$1$2')) : NaN;
  if (Number.isNaN(n)) {
    warn(style.badNumber(arg));
    const lead = /^[+-]?\d+/.exec(arg);
    return lead ? Number(lead[0]) : 0;
  }
  return n;
}

function pad(text: string, flags: string, width: number | undefined, numericValue: boolean): string {
  if (width === undefined || text.length >= width) return text;
  if (flags.includes('-')) return text.padEnd(width);
  if (flags.includes('0') && numericValue) {
    const sign = /^[+-]/.test(text) ? text[0]! : '';
    return sign + text.slice(sign.length).padStart(width - sign.length, '0');
  }
  return text.padStart(width);
}

/** Formats once through `format`, consuming arguments; returns the text and whether \c stopped it. */
function once(format: string, args: string[], style: PrintfStyle, warn: (m: string) => void): { text: string; stop: boolean; bad: boolean } {
  let text = '';
  const spec = /%([-+ #0]*)(\d+|\*)?(?:\.(\d*|\*))?([a-zA-Z%])?/y;
  for (let i = 0; i < format.length; ) {
    if (format[i] !== '%') {
      const next = format.indexOf('%', i);
      const chunk = format.slice(i, next < 0 ? undefined : next);
      const e = expandEscapes(style.formatStops ? chunk : chunk.replace(/\\c/g, '\\\\c'));
      text += e.text;
      if (e.stop) return { text, stop: true, bad: false };
      i += chunk.length;
      continue;
    }
    spec.lastIndex = i;
    const m = spec.exec(format)!;
    const [all, flags = '', w, p, conv] = m;
    i += all.length;
    if (conv === '%') {
      text += '%';
      continue;
    }
    const width = w === '*' ? numeric(args.shift(), warn, style, false) : w === undefined ? undefined : Number(w);
    const precision = p === '*' ? numeric(args.shift(), warn, style, false) : p === undefined ? undefined : Number(p || 0);
    if (conv === undefined || !'sbcdiuoxXeEfFgG'.includes(conv)) {
      warn(style.badDirective(conv === undefined ? all : `%${conv}`));
      return { text, stop: true, bad: true };
    }
    const arg = args.shift();
    if (conv === 's' || conv === 'b' || conv === 'c') {
      let s = arg ?? '';
      if (conv === 'b') {
        const e = expandEscapes(s);
        text += pad(e.text, flags, width, false);
        if (e.stop) return { text, stop: true, bad: false };
        continue;
      }
      if (conv === 'c') s = s.slice(0, 1);
      if (precision !== undefined) s = s.slice(0, precision);
      text += pad(s, flags, width, false);
      continue;
    }
    const float = 'eEfFgG'.includes(conv);
    const n = numeric(arg, warn, style, float);
    let body: string;
    if (float) {
      const digits = precision ?? 6;
      body = conv === 'f' || conv === 'F' ? Math.abs(n).toFixed(digits) : conv === 'e' || conv === 'E' ? Math.abs(n).toExponential(digits).replace(/e([+-])(\d)$/, 'e$10$2') : String(Number(Math.abs(n).toPrecision(digits || 1)));
      if (conv === 'E' || conv === 'G') body = body.toUpperCase();
    } else {
      const int = Math.trunc(Math.abs(n));
      body = conv === 'o' ? int.toString(8) : conv === 'x' ? int.toString(16) : conv === 'X' ? int.toString(16).toUpperCase() : String(int);
      if (precision !== undefined) body = body.padStart(precision, '0');
    }
    const sign = n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
    text += pad(sign + body, flags, width, true);
  }
  return { text, stop: false, bad: false };
}

/** printf FORMAT ARGS...: the text, the warnings to print, and the status (1 after a bad number). */
export function formatAll(format: string, operands: readonly string[], style: PrintfStyle): { text: string; warnings: string[]; status: number; bad: boolean } {
  const warnings: string[] = [];
  const args = [...operands];
  let text = '';
  let status = 0;
  const warn = (m: string) => {
    warnings.push(m);
    status = 1;
  };
  for (;;) {
    const before = args.length;
    const r = once(format, args, style, warn);
    text += r.text;
    if (r.bad) return { text, warnings, status: 1, bad: true };
    if (r.stop || args.length === 0 || args.length === before) break;
  }
  return { text, warnings, status, bad: false };
}

export const printf: Program = function* (argv): Code<number> {
  const prog = argv[0] ?? 'printf';
  const args = argv.slice(1);
  if (args[0] === '--') args.shift();
  if (args.length === 0) {
    yield* err(`${prog}: missing operand\nTry '${prog} --help' for more information.\n`);
    return 1;
  }
  const r = formatAll(args[0]!, args.slice(1), COREUTILS(prog));
  // A complaint comes out when its conversion is reached, before the line it belongs to.
  for (const w of r.warnings) yield* err(`${w}\n`);
  yield* out(r.text);
  return r.status;
};
