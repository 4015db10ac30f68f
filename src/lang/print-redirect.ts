// Redirections as bash 5.2 prints them (print_cmd.c): bash keeps the parsed form, not the text,
// so a default descriptor shows only where its printer chose to (`>&2` is `1>&2`, `<&-` is
// `0>&-`, `0<x` is `< x`), and a here-document shows its delimiter single-quoted when any part
// of it was quoted.

import type { Redirect } from './ast.js';
import { wordText } from './print-word.js';

/** `n>&m` and `n<&m` with m all digits are bash's NUMBER form: both descriptors always shown. */
const NUMBER = /^[0-9]+$/;

/** One redirection other than a here-document, on one line. */
export function redirectionText(r: Redirect): string {
  const target = wordText(r.target);
  switch (r.op) {
    case '<':
      return `${fdUnless(r, 0)}< ${target}`;
    case '>':
    case '>>':
    case '>|':
      return `${fdUnless(r, 1)}${r.op} ${target}`;
    case '<>': {
      // bash's default for <> is 0 but its printer omits only 1
      const fd = r.fd ?? 0;
      return `${fd === 1 ? '' : String(fd)}<> ${target}`;
    }
    case '&>':
    case '&>>':
      return `${r.op} ${target}`;
    case '<&':
    case '>&':
      return duplication(r, r.op === '<&' ? 0 : 1, target);
    case '<<':
    case '<<-':
      return heredocHeader(r);
    case '<<<':
      return `${fdUnless(r, 0)}<<< ${target}`;
  }
}

function fdUnless(r: Redirect, dflt: number): string {
  return r.fd === null || r.fd === dflt ? '' : String(r.fd);
}

function duplication(r: Redirect, dflt: number, target: string): string {
  const fd = r.fd ?? dflt;
  const source = r.target.source;
  if (source === '-') return `${fd}>&-`;
  if (NUMBER.test(source)) return `${fd}${r.op}${Number.parseInt(source, 10)}`;
  return `${fd === dflt ? '' : String(fd)}${r.op}${target}`;
}

/** `n<<word` or `n<<-word`: the delimiter after quote removal, re-quoted with '…' if any part was quoted. */
export function heredocHeader(r: Redirect): string {
  const doc = r.heredoc;
  const delimiter = doc ? doc.delimiter : r.target.source;
  const fd = r.fd === null || r.fd === 0 ? '' : String(r.fd);
  return `${fd}${r.op}${doc?.quoted ? singleQuote(delimiter) : delimiter}`;
}

/** The document as bash keeps it (tabs already stripped for <<-), then the delimiter. */
export function heredocBody(r: Redirect): string {
  const doc = r.heredoc;
  return doc ? `${doc.body.source}${doc.delimiter}` : '';
}

export function isHeredoc(r: Redirect): boolean {
  return r.op === '<<' || r.op === '<<-';
}

/** bash's sh_single_quote: '…' with each ' written '\''. */
function singleQuote(s: string): string {
  if (s === "'") return "\\'";
  return `'${s.replaceAll("'", "'\\''")}'`;
}
