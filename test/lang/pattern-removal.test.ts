// `${x#p}` `${x##p}` `${x%p}` `${x%%p}`: scanning into ops '#' '##' '%' '%%', the pattern's
// quoting (literal where quoted, even inside "…"), and element-wise removal on $@ and $*.
// Expected values are bash 5.2's.

import { describe, expect, it } from 'vitest';
import { expandWords } from '../../src/lang/expand.js';
import { removePattern } from '../../src/lang/pattern-removal.js';
import { fakeContext, lit, simple, wordParts, type FakeOptions } from './helpers.js';

async function fields(source: string, opts: FakeOptions = {}): Promise<string[]> {
  return expandWords(simple(source).words, fakeContext(opts));
}

describe('scanning', () => {
  it.each(['#', '##', '%', '%%'])('reads ${x%sp} as op %s', (op) => {
    expect(wordParts(`\${x${op}p}`)).toEqual([{ kind: 'param', name: 'x', op, word: expect.objectContaining({ parts: [lit('p')] }), quoted: false }]);
  });

  it('still reads ${#x} as the length and ${x#} as an empty pattern', () => {
    expect(wordParts('${#x}')).toEqual([{ kind: 'param', name: 'x', op: 'length', word: null, quoted: false }]);
    expect(wordParts('${x#}')).toEqual([{ kind: 'param', name: 'x', op: '#', word: expect.objectContaining({ parts: [] }), quoted: false }]);
  });

  it('keeps the wildcards of a pattern inside double quotes', () => {
    expect(wordParts('"${x%*}"')).toEqual([
      { kind: 'param', name: 'x', op: '%', word: expect.objectContaining({ parts: [lit('*')] }), quoted: true },
    ]);
  });
});

describe('removePattern', () => {
  it.each([
    ['a.b.c', '*.', '#', 'b.c'],
    ['a.b.c', '*.', '##', 'c'],
    ['a.b.c', '.*', '%', 'a.b'],
    ['a.b.c', '.*', '%%', 'a'],
    ['ab', '*', '#', 'ab'],
    ['ab', '*', '##', ''],
    ['ab', 'x', '#', 'ab'],
    ['ab', '', '%%', 'ab'],
    ['a*b', 'a\\*', '#', 'b'],
    ['😀x😀', '?', '#', 'x😀'],
    ['😀x😀', '?', '%', '😀x'],
  ] as const)('%s with %s under %s is %s', (text, pattern, op, out) => {
    expect(removePattern(text, pattern, op)).toBe(out);
  });
});

describe('expansion', () => {
  const vars = { x: 'ab', y: 'a*b', p: '*', z: 'a.b.c' };

  it('removes as bash does, with quoted parts of the pattern literal', async () => {
    expect(await fields(`echo "\${x#'a'}" "\${x#"a"}" "\${x#*}" "\${x##*}|" \${x%b}`, { vars })).toEqual(['echo', 'b', 'b', 'ab', '|', 'a']);
    expect(await fields('echo "${y#"a*"}" ${y#a\\*} ${y%\\*b} ${y#$p} ${y#"$p"}', { vars })).toEqual(['echo', 'b', 'b', 'a', 'a*b', 'a*b']);
    expect(await fields('echo ${z#*.} ${z##*.} ${z%.*} ${z%%.*} ${z#} ${u#x}"|"', { vars })).toEqual(['echo', 'b.c', 'c', 'a.b', 'a', 'a.b.c', '|']);
    expect(await fields('echo "${z%"${z#?}"}" "${x#[a]}"', { vars })).toEqual(['echo', 'a', 'b']);
  });

  it('applies to each positional parameter', async () => {
    const positional = ['foo.c', 'bar.c', 'a b.c'];
    expect(await fields('echo "${@%.c}" ${*%.c} "${*%.c}" "${@#?}"', { positional })).toEqual([
      'echo', 'foo', 'bar', 'a b', 'foo', 'bar', 'a', 'b', 'foo bar a b', 'oo.c', 'ar.c', ' b.c',
    ]);
    expect(await fields('echo "${*%.c}"', { positional, vars: { IFS: ':' } })).toEqual(['echo', 'foo:bar:a b']);
  });
});
