// `${x#p}` `${x##p}` `${x%p}` `${x%%p}`: removing the shortest or longest prefix or suffix of
// a value that the pattern matches. Positions are code points, so a removal never splits a
// surrogate pair.

import { compilePattern, unescapePattern } from './pattern.js';

export type RemovalOp = '#' | '##' | '%' | '%%';

/** `text` without the part `pattern` (a pattern as expandPattern gives it) matches under `op`. */
export function removePattern(text: string, pattern: string, op: RemovalOp): string {
  const compiled = compilePattern(pattern);
  if (!compiled.wildcard) return removeLiteral(text, unescapePattern(pattern), op);
  const chars = Array.from(text);
  const n = chars.length;
  const prefix = (i: number) => chars.slice(0, i).join('');
  const suffix = (i: number) => chars.slice(i).join('');
  switch (op) {
    case '#':
      for (let i = 0; i <= n; i++) if (compiled.test(prefix(i))) return suffix(i);
      break;
    case '##':
      for (let i = n; i >= 0; i--) if (compiled.test(prefix(i))) return suffix(i);
      break;
    case '%':
      for (let i = n; i >= 0; i--) if (compiled.test(suffix(i))) return prefix(i);
      break;
    case '%%':
      for (let i = 0; i <= n; i++) if (compiled.test(suffix(i))) return prefix(i);
      break;
  }
  return text;
}

/** A pattern without wildcards matches only itself: shortest and longest are the same. */
function removeLiteral(text: string, literal: string, op: RemovalOp): string {
  if (op === '#' || op === '##') return text.startsWith(literal) ? text.slice(literal.length) : text;
  return text.endsWith(literal) ? text.slice(0, text.length - literal.length) : text;
}
