// Word expansion of the simulated sh: parameters ($$, $?, $!, $#, $0..$9, $@, $*, $NAME,
// ${NAME}) and arithmetic ($((...)), which may throw an ArithError for the caller to report),
// then field splitting of unquoted results on blanks. No globbing, no command substitution.

import { evaluate } from './sh-arith.js';
import type { Part, Word } from './sh-lex.js';

export interface Params {
  readonly pid: number;
  readonly status: number;
  readonly lastBackground: number | null;
  readonly arg0: string;
  readonly args: readonly string[];
  lookup(name: string): string | undefined;
  assign(name: string, value: string): void;
}

/** ${name:?word} with the parameter unset or null: the shell reports it and exits. */
export class ParamError {
  constructor(readonly message: string) {}
}

const OPERATION = /^(#?)([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[$?#!@*-])(?:(:?)([-=+?])([\s\S]*))?$/;

/** The value of a plain parameter name, or undefined when it is unset. */
function plain(name: string, p: Params): string | undefined {
  if (/^[A-Za-z_]/.test(name)) return p.lookup(name);
  if (/^\d+$/.test(name) && name !== '0') return p.args[Number(name) - 1];
  return simple(name, p);
}

/** ${...} and $name: ${#name}, ${name:-word}, ${name-word}, :=, =, :+, +, :?, ?. */
export function paramValue(text: string, p: Params): string {
  const m = OPERATION.exec(text);
  if (!m) return simple(text, p) ?? '';
  const [, length, name, colon, op, rawWord] = m as unknown as [string, string, string, string, string | undefined, string | undefined];
  const value = plain(name, p);
  if (length) return String((value ?? '').length);
  if (op === undefined) return value ?? '';
  const missing = value === undefined || (colon === ':' && value === '');
  const word = (rawWord ?? '').replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, n: string) => p.lookup(n) ?? '');
  switch (op) {
    case '-': return missing ? word : value!;
    case '+': return missing ? '' : word;
    case '=':
      if (missing) p.assign(name, word);
      return missing ? word : value!;
    default:
      if (missing) throw new ParamError(`${name}: ${word || (colon ? 'parameter not set or null' : 'parameter not set')}`);
      return value!;
  }
}

function simple(name: string, p: Params): string | undefined {
  switch (name) {
    case '$': return String(p.pid);
    case '?': return String(p.status);
    case '!': return p.lastBackground === null ? '' : String(p.lastBackground);
    case '#': return String(p.args.length);
    case '@':
    case '*': return p.args.join(' ');
    case '-': return '';
    case '0': return p.arg0;
  }
  if (/^\d+$/.test(name)) return p.args[Number(name) - 1];
  return p.lookup(name);
}

/** The fields a word expands to (none for an unquoted empty expansion). */
export function expandWord(word: Word, p: Params): string[] {
  const fields: string[] = [];
  let cur = '';
  let have = false;
  const add = (part: Part) => {
    if (part.kind === 'text') {
      cur += part.text;
      if (part.quoted || part.text !== '') have = true;
      return;
    }
    const value = part.kind === 'arith' ? String(evaluate(part.expr, p)) : paramValue(part.name, p);
    if (part.quoted) {
      cur += value;
      have = true;
      return;
    }
    value.split(/[ \t\n]+/).forEach((seg, k) => {
      if (k > 0) {
        if (have) fields.push(cur);
        cur = '';
        have = false;
      }
      if (seg !== '') {
        cur += seg;
        have = true;
      }
    });
  };
  for (const part of word) add(part);
  if (have) fields.push(cur);
  return fields;
}

/** A word expanded without splitting (assignments, redirection targets). */
export function expandString(word: Word, p: Params): string {
  return word.map((part) => (part.kind === 'text' ? part.text : part.kind === 'arith' ? String(evaluate(part.expr, p)) : paramValue(part.name, p))).join('');
}
