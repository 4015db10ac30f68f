// /bin/echo from GNU coreutils (not the shell builtin): -n drops the newline, -e turns on
// backslash escapes (off by default, POSIXLY_CORRECT aside), -E turns them off. An argument is
// an option only if every letter in it is one of n, e, E.

import type { Program } from '../types.js';
import { out } from './lib.js';

const SIMPLE: Record<string, string> = { '\\': '\\', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** Expands echo -e escapes; `stop` is true when \c asked for no further output. */
export function expandEscapes(text: string): { text: string; stop: boolean } {
  let result = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\' || i + 1 >= text.length) {
      result += c;
      continue;
    }
    const n = text[i + 1]!;
    if (n === 'c') return { text: result, stop: true };
    if (SIMPLE[n] !== undefined) {
      result += SIMPLE[n];
      i++;
    } else if (n === 'x') {
      const digits = /^[0-9a-fA-F]{0,2}/.exec(text.slice(i + 2))![0];
      if (digits === '') {
        result += '\\';
        continue;
      }
      result += String.fromCharCode(parseInt(digits, 16));
      i += 1 + digits.length;
    } else if (n >= '0' && n <= '7') {
      // \0NNN and \NNN: up to three octal digits (after the 0, for \0).
      const from = n === '0' ? i + 2 : i + 1;
      const digits = /^[0-7]{0,3}/.exec(text.slice(from))![0];
      result += String.fromCharCode(digits === '' ? 0 : parseInt(digits, 8) & 0xff);
      i = from + digits.length - 1;
    } else {
      result += '\\';
    }
  }
  return { text: result, stop: false };
}

export const echo: Program = function* (argv) {
  let newline = true;
  let escapes = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (!/^-[neE]+$/.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === 'n') newline = false;
      else escapes = c === 'e';
    }
  }
  let text = argv.slice(i).join(' ');
  if (escapes) {
    const expanded = expandEscapes(text);
    if (expanded.stop) {
      yield* out(expanded.text);
      return 0;
    }
    text = expanded.text;
  }
  const w = yield* out(newline ? `${text}\n` : text);
  return w === 0 ? 0 : 1;
};
