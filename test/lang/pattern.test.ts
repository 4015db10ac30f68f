// Shell pattern matching, as used by pathname expansion and later by `case`.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, escapePattern, hasGlob, matchPattern } from '../../src/lang/pattern.js';

describe('matchPattern', () => {
  it.each([
    ['*', '', true],
    ['*', 'anything', true],
    ['a*', 'abc', true],
    ['a*', 'bac', false],
    ['*.ts', 'x.ts', true],
    ['*.ts', 'x.tsx', false],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'aXbYcZ', false],
    ['a**b', 'ab', true],
    ['?', 'x', true],
    ['?', '', false],
    ['?', 'xy', false],
    ['??x', 'abx', true],
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['abc', 'ab', false],
  ])('%j matches %j: %s', (pattern, text, expected) => {
    expect(matchPattern(pattern, text)).toBe(expected);
  });

  it.each([
    ['[abc]', 'b', true],
    ['[abc]', 'd', false],
    ['[a-c]x', 'bx', true],
    ['[a-c]x', 'dx', false],
    ['[!a-c]', 'd', true],
    ['[!a-c]', 'a', false],
    ['[^a-c]', 'a', false],
    ['[]a]', ']', true],
    ['[!]a]', ']', false],
    ['[!]a]', 'b', true],
    ['[a-]', '-', true],
    ['[[:digit:]]*', '7up', true],
    ['[[:digit:]]*', 'up', false],
    ['[[:alpha:]_]', '_', true],
    ['[[:upper:][:digit:]]', 'Q', true],
    ['[[:upper:][:digit:]]', 'q', false],
    ['[[:space:]]', '\t', true],
    ['[a\\]]', ']', true],
    ['[a\\-z]', 'm', false],
    ['[a\\-z]', '-', true],
  ])('bracket %j matches %j: %s', (pattern, text, expected) => {
    expect(matchPattern(pattern, text)).toBe(expected);
  });

  it('treats an unclosed [ as an ordinary character', () => {
    expect(matchPattern('[ab', '[ab')).toBe(true);
    expect(matchPattern('[ab', 'a')).toBe(false);
    expect(matchPattern('[', '[')).toBe(true);
  });

  it('treats escaped wildcard characters literally', () => {
    expect(matchPattern('\\*', '*')).toBe(true);
    expect(matchPattern('\\*', 'x')).toBe(false);
    expect(matchPattern('a\\?', 'a?')).toBe(true);
    expect(matchPattern('a\\?', 'ab')).toBe(false);
    expect(matchPattern('\\[a]', '[a]')).toBe(true);
  });

  it('treats a trailing backslash as itself, except after * where bash 5.2 matches nothing', () => {
    expect(matchPattern('a\\', 'a\\')).toBe(true);
    expect(matchPattern('?\\', 'a\\')).toBe(true);
    expect(matchPattern('*\\', 'a\\')).toBe(false);
    expect(matchPattern('a*?\\', 'abc\\')).toBe(false);
    expect(matchPattern('*\\\\', 'a\\')).toBe(true);
    expect(matchPattern('\\*\\', '*\\')).toBe(true);
  });

  it('matches by character, not by UTF-16 unit', () => {
    expect(matchPattern('?', '😀')).toBe(true);
    expect(matchPattern('[😀a]x', '😀x')).toBe(true);
    expect(matchPattern('é*', 'été')).toBe(true);
  });

  it('does not match / specially (pathname expansion splits on it first)', () => {
    expect(matchPattern('a*b', 'a/b')).toBe(true);
  });

  // A matcher that backtracked into every `*` would take exponential time here and hit the
  // test timeout; how fast the real one is belongs to bench/.
  it('decides patterns that make naive matchers backtrack exponentially', () => {
    const text = 'a'.repeat(5000);
    expect(matchPattern('*a*a*a*a*a*a*a*b', text)).toBe(false);
    expect(matchPattern('*a*a*a*a*a*a*a*a', text)).toBe(true);
  });
});

describe('hasGlob', () => {
  it.each([
    ['abc', false],
    ['a*', true],
    ['a?', true],
    ['[ab]', true],
    ['[', false],
    ['[ab', false],
    ['\\*', false],
    ['a\\?b', false],
    ['\\[ab]', false],
  ])('%j: %s', (pattern, expected) => {
    expect(hasGlob(pattern)).toBe(expected);
  });
});

describe('escapePattern', () => {
  it('makes any text match itself literally', () => {
    for (const text of ['*', '?x', '[a-z]', '[!a]', 'a\\b', 'plain', '^-!']) {
      const pattern = escapePattern(text);
      expect(matchPattern(pattern, text)).toBe(true);
      expect(hasGlob(pattern)).toBe(false);
    }
    expect(matchPattern(escapePattern('*'), 'x')).toBe(false);
  });
});

describe('compilePattern', () => {
  it('says whether the pattern starts with a literal dot', () => {
    expect(compilePattern('.*').leadingDot).toBe(true);
    expect(compilePattern('\\.*').leadingDot).toBe(true);
    expect(compilePattern('*').leadingDot).toBe(false);
    expect(compilePattern('[.]x').leadingDot).toBe(false);
  });
});

describe('patterns of text and stars (matched as substrings)', () => {
  // the reference: the same pattern as an anchored regular expression
  const reference = (pattern: string, text: string): boolean =>
    new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`, 's').test(text);

  it('match exactly what a regular expression of the same pattern matches', () => {
    const pattern = fc.stringMatching(/^[ab*é-]{0,8}$/);
    const text = fc.stringMatching(/^[abé-]{0,10}$/);
    fc.assert(fc.property(pattern, text, (p, t) => {
      expect(matchPattern(p, t)).toBe(reference(p, t));
    }), { numRuns: 5000 });
  });

  it('still count a character beyond the BMP as one for ?', () => {
    expect(matchPattern('?*', '😀')).toBe(true);
    expect(matchPattern('??', '😀')).toBe(false);
    expect(matchPattern('*😀', 'a😀')).toBe(true);
  });
});
