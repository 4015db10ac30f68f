// Word expansion with a fake context: parameters and their operators, quoting, "$@" and "$*",
// command substitution, tildes, and the no-splitting expansion used for assignments.

import { describe, expect, it } from 'vitest';
import { expandPattern, expandWord, expandWords, ExpansionError } from '../../src/lang/expand.js';
import { matchPattern } from '../../src/lang/pattern.js';
import { fakeContext, simple, type FakeOptions } from './helpers.js';

/** Expands the words of `source` (a command line) into fields. */
async function fields(source: string, opts: FakeOptions = {}): Promise<string[]> {
  return expandWords(simple(source).words, fakeContext(opts));
}

/** Expands `value` as the value of an assignment. */
async function value(text: string, opts: FakeOptions = {}): Promise<string> {
  return expandWord(simple(`v=${text}`).assignments[0]!.value, fakeContext(opts));
}

const vars = { a: 'A', sp: ' x  y ', empty: '', star: '*', glob: 'f*' };

describe('parameters', () => {
  it('substitutes variables, leaving unset ones empty', async () => {
    expect(await fields('echo $a ${a}b c$a$a $unset', { vars })).toEqual(['echo', 'A', 'Ab', 'cAA']);
  });

  it('takes specials from get() and positional parameters from positional()', async () => {
    const opts = { vars: { '?': '1', $: '42', '!': '7', '0': 'jcsh', '-': 'im' }, positional: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10'] };
    expect(await fields('$? $$ $! $0 $- $# $1 $2 ${10} $10', opts)).toEqual(['1', '42', '7', 'jcsh', 'im', '10', 'p1', 'p2', 'p10', 'p10']);
  });

  it('counts characters with ${#x}, positional parameters with ${#@}', async () => {
    expect(await fields('${#a} ${#unset} ${#x} ${#@} ${#*}', { vars: { a: 'héllo', x: '😀!' }, positional: ['a', 'b'] })).toEqual(['5', '0', '2', '2', '2']);
  });
});

describe('parameter operators', () => {
  it.each([
    ['${unset-d}', 'd'],
    ['${empty-d}', ''],
    ['${a-d}', 'A'],
    ['${unset:-d}', 'd'],
    ['${empty:-d}', 'd'],
    ['${a:-d}', 'A'],
    ['${unset+alt}', ''],
    ['${empty+alt}', 'alt'],
    ['${a+alt}', 'alt'],
    ['${unset:+alt}', ''],
    ['${empty:+alt}', ''],
    ['${a:+alt}', 'alt'],
  ])('%s → %j', async (word, expected) => {
    expect(await value(word, { vars })).toBe(expected);
  });

  it('expands the operator word only when it is used', async () => {
    const opts = { vars, substitute: () => 'out' };
    const ctx = fakeContext(opts);
    await expandWords(simple('echo ${a:-$(used)} ${unset:-$(x)}').words, ctx);
    expect(ctx.substituted).toEqual(['x']);
  });

  it('assigns with := and = and returns the value', async () => {
    const ctx = fakeContext({ vars: { empty: '' } });
    const words = simple('echo ${x:=new} ${empty=kept} ${empty:=set} ${x:=other}').words;
    expect(await expandWords(words, ctx)).toEqual(['echo', 'new', 'set', 'new']);
    expect(ctx.vars.get('x')).toBe('new');
    expect(ctx.vars.get('empty')).toBe('set');
  });

  it('refuses to assign to positional and special parameters', async () => {
    await expect(fields('${1:=x}')).rejects.toThrow(new ExpansionError('$1: cannot assign in this way'));
  });

  it('fails with ? and :? and the given or default message', async () => {
    await expect(fields('${x:?is missing}')).rejects.toThrow(new ExpansionError('x: is missing'));
    await expect(fields('${x:?}')).rejects.toThrow(new ExpansionError('x: parameter null or not set'));
    await expect(fields('${x?}')).rejects.toThrow(new ExpansionError('x: parameter not set'));
    await expect(fields('${empty:?}', { vars })).rejects.toThrow(ExpansionError);
    expect(await fields('${empty?} ${a:?}', { vars })).toEqual(['A']);
  });

  it('splits an unquoted operator word, but not its quoted parts', async () => {
    expect(await fields('${u:-a b} ${u:-"c d"} "${u:-e f}"')).toEqual(['a', 'b', 'c d', 'e f']);
  });

  it('gives a quoted expansion a field even when it expands to nothing', async () => {
    expect(await fields('x${u:-}y "${u:-}" "${empty:+a}" ${empty:+a} "${u+a}"', { vars })).toEqual(['xy', '', '', '']);
  });

  it('gives "${@…}" no field when the operator yields nothing', async () => {
    expect(await fields('"${@+a}" "${@:-}"', { positional: [] })).toEqual(['']);
  });

  it('splits the value the operator word gives like any expansion', async () => {
    expect(await fields('${u:-$sp}', { vars })).toEqual(['x', 'y']);
  });
});

describe('field splitting', () => {
  it('splits unquoted expansions on blanks, dropping the leading and trailing ones', async () => {
    expect(await fields('$sp', { vars })).toEqual(['x', 'y']);
  });

  it('does not split quoted expansions or literal text', async () => {
    expect(await fields('"$sp" a\\ b', { vars })).toEqual([' x  y ', 'a b']);
  });

  it('joins expansion fields with adjacent text', async () => {
    expect(await fields('[$sp]', { vars })).toEqual(['[', 'x', 'y', ']']);
    expect(await fields('a$v"b"', { vars: { v: '1 2' } })).toEqual(['a1', '2b']);
  });

  it('drops unquoted empty expansions but keeps quoted empty fields', async () => {
    expect(await fields('$empty $unset "" \'\' "$empty" $empty""', { vars })).toEqual(['', '', '', '']);
  });

  it('uses IFS from the context', async () => {
    expect(await fields('$v', { vars: { v: 'a:b::c:', IFS: ':' } })).toEqual(['a', 'b', '', 'c']);
    expect(await fields('$v', { vars: { v: 'a b:c', IFS: ':' } })).toEqual(['a b', 'c']);
  });

  it('does not split when IFS is empty', async () => {
    expect(await fields('$v', { vars: { v: ' a b ', IFS: '' } })).toEqual([' a b ']);
  });

  it('splits command substitution output and strips its trailing newlines', async () => {
    const opts = { substitute: (s: string) => (s === 'ls' ? 'x y\nz\n\n' : ' a\n\nb\n') };
    expect(await fields('$(ls) "$(other)"', opts)).toEqual(['x', 'y', 'z', ' a\n\nb']);
  });

  it('hands the substitution its list and source, including backquotes', async () => {
    const ctx = fakeContext({ substitute: (s) => `<${s}>` });
    expect(await expandWords(simple('echo $(a  b) `c`').words, ctx)).toEqual(['echo', '<a', 'b>', '<c>']);
    expect(ctx.substituted).toEqual(['a  b', 'c']);
  });
});

describe('$@ and $*', () => {
  const positional = ['a b', '', 'c'];

  it('"$@" gives one field per positional parameter, even empty ones', async () => {
    expect(await fields('"$@"', { positional })).toEqual(['a b', '', 'c']);
  });

  it('"$@" gives no field at all without positional parameters', async () => {
    expect(await fields('x "$@" y', { positional: [] })).toEqual(['x', 'y']);
    expect(await fields('"${@}"', { positional: [] })).toEqual([]);
  });

  it('"$@" joins the first and last parameters with surrounding text', async () => {
    expect(await fields('"<$@>"', { positional })).toEqual(['<a b', '', 'c>']);
  });

  it('"$*" joins with the first character of IFS', async () => {
    expect(await fields('"$*"', { positional })).toEqual(['a b  c']);
    expect(await fields('"$*"', { positional, vars: { IFS: ':;' } })).toEqual(['a b::c']);
    expect(await fields('"$*"', { positional, vars: { IFS: '' } })).toEqual(['a bc']);
  });

  it('unquoted $@ and $* split each parameter and drop empty ones', async () => {
    expect(await fields('$@', { positional })).toEqual(['a', 'b', 'c']);
    expect(await fields('$*', { positional })).toEqual(['a', 'b', 'c']);
  });

  it('keeps parameters apart even when IFS is empty', async () => {
    expect(await fields('$@', { positional, vars: { IFS: '' } })).toEqual(['a b', 'c']);
  });

  it('joins with spaces where no splitting happens', async () => {
    expect(await value('"$@"', { positional })).toBe('a b  c');
    expect(await value('$*', { positional, vars: { IFS: '-' } })).toBe('a b--c');
  });
});

describe('tilde expansion', () => {
  const opts = { vars: { HOME: '/home/me', PWD: '/cwd', OLDPWD: '/old' }, homes: { bob: '/home/bob', '': '/etc/me' } };

  it('expands ~ to $HOME and ~user through home()', async () => {
    expect(await fields('~ ~/x ~bob/y ~+ ~-', opts)).toEqual(['/home/me', '/home/me/x', '/home/bob/y', '/cwd', '/old']);
  });

  it('asks home("") when HOME is unset', async () => {
    expect(await fields('~/x', { homes: { '': '/etc/me' } })).toEqual(['/etc/me/x']);
  });

  it('leaves an unknown user as written', async () => {
    expect(await fields('~nobody/x', opts)).toEqual(['~nobody/x']);
  });

  it('does not split or glob the home directory', async () => {
    expect(await fields('~', { vars: { HOME: '/a b/*' } })).toEqual(['/a b/*']);
  });

  it('expands in assignment values after = and :', async () => {
    expect(await value('~/bin:~bob:x~', opts)).toBe('/home/me/bin:/home/bob:x~');
  });
});

describe('expandWord', () => {
  it('neither splits nor globs', async () => {
    expect(await value('$sp*', { vars, files: ['/a'] })).toBe(' x  y *');
  });

  it('removes quotes and expands everything else', async () => {
    expect(await value(`"a $a"'$b'\\c$(x)`, { vars, substitute: () => 'out\n' })).toBe('a A$bcout');
  });

  it('gives an empty string for an empty value', async () => {
    expect(await value('')).toBe('');
    expect(await value('$unset')).toBe('');
  });
});

describe('expandPattern', () => {
  it('escapes quoted wildcard characters but not expanded ones', async () => {
    const ctx = fakeContext({ vars });
    const pattern = await expandPattern(simple('x "*"$glob\\?').words[1]!, ctx);
    expect(matchPattern(pattern, '*fabc?')).toBe(true);
    expect(matchPattern(pattern, 'xfabc?')).toBe(false);
    expect(matchPattern(pattern, '*fabcd')).toBe(false);
  });

  it('keeps a backslash from an expansion as an escape, as bash does for `case $x in $pat`', async () => {
    const ctx = fakeContext({ vars: { pat: '\\*' } });
    const pattern = await expandPattern(simple('x $pat').words[1]!, ctx);
    expect(matchPattern(pattern, '*')).toBe(true);
    expect(matchPattern(pattern, '\\*')).toBe(false);
  });
});
