// Integer constants as bash's strlong reads them: decimal, `0` octal, `0x` hex and
// `base#digits` for bases 2 to 64 (digits 0-9, a-z, A-Z, @, _; letters fold below base 37).
// Overflow wraps to 64 bits, as bash's unchecked C arithmetic does.

import { fromBig, type Int } from './int.js';

export type Constant = { readonly value: Int } | { readonly error: string };

function digitValue(c: number, base: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 65 + (base <= 36 ? 10 : 36);
  if (c === 64) return 62; // @
  if (c === 95) return 63; // _
  return -1;
}

function isDigitChar(c: number): boolean {
  return digitValue(c, 64) >= 0;
}

/** The value of the constant `text` (a run of alphanumerics, `#`, `@` and `_`). */
export function readConstant(text: string): Constant {
  let i = 0;
  let base = 10;
  let foundBase = false;
  if (text.charCodeAt(0) === 48) {
    i = 1;
    if (text.length === 1) return { value: 0 };
    const c = text[1];
    if (c === 'x' || c === 'X') {
      base = 16;
      i = 2;
    } else base = 8;
    foundBase = true;
  }
  if (base === 10 && text.length <= 15 && /^[0-9]+$/.test(text)) return { value: Number(text) };
  let value = 0n;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 35) {
      // '#'
      if (foundBase) return { error: 'invalid number' };
      if (value < 2n || value > 64n) return { error: 'invalid arithmetic base' };
      base = Number(value);
      value = 0n;
      foundBase = true;
      if (i + 1 >= text.length || !isDigitChar(text.charCodeAt(i + 1))) return { error: 'invalid integer constant' };
      continue;
    }
    const d = digitValue(c, base);
    if (d < 0) break;
    if (d >= base) return { error: 'value too great for base' };
    value = BigInt.asIntN(64, value * BigInt(base) + BigInt(d));
  }
  return { value: fromBig(value) };
}
