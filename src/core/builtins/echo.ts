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
  if (!escapes) {
    const out = words.slice(i).join(' ');
    ctx.io.out(newline ? `${out}\n` : out);
    return 0;
  }
  // Escapes make bytes, which need not be UTF-8: the output is assembled as bytes.
  const parts: Uint8Array[] = [];
  for (; i < words.length; i++) {
    const { bytes, stop } = interpret(words[i]!);
    parts.push(bytes);
    if (stop) {
      newline = false;
      break;
    }
    if (i + 1 < words.length) parts.push(SPACE);
  }
  if (newline) parts.push(NEWLINE);
  ctx.io.out(Buffer.concat(parts));
  return 0;
};

const SPACE = encoder.encode(' ');
const NEWLINE = encoder.encode('\n');

/**
 * Expands echo -e escapes into bytes ("\xff" is the byte 0xff, "\xc3\xa9" is "é" in UTF-8);
 * `text` is the same decoded as UTF-8, for callers that want a string.
 */
export function interpret(word: string): { bytes: Uint8Array; text: string; stop: boolean } {
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
      return result(bytes, true);
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
  return result(bytes, false);
}

function result(list: number[], stop: boolean): { bytes: Uint8Array; text: string; stop: boolean } {
  const bytes = new Uint8Array(list);
  return { bytes, text: decoder.decode(bytes), stop };
}

function codePoint(v: number): string {
  return v <= 0x10ffff && (v < 0xd800 || v > 0xdfff) ? String.fromCodePoint(v) : '\ufffd';
}
