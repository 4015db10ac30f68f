// How printf reads a numeric argument and writes a number (bash's getintmax/getfloatmax and
// the C library's conversions): base prefixes, 'c for a character's code, the longest valid
// prefix on an error, and the flags, width and precision of %d %o %u %x %e %f %g.

import { exponentDigits, fixedDigits } from './decimal.js';

const INTMAX = (1n << 63n) - 1n;
const INTMIN = -(1n << 63n);

export interface ParsedNumber<T> {
  readonly value: T;
  /** Not all of the argument was a number: "ARG: invalid number", status 1. */
  readonly invalid: boolean;
  /** Clamped to intmax_t: a warning, status unchanged. */
  readonly range: boolean;
  /** A sign for NaN, which a number cannot carry ("-nan"). */
  readonly negative?: boolean;
}

/** A leading ' or " makes the next character's code the value (POSIX). */
function charCode(arg: string): number | null {
  if (arg[0] !== "'" && arg[0] !== '"') return null;
  return arg.length > 1 ? arg.codePointAt(1)! : 0;
}

export function parseInteger(arg: string): ParsedNumber<bigint> {
  const code = charCode(arg);
  if (code !== null) return { value: BigInt(code), invalid: false, range: false };
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(arg);
  if (!m) return { value: 0n, invalid: arg !== '', range: false };
  const digits = m[2]!;
  let value = /^0[xX]/.test(digits) ? BigInt(digits) : digits.length > 1 && digits[0] === '0' ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
  if (m[1] === '-') value = -value;
  const range = value > INTMAX || value < INTMIN;
  if (value > INTMAX) value = INTMAX;
  if (value < INTMIN) value = INTMIN;
  return { value, invalid: m[0].length !== arg.length, range };
}

export function parseFloating(arg: string): ParsedNumber<number> {
  const code = charCode(arg);
  if (code !== null) return { value: code, invalid: false, range: false };
  const m = /^\s*[+-]?(0[xX][0-9a-fA-F]+|inf(inity)?|nan|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)/i.exec(arg);
  if (!m) return { value: 0, invalid: arg !== '', range: false };
  const text = m[0].trim();
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[+-]/, '').toLowerCase();
  const value = body.startsWith('inf') ? Infinity : body === 'nan' ? NaN : body.startsWith('0x') ? Number(body) : Number(body);
  return { value: sign * value, invalid: m[0].length !== arg.length, range: false, negative: sign < 0 };
}

export interface Spec {
  readonly flags: string;
  readonly width: number | null;
  readonly precision: number | null;
  readonly conversion: string;
}

export function formatInteger(n: bigint, spec: Spec): string {
  const c = spec.conversion;
  const signed = c === 'd' || c === 'i';
  const value = signed ? n : BigInt.asUintN(64, n);
  let digits = (value < 0n ? -value : value).toString(c === 'o' ? 8 : c === 'x' || c === 'X' ? 16 : 10);
  if (c === 'X') digits = digits.toUpperCase();
  if (spec.precision !== null) digits = spec.precision === 0 && value === 0n ? '' : digits.padStart(spec.precision, '0');
  let prefix = value < 0n ? '-' : signed && spec.flags.includes('+') ? '+' : signed && spec.flags.includes(' ') ? ' ' : '';
  if (spec.flags.includes('#')) {
    if (c === 'o' && !digits.startsWith('0')) digits = `0${digits}`;
    if ((c === 'x' || c === 'X') && value !== 0n) prefix += c === 'x' ? '0x' : '0X';
  }
  return pad(prefix, digits, spec, spec.precision === null);
}

export function formatFloat(x: number, spec: Spec, negativeNaN = false): string {
  const c = spec.conversion;
  const upper = c === c.toUpperCase();
  const sign = x < 0 || Object.is(x, -0) || (negativeNaN && Number.isNaN(x)) ? '-' : spec.flags.includes('+') ? '+' : spec.flags.includes(' ') ? ' ' : '';
  const a = Math.abs(x);
  if (!Number.isFinite(a)) {
    const word = Number.isNaN(a) ? 'nan' : 'inf';
    return pad(sign, upper ? word.toUpperCase() : word, spec, false);
  }
  const p = spec.precision ?? 6;
  const alt = spec.flags.includes('#');
  let body: string;
  if (c === 'f' || c === 'F') body = fixed(a, p, alt);
  else if (c === 'e' || c === 'E') body = exponential(a, p, alt);
  else body = general(a, p === 0 ? 1 : p, alt);
  return pad(sign, upper ? body.toUpperCase() : body, spec, true);
}

function fixed(a: number, p: number, alt: boolean): string {
  const s = fixedDigits(a, p);
  return alt && p === 0 ? `${s}.` : s;
}

function exponential(a: number, p: number, alt: boolean): string {
  const { digits, exponent: e } = exponentDigits(a, p);
  const m = p === 0 ? (alt ? `${digits}.` : digits) : `${digits[0]}.${digits.slice(1)}`;
  return `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

/** %g: %e or %f by the exponent, then trailing zeros dropped unless '#'. */
function general(a: number, p: number, alt: boolean): string {
  const x = exponentDigits(a, p - 1).exponent;
  const s = x < -4 || x >= p ? exponential(a, p - 1, alt) : fixed(a, p - 1 - x, alt);
  return alt ? s : stripZeros(s);
}

function stripZeros(s: string): string {
  const [m, e] = s.split('e');
  if (!m!.includes('.')) return s;
  const t = m!.replace(/0+$/, '').replace(/\.$/, '');
  return e === undefined ? t : `${t}e${e}`;
}

/** Width: spaces before (after with '-'), or zeros after the sign with '0' when `zeroOk`. */
function pad(prefix: string, body: string, spec: Spec, zeroOk: boolean): string {
  const width = spec.width ?? 0;
  const length = prefix.length + body.length;
  if (length >= width) return prefix + body;
  if (spec.flags.includes('-')) return prefix + body + ' '.repeat(width - length);
  if (zeroOk && spec.flags.includes('0')) return prefix + '0'.repeat(width - length) + body;
  return ' '.repeat(width - length) + prefix + body;
}
