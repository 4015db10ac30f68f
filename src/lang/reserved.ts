// What a token is to the grammar beyond its kind: a reserved word (only where the parser asks,
// that is where the grammar allows one), a possible alias or function name, and where it sits
// in the source when it came out of an alias value.

import type { Token, WordToken } from './tokens.js';

/** XCU 2.4 plus bash's `function`, `[[` and `]]`. `{`, `}` and `!` are words that are reserved, not operators. */
const RESERVED = new Set(['!', '[[', ']]', '{', '}', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi', 'for', 'function', 'if', 'in', 'then', 'until', 'while']);

/** The reserved word `t` spells, if it is one: unquoted and nothing else in the word. */
export function reservedWord(t: Token): string | null {
  const text = plainText(t);
  return text !== null && RESERVED.has(text) ? text : null;
}

/** The text of a word made only of unquoted literal characters; null for anything else. */
export function plainText(t: Token): string | null {
  if (t.kind !== 'word' || t.parts.length !== 1 || t.assign) return null;
  const part = t.parts[0]!;
  return part.kind === 'literal' && !part.quoted ? part.text : null;
}

/** A word that may name an alias: plain text without the characters bash forbids in one. */
export function aliasName(t: WordToken): string | null {
  const text = plainText(t);
  return text !== null && !/[/$`=\\'"]/.test(text) && reservedWord(t) === null ? text : null;
}

/**
 * A word that may name a function in `name()`: plain text, not reserved. bash (outside POSIX
 * mode) accepts names such as `a-b` or `a.b` too, so only what cannot be a command name is refused.
 */
export function functionName(t: Token): string | null {
  const text = plainText(t);
  return text !== null && reservedWord(t) === null && !/[$`]/.test(text) ? text : null;
}

/** Offset in the source where `t` starts: for a token of an alias value, the alias word's. */
export function spanStart(t: Token): number {
  return t.kind !== 'eof' && t.alias ? t.alias.start : t.start;
}

export function spanEnd(t: Token): number {
  return t.kind !== 'eof' && t.alias ? t.alias.end : t.end;
}

export function isOp(t: Token, op: string): boolean {
  return t.kind === 'op' && t.op === op;
}
