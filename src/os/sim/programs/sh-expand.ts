// Word expansion of the simulated sh: parameters ($$, $?, $!, $#, $0..$9, $@, $*, $NAME,
// ${NAME}), then field splitting of unquoted results on blanks. No globbing, no command
// substitution, no arithmetic.

import type { Part, Word } from './sh-parse.js';

export interface Params {
  readonly pid: number;
  readonly status: number;
  readonly lastBackground: number | null;
  readonly arg0: string;
  readonly args: readonly string[];
  lookup(name: string): string | undefined;
}

export function paramValue(name: string, p: Params): string {
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
  if (/^\d+$/.test(name)) return p.args[Number(name) - 1] ?? '';
  return p.lookup(name) ?? '';
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
    const value = paramValue(part.name, p);
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
  return word.map((part) => (part.kind === 'text' ? part.text : paramValue(part.name, p))).join('');
}
