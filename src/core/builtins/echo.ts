// bash's echo (builtins/echo.def): leading words made only of n, e and E are options (so
// "-n" is one, "-nx" and "-" are text); -e turns on the escapes of lib/sh/strtrans.c ansicstr
// in its echo flavour, where \c ends all output and \0nnn takes up to three octal digits.

import type { Builtin } from './types.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

const SIMPLE: Readonly<Record<string, number>> = {
  a: 7, b: 8, e: 27, E: 27, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92,
};

export const echoBuiltin: Builtin = (ctx) => {
  const words = ctx.argv.slice(1);
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < words.length && /^-[neE]+$/.test(words[i]!); i++) {
    for (const c of words[i]!.slice(1)) {
      if (c === 'n') newline = false;
      else escapes = c === 'e';
    }
  }
  let out = '';
  for (; i < words.length; i++) {
    if (escapes) {
      const { text, stop } = interpret(words[i]!);
      out += text;
      if (stop) {
        newline = false;
        break;
      }
    } else {
      out += words[i]!;
    }
    if (i + 1 < words.length) out += ' ';
  }
  ctx.io.out(newline ? `${out}\n` : out);
  return 0;
};

/**
 * Expands echo -e escapes. Escapes make bytes, so the result is assembled as bytes and decoded
 * as UTF-8: "\xc3\xa9" gives "é". (A lone byte ≥ 0x80 cannot pass through the text-only
 * builtin output and becomes U+FFFD.)
 */
export function interpret(word: string): { text: string; stop: boolean } {
  const bytes: number[] = [];
  const literal = (s: string): void => {
    for (const b of encoder.encode(s)) bytes.push(b);
  };
  let s = 0;
  while (s < word.length) {
    const c = word[s++]!;
    if (c !== '\\' || s === word.length) {
      literal(c);
      continue;
    }
    const e = word[s++]!;
    if (e in SIMPLE) {
      bytes.push(SIMPLE[e]!);
    } else if (e === 'c') {
      return { text: decoder.decode(new Uint8Array(bytes)), stop: true };
    } else if (e === '0') {
      const m = /^[0-7]{0,3}/.exec(word.slice(s))![0];
      s += m.length;
      bytes.push(m ? parseInt(m, 8) & 0xff : 0);
    } else if (e === 'x') {
      const m = /^[0-9a-fA-F]{0,2}/.exec(word.slice(s))![0];
      s += m.length;
      if (m) bytes.push(parseInt(m, 16));
      else literal('\\x');
    } else if (e === 'u' || e === 'U') {
      const m = new RegExp(`^[0-9a-fA-F]{0,${e === 'u' ? 4 : 8}}`).exec(word.slice(s))![0];
      s += m.length;
      if (m) literal(codePoint(parseInt(m, 16)));
      else literal(`\\${e}`);
    } else {
      // Unknown escapes, and \1-\7 (octal needs the leading 0 in echo), stay as written.
      literal(`\\${e}`);
    }
  }
  return { text: decoder.decode(new Uint8Array(bytes)), stop: false };
}

function codePoint(v: number): string {
  return v <= 0x10ffff && (v < 0xd800 || v > 0xdfff) ? String.fromCodePoint(v) : '\ufffd';
}
