// Pattern matching shared by stream and screen expectations.

import { escapeControls } from './escape.js';
import type { Match } from './types.js';

/** What expectations accept: a literal substring or a regular expression. */
export type Pattern = string | RegExp;

/** Find the first occurrence of `pattern` in `text` at or after `from`. */
export function findMatch(pattern: Pattern, text: string, from = 0): Match | null {
  const haystack = text.slice(from);
  if (typeof pattern === 'string') {
    const at = haystack.indexOf(pattern);
    if (at < 0) return null;
    return { text: pattern, groups: [], named: {}, before: haystack.slice(0, at), index: from + at };
  }
  // A global or sticky regex carries lastIndex between calls; matching must not.
  const regex = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  const found = regex.exec(haystack);
  if (found === null) return null;
  const named: Record<string, string> = {};
  for (const [name, value] of Object.entries(found.groups ?? {})) named[name] = value ?? '';
  return {
    text: found[0],
    groups: found.slice(1).map((group) => group ?? ''),
    named,
    before: haystack.slice(0, found.index),
    index: from + found.index,
  };
}

/** A pattern as a failure message shows it. */
export function describePattern(pattern: Pattern): string {
  return typeof pattern === 'string' ? `"${escapeControls(pattern)}"` : String(pattern);
}
