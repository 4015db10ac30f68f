// Shell pattern matching: `*`, `?`, bracket expressions (`[abc]`, `[!a-z]`, `[^…]`,
// `[[:digit:]]`) and backslash escapes. Used for pathname expansion and, later, by `case`.
// Matching is by code point and never backtracks more than to the last `*`, so it stays
// O(pattern × text) whatever the input.

import { hasGlobChar } from './chars.js';

type Token =
  | { readonly kind: 'char'; readonly ch: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'star' }
  | { readonly kind: 'class'; readonly negate: boolean; readonly test: (ch: string) => boolean };

export interface CompiledPattern {
  /** True if the whole of `text` matches. */
  test(text: string): boolean;
  /** Whether the pattern has any `*`, `?` or bracket expression, i.e. is not just text. */
  readonly wildcard: boolean;
  /** Whether the pattern starts with a literal `.` (needed to match hidden file names). */
  readonly leadingDot: boolean;
}

const CLASSES: Partial<Record<string, (ch: string) => boolean>> = {
  alnum: (c) => /^[\p{L}\p{N}]$/u.test(c),
  alpha: (c) => /^\p{L}$/u.test(c),
  blank: (c) => c === ' ' || c === '\t',
  cntrl: (c) => /^\p{Cc}$/u.test(c),
  digit: (c) => c >= '0' && c <= '9',
  graph: (c) => /^[^\p{C}\p{Z}]$/u.test(c),
  lower: (c) => /^\p{Ll}$/u.test(c),
  print: (c) => /^[^\p{C}]$/u.test(c),
  punct: (c) => /^[!-/:-@[-`{-~]$/.test(c),
  space: (c) => /^\s$/.test(c),
  upper: (c) => /^\p{Lu}$/u.test(c),
  word: (c) => /^[\p{L}\p{N}_]$/u.test(c),
  xdigit: (c) => /^[0-9A-Fa-f]$/.test(c),
};

/** Compiled patterns by text: a `case` in a loop matches the same few patterns over and over. */
const compiled = new Map<string, CompiledPattern>();
const CACHE_SIZE = 512;

export function compilePattern(pattern: string): CompiledPattern {
  let found = compiled.get(pattern);
  if (found === undefined) {
    if (compiled.size >= CACHE_SIZE) compiled.clear();
    compiled.set(pattern, (found = compile(pattern)));
  }
  return found;
}

function compile(pattern: string): CompiledPattern {
  const chars = Array.from(pattern);
  const tokens = tokenize(chars);
  const first = tokens[0];
  const never = starThenTrailingBackslash(chars);
  const wildcard = tokens.some((t) => t.kind !== 'char');
  return {
    test: never ? () => false : tester(tokens),
    wildcard,
    leadingDot: first?.kind === 'char' && first.ch === '.',
  };
}

/**
 * The test for a pattern's tokens. Plain text (a `case` label such as `start`) matches only
 * itself, and text and stars alone (`1*`, `*.c`, `*-*`) match as substrings, without splitting
 * the text into code points: only `?` and bracket expressions need those.
 */
function tester(tokens: readonly Token[]): (text: string) => boolean {
  if (tokens.some((t) => t.kind === 'any' || t.kind === 'class')) return (text) => matchTokens(tokens, Array.from(text));
  const segments: string[] = [''];
  for (const t of tokens) {
    if (t.kind === 'star') segments.push('');
    else if (t.kind === 'char') segments[segments.length - 1] += t.ch;
  }
  if (segments.length === 1) {
    const plain = segments[0]!;
    return (text) => text === plain;
  }
  return (text) => matchSegments(segments, text);
}

/** `segments` are the texts between stars: the first a prefix, the last a suffix, the others in order between. */
function matchSegments(segments: readonly string[], text: string): boolean {
  const head = segments[0]!;
  const tail = segments[segments.length - 1]!;
  if (text.length < head.length + tail.length || !text.startsWith(head) || !text.endsWith(tail)) return false;
  let at = head.length;
  const end = text.length - tail.length;
  for (let i = 1; i < segments.length - 1; i++) {
    const found = text.indexOf(segments[i]!, at);
    if (found < 0 || found + segments[i]!.length > end) return false;
    at = found + segments[i]!.length;
  }
  return true;
}

/** Whether `text` matches all of `pattern`. */
export function matchPattern(pattern: string, text: string): boolean {
  return compilePattern(pattern).test(text);
}

/** Whether `pattern` has an unescaped `*`, `?` or complete bracket expression. */
export function hasGlob(pattern: string): boolean {
  if (!hasGlobChar(pattern)) return false;
  return compilePattern(pattern).wildcard;
}

/** Escapes `text` so that a pattern built from it matches it literally. */
export function escapePattern(text: string): string {
  // most text (a number, a word) has nothing to escape: no regex, no new string
  for (let i = 0; i < text.length; i++) {
    if (isPatternSpecial(text.charCodeAt(i))) return text.replace(/[\\*?[\]!^-]/g, '\\$&');
  }
  return text;
}

/** `\ * ? [ ] ! ^ -`: what escapePattern escapes. */
function isPatternSpecial(c: number): boolean {
  return c === 92 || c === 42 || c === 63 || c === 91 || c === 93 || c === 33 || c === 94 || c === 45;
}

/** Removes the backslash escapes of a pattern with no wildcards, giving the text it matches. */
export function unescapePattern(pattern: string): string {
  if (!pattern.includes('\\')) return pattern;
  return pattern.replace(/\\([\s\S])/gu, '$1');
}

/**
 * bash 5.2's matcher (sm_loop.c) takes the character after a run of `*` and `?` as the first
 * one to look for, and for a pattern-ending backslash that is the string's NUL: `*\\` and
 * `a*?\\` match nothing, while `?\\` matches `a\\`. Users see this through `x='*\\'; echo $x`.
 */
function starThenTrailingBackslash(p: readonly string[]): boolean {
  let i = p.length - 1;
  if (p[i] !== '\\' || escaped(p, i)) return false;
  let star = false;
  for (i--; i >= 0 && (p[i] === '*' || p[i] === '?') && !escaped(p, i); i--) star ||= p[i] === '*';
  return star;
}

/** Whether the character at `i` is escaped by an odd run of backslashes before it. */
function escaped(p: readonly string[], i: number): boolean {
  let n = 0;
  while (i - n - 1 >= 0 && p[i - n - 1] === '\\') n++;
  return n % 2 === 1;
}

function tokenize(p: readonly string[]): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') {
      tokens.push({ kind: 'any' });
    } else if (c === '[') {
      const bracket = parseBracket(p, i);
      if (bracket) {
        tokens.push(bracket.token);
        i = bracket.end;
      } else tokens.push({ kind: 'char', ch: c });
    } else if (c === '\\' && i + 1 < p.length) {
      tokens.push({ kind: 'char', ch: p[++i]! });
    } else {
      tokens.push({ kind: 'char', ch: c });
    }
  }
  return tokens;
}

/**
 * The bracket expression opening at `open`, or null if it is never closed (then `[` is an
 * ordinary character). A `]` right after `[`, `[!` or `[^` is a member, not the end.
 */
function parseBracket(p: readonly string[], open: number): { token: Token; end: number } | null {
  let i = open + 1;
  const negate = p[i] === '!' || p[i] === '^';
  if (negate) i++;
  const tests: ((ch: string) => boolean)[] = [];
  for (let first = true; i < p.length; first = false) {
    if (p[i] === ']' && !first) {
      return { token: { kind: 'class', negate, test: (ch) => tests.some((t) => t(ch)) }, end: i };
    }
    const cls = p[i] === '[' && p[i + 1] === ':' ? parseClassName(p, i) : null;
    if (cls) {
      tests.push(cls.test);
      i = cls.end + 1;
      continue;
    }
    const lo = bracketChar(p, i);
    if (p[lo.end + 1] === '-' && lo.end + 2 < p.length && p[lo.end + 2] !== ']') {
      const hi = bracketChar(p, lo.end + 2);
      const [a, b] = [lo.ch.codePointAt(0)!, hi.ch.codePointAt(0)!];
      tests.push((ch) => {
        const c = ch.codePointAt(0)!;
        return c >= a && c <= b;
      });
      i = hi.end + 1;
    } else {
      tests.push((ch) => ch === lo.ch);
      i = lo.end + 1;
    }
  }
  return null;
}

/** One member character at `i`, which a backslash may escape; `end` is its last index. */
function bracketChar(p: readonly string[], i: number): { ch: string; end: number } {
  if (p[i] === '\\' && i + 1 < p.length) return { ch: p[i + 1]!, end: i + 1 };
  return { ch: p[i]!, end: i };
}

/** `[:name:]` at `i`; `end` is the index of its final `]`. Unknown names are not classes. */
function parseClassName(p: readonly string[], i: number): { test: (ch: string) => boolean; end: number } | null {
  for (let j = i + 2; j + 1 < p.length; j++) {
    if (p[j] === ':' && p[j + 1] === ']') {
      const name = p.slice(i + 2, j).join('');
      const test = Object.hasOwn(CLASSES, name) ? CLASSES[name] : undefined;
      return test ? { test, end: j + 1 } : null;
    }
    if (p[j] === ']') return null;
  }
  return null;
}

function matches(t: Token, ch: string): boolean {
  switch (t.kind) {
    case 'char':
      return t.ch === ch;
    case 'any':
      return true;
    case 'class':
      return t.test(ch) !== t.negate;
    case 'star':
      return false;
  }
}

/** Classic wildcard matching: on a mismatch, retry from the last `*` one character later. */
function matchTokens(tokens: readonly Token[], text: readonly string[]): boolean {
  let ti = 0;
  let ci = 0;
  let starTi = -1;
  let starCi = 0;
  while (ci < text.length) {
    const t = tokens[ti];
    if (t?.kind === 'star') {
      starTi = ti++;
      starCi = ci;
    } else if (t && matches(t, text[ci]!)) {
      ti++;
      ci++;
    } else if (starTi >= 0) {
      ti = starTi + 1;
      ci = ++starCi;
    } else {
      return false;
    }
  }
  while (tokens[ti]?.kind === 'star') ti++;
  return ti === tokens.length;
}
