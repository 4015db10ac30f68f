// Pathname expansion through expandWords, on the fake context's in-memory file tree.

import { describe, expect, it } from 'vitest';
import { expandWords } from '../../src/lang/expand.js';
import { expandPathname } from '../../src/lang/glob.js';
import { fakeContext, simple, type FakeOptions } from './helpers.js';

const files = [
  '/proj/a.ts',
  '/proj/b.ts',
  '/proj/B.ts',
  '/proj/c.js',
  '/proj/.hidden.ts',
  '/proj/src/x.ts',
  '/proj/src/y.ts',
  '/proj/lib/z.ts',
  '/proj/lib/README',
  '/proj/empty/',
  '/proj/*star',
  '/proj/[x]',
  '/etc/passwd',
  '/etc/hosts',
];

async function fields(source: string, opts: FakeOptions = {}): Promise<string[]> {
  return expandWords(simple(source).words, fakeContext({ files, cwd: '/proj', ...opts }));
}

describe('pathname expansion', () => {
  it('expands * in the current directory, sorted by code unit, relative as written', async () => {
    expect(await fields('*.ts')).toEqual(['B.ts', 'a.ts', 'b.ts']);
  });

  it('expands ? and bracket expressions', async () => {
    expect(await fields('?.js [ab].ts [!ab].ts')).toEqual(['c.js', 'a.ts', 'b.ts', 'B.ts']);
  });

  it('matches hidden names only with a literal leading dot, and never . or ..', async () => {
    expect(await fields('*hidden*')).toEqual(['*hidden*']);
    expect(await fields('.*')).toEqual(['.hidden.ts']);
  });

  it('expands every segment of a path', async () => {
    expect(await fields('*/*.ts')).toEqual(['lib/z.ts', 'src/x.ts', 'src/y.ts']);
    expect(await fields('s*/x.ts')).toEqual(['src/x.ts']);
  });

  it('requires a literal last segment after a wildcard to exist', async () => {
    expect(await fields('*/README')).toEqual(['lib/README']);
    expect(await fields('*/nothing')).toEqual(['*/nothing']);
  });

  it('keeps only directories for a trailing slash', async () => {
    expect(await fields('*/')).toEqual(['empty/', 'lib/', 'src/']);
  });

  it('expands absolute patterns to absolute paths', async () => {
    expect(await fields('/etc/p*')).toEqual(['/etc/passwd']);
    expect(await fields('/*/hosts')).toEqual(['/etc/hosts']);
  });

  it('keeps ./ and ../ prefixes as written', async () => {
    expect(await fields('./?.js ../proj/c*', {})).toEqual(['./c.js', '../proj/c.js']);
  });

  it('leaves a word without matches unchanged after quote removal', async () => {
    expect(await fields('*.py "a"*.rb')).toEqual(['*.py', 'a*.rb']);
  });

  it('does not glob quoted or escaped wildcard characters', async () => {
    expect(await fields('"*".ts \\*star "*"star')).toEqual(['*.ts', '*star', '*star']);
    expect(await fields("'[x]' \\[x]")).toEqual(['[x]', '[x]']);
  });

  it('matches quoted characters literally inside a pattern', async () => {
    expect(await fields('"*"*')).toEqual(['*star']);
  });

  it('globs unquoted expansion results but not quoted ones', async () => {
    const opts = { vars: { p: '*.js', q: 'src/* lib/*' } };
    expect(await fields('$p "$p"', opts)).toEqual(['c.js', '*.js']);
    // each field is expanded and sorted on its own
    expect(await fields('$q', opts)).toEqual(['src/x.ts', 'src/y.ts', 'lib/README', 'lib/z.ts']);
  });

  it('does not read directories for words without wildcards, or for a lone [', async () => {
    const ctx = fakeContext({ files, cwd: '/proj' });
    await expandWords(simple('[ -f a.ts ] x[').words, ctx);
    expect(ctx.readdirs).toEqual([]);
  });

  it('can be turned off by the f flag in $-', async () => {
    expect(await fields('*.js', { vars: { '-': 'if' } })).toEqual(['*.js']);
  });

  it('gives nothing from an unreadable directory', () => {
    expect(expandPathname('nope/*', { readdir: () => null, cwd: () => '/' })).toBeNull();
  });
});

// What bash 5.2 prints for `x=VALUE; printf '<%s>' $x` in a directory holding these names
// (dash agrees except for a trailing backslash after `*`, which bash never matches).
describe('backslashes in unquoted expansion results (bash 5.2)', () => {
  const names = ['*', '[ab]', '\\', '\\*', '\\a', ']', 'a', 'a*', 'a\\b', 'ab', 'b', 'x]', 'a\\', 'b\\'];
  const dir = { files: names.map((n) => `/d/${n}`), cwd: '/d' };
  const globbed = (value: string) => fields('$x', { ...dir, vars: { x: value } });

  it('a backslash escapes the glob character after it, so the word stays as it was', async () => {
    expect(await globbed('\\*')).toEqual(['\\*']);
    expect(await globbed('a\\*')).toEqual(['a\\*']);
    expect(await globbed('a\\?')).toEqual(['a\\?']);
    expect(await globbed('\\[a]')).toEqual(['\\[a]']);
  });

  it('an escaped ordinary character matches that character', async () => {
    expect(await globbed('\\a*')).toEqual(['a', 'a*', 'a\\', 'a\\b', 'ab']);
  });

  it('an escaped backslash matches a backslash', async () => {
    expect(await globbed('\\\\*')).toEqual(['\\', '\\*', '\\a']);
    expect(await globbed('*\\\\')).toEqual(['\\', 'a\\', 'b\\']);
  });

  it('a backslash escapes ] inside a bracket expression', async () => {
    expect(await globbed('[\\]]')).toEqual([']']);
    expect(await globbed('[a\\]]')).toEqual([']', 'a']);
  });

  it('a trailing backslash is an ordinary character, except right after * where bash matches nothing', async () => {
    expect(await globbed('?\\')).toEqual(['a\\', 'b\\']);
    expect(await globbed('*\\')).toEqual(['*\\']);
  });

  it('backslashes in a word without glob characters stay', async () => {
    expect(await globbed('a\\b')).toEqual(['a\\b']);
    expect(await globbed('\\')).toEqual(['\\']);
  });

  it('quoted text next to the expansion still matches literally', async () => {
    expect(await fields("'\\'$x", { ...dir, vars: { x: '*' } })).toEqual(['\\', '\\*', '\\a']);
  });
});
