// Parsing the values that directives take: text, patterns, keys, signals, numbers.
// Each parser throws a LineError saying what is wrong; the caller adds FILE:LINE.

import { constants } from 'node:os';
import { keyBytes, type KeyName } from '../keys.js';
import type { Pattern } from '../match.js';
import { LineError } from './errors.js';

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', e: '\x1b', '0': '\0', '\\': '\\', '"': '"' };

/** Decode the inside of a "…" string: \n \r \t \e \0 \\ \" \xNN \uNNNN. */
export function unescape(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)/g, (_, code: string) => {
    if (code.length > 1) return String.fromCharCode(parseInt(code.slice(1), 16));
    const known = ESCAPES[code];
    if (known === undefined) throw new LineError(`unknown escape \\${code} in quoted text`);
    return known;
  });
}

/** Index of the quote that closes the "…" starting at 0, or -1. */
function closingQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/**
 * Text as written after a directive: taken literally (trailing blanks
 * dropped), or in double quotes with escapes for blanks and control characters.
 */
export function parseText(raw: string): string {
  const text = raw.trimEnd();
  if (!text.startsWith('"')) return text;
  const end = closingQuote(text);
  if (end < 0) throw new LineError(`unterminated quoted text: ${text}`);
  if (end !== text.length - 1) throw new LineError(`unexpected text after the closing quote: ${text.slice(end + 1)}`);
  return unescape(text.slice(1, end));
}

/** `/regex/flags` is a regular expression; anything else is text, as for {@link parseText}. */
export function parsePattern(raw: string): Pattern {
  const text = raw.trim();
  if (text === '') throw new LineError('missing pattern');
  if (!text.startsWith('/')) return parseText(text);
  const end = text.lastIndexOf('/');
  if (end === 0) throw new LineError(`bad regular expression ${text}: no closing / (quote text that starts with /)`);
  try {
    return new RegExp(text.slice(1, end), text.slice(end + 1));
  } catch (error) {
    throw new LineError(`bad regular expression ${text}: ${(error as Error).message}`);
  }
}

/** `^C`, `^Z`, `^\` or any key name the library knows (`Enter`, `Ctrl+C`, `Up`, `Alt+b`). */
export function parseKey(raw: string): KeyName {
  const name = /^\^(.)$/.test(raw) ? `Ctrl+${raw[1]!.toUpperCase()}` : raw;
  try {
    keyBytes(name as KeyName);
  } catch {
    throw new LineError(`unknown key ${JSON.stringify(raw)} (try ^C, Enter, Tab, Up, Ctrl+D, Alt+b)`);
  }
  return name as KeyName;
}

/** A signal by name (`INT`, `SIGINT`) or number (`2`). */
export function parseSignal(raw: string): NodeJS.Signals {
  const table = constants.signals as Record<string, number>;
  if (/^\d+$/.test(raw)) {
    const entry = Object.entries(table).find(([, n]) => n === Number(raw));
    if (entry) return entry[0] as NodeJS.Signals;
  } else {
    const name = raw.toUpperCase().startsWith('SIG') ? raw.toUpperCase() : `SIG${raw.toUpperCase()}`;
    if (table[name] !== undefined) return name as NodeJS.Signals;
  }
  throw new LineError(`unknown signal ${JSON.stringify(raw)}`);
}

/** A number of seconds, fractions allowed. */
export function parseSeconds(raw: string): number {
  if (!/^\d+(\.\d+)?$/.test(raw)) throw new LineError(`not a number of seconds: ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** A whole number at least `min`. */
export function parseCount(raw: string, what: string, min = 1): number {
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new LineError(`${what} must be a whole number ≥ ${min}, not ${JSON.stringify(raw)}`);
  return Number(raw);
}
