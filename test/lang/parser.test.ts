// The grammar: lists, and-or lists, pipelines, simple commands with assignments and
// redirections, and the and-or source text that job listings show.

import { describe, expect, it } from 'vitest';
import type { Redirect } from '../../src/lang/ast.js';
import { parse } from '../../src/lang/parser.js';
import { lit, simple, sources, asSimple } from './helpers.js';

function redirects(source: string): { fd: number | null; op: string; target: string }[] {
  return simple(source).redirects.map((r: Redirect) => ({ fd: r.fd, op: r.op, target: r.target.source }));
}

describe('lists', () => {
  it('separates and-or lists by ; & and newlines', () => {
    const list = parse('a; b & c\nd');
    expect(list.items.map((i) => [i.source, i.background])).toEqual([
      ['a', false],
      ['b', true],
      ['c', false],
      ['d', false],
    ]);
  });

  it('accepts a trailing ; or & and blank lines anywhere', () => {
    expect(parse('\n\na;\n\nb &\n').items.map((i) => [i.source, i.background])).toEqual([
      ['a', false],
      ['b', true],
    ]);
  });

  it('parses `%1 &` as a background simple command with the word %1', () => {
    const list = parse('%1 &');
    expect(list.items).toHaveLength(1);
    expect(list.items[0]!.background).toBe(true);
    expect(list.items[0]!.first.commands.map(asSimple)[0]!.words.map((w) => w.parts)).toEqual([[lit('%1')]]);
  });

  it('records each and-or source without the separator, as written', () => {
    const list = parse('  sleep 10  |  cat &&  x "y  z"  &   echo $(a;b) ;');
    expect(list.items.map((i) => i.source)).toEqual(['sleep 10  |  cat &&  x "y  z"', 'echo $(a;b)']);
  });

  it('keeps comments and newlines inside a multi-line and-or source', () => {
    expect(parse('a && # why\n  b\nc').items.map((i) => i.source)).toEqual(['a && # why\n  b', 'c']);
  });
});

describe('and-or lists and pipelines', () => {
  it('chains pipelines with && and ||, left to right', () => {
    const item = parse('a && b || c')!.items[0]!;
    expect(item.rest.map((r) => r.op)).toEqual(['&&', '||']);
    expect(item.rest.map((r) => sources(r.pipeline.commands.map(asSimple)[0]!.words))).toEqual([['b'], ['c']]);
  });

  it('joins simple commands with |', () => {
    const p = parse('a 1 | b 2 | c')!.items[0]!.first;
    expect(p.commands.map(asSimple).map((c) => sources(c.words))).toEqual([['a', '1'], ['b', '2'], ['c']]);
    expect(p.bang).toBe(false);
  });

  it('allows newlines after |, && and ||', () => {
    const item = parse('a |\n\n b &&\n c ||\n d')!.items[0]!;
    expect(item.first.commands).toHaveLength(2);
    expect(item.rest).toHaveLength(2);
  });

  it('reads ! at the start of a pipeline as negation', () => {
    const item = parse('! a | b && ! c')!.items[0]!;
    expect(item.first.bang).toBe(true);
    expect(item.first.commands).toHaveLength(2);
    expect(item.rest[0]!.pipeline.bang).toBe(true);
  });

  it('cancels a double negation and keeps ! as a word elsewhere', () => {
    expect(parse('! ! a').items[0]!.first.bang).toBe(false);
    expect(sources(simple('echo ! !x').words)).toEqual(['echo', '!', '!x']);
    expect(parse('!x').items[0]!.first.bang).toBe(false);
  });
});

describe('simple commands', () => {
  it('takes NAME=value words before the command name as assignments', () => {
    const cmd = simple('A=1 _b2=x"y" cmd C=3');
    expect(cmd.assignments.map((a) => [a.name, a.value.source])).toEqual([
      ['A', '1'],
      ['_b2', 'x"y"'],
    ]);
    expect(sources(cmd.words)).toEqual(['cmd', 'C=3']);
    expect(cmd.words[1]!.parts).toEqual([lit('C=3')]);
  });

  it('allows a command made only of assignments, with empty values', () => {
    const cmd = simple('a= b=2');
    expect(cmd.words).toEqual([]);
    expect(cmd.assignments.map((a) => [a.name, a.value.parts])).toEqual([
      ['a', []],
      ['b', [lit('2')]],
    ]);
  });

  it('does not take words that only look like assignments', () => {
    expect(simple('1a=2 =x').assignments).toEqual([]);
    expect(simple('a-b=1').assignments).toEqual([]);
  });

  it('still takes assignments after redirections in the prefix', () => {
    const cmd = simple('A=1 >out B=2 cmd');
    expect(cmd.assignments.map((a) => a.name)).toEqual(['A', 'B']);
    expect(cmd.redirects).toHaveLength(1);
  });

  it('accepts a command made only of redirections', () => {
    const cmd = simple('> file');
    expect(cmd.words).toEqual([]);
    expect(cmd.redirects.map((r) => r.target.source)).toEqual(['file']);
  });
});

describe('redirections', () => {
  it.each([
    ['<in', null, '<', 'in'],
    ['>out', null, '>', 'out'],
    ['>>log', null, '>>', 'log'],
    ['>|f', null, '>|', 'f'],
    ['<>f', null, '<>', 'f'],
    ['2>err', 2, '>', 'err'],
    ['2>>err', 2, '>>', 'err'],
    ['0<in', 0, '<', 'in'],
    ['3<>rw', 3, '<>', 'rw'],
    ['2>&1', 2, '>&', '1'],
    ['0<&3', 0, '<&', '3'],
    ['<&3', null, '<&', '3'],
    ['>&2', null, '>&', '2'],
    ['2>&-', 2, '>&', '-'],
    ['>&-', null, '>&', '-'],
    ['<&-', null, '<&', '-'],
    ['&>all', null, '&>', 'all'],
    ['&>>all', null, '&>>', 'all'],
    // bash keeps `>&word` as written: the expanded word decides between dup and `&>`
    ['>&file', null, '>&', 'file'],
    ['1>&file', 1, '>&', 'file'],
    ['12>x', 12, '>', 'x'],
    ['<<<word', null, '<<<', 'word'],
    ['3<<< "a b"', 3, '<<<', '"a b"'],
  ])('parses %s', (text, fd, op, target) => {
    expect(redirects(`cmd ${text}`)).toEqual([{ fd, op, target }]);
  });

  it('allows blanks between the operator and the target', () => {
    expect(redirects('cmd 2>  err <\tin')).toEqual([
      { fd: 2, op: '>', target: 'err' },
      { fd: null, op: '<', target: 'in' },
    ]);
  });

  it('places redirections anywhere among the words', () => {
    const cmd = simple('>a echo 2>b x <c y');
    expect(sources(cmd.words)).toEqual(['echo', 'x', 'y']);
    expect(cmd.redirects.map((r) => r.target.source)).toEqual(['a', 'b', 'c']);
  });

  it('needs the fd digits directly before the operator', () => {
    const cmd = simple('echo 2 >x a2>y');
    expect(sources(cmd.words)).toEqual(['echo', '2', 'a2']);
    expect(cmd.redirects.map((r) => r.fd)).toEqual([null, null]);
  });

  it('keeps `>&` when an expansion decides between fd and file', () => {
    expect(redirects('cmd >&$fd 2>&file')).toEqual([
      { fd: null, op: '>&', target: '$fd' },
      { fd: 2, op: '>&', target: 'file' },
    ]);
  });

  it('records the position of the redirection, fd included', () => {
    const r = simple('echo hi  2>err').redirects[0]!;
    expect(r.pos).toEqual({ line: 1, column: 10, offset: 9 });
    expect(r.target.pos).toEqual({ line: 1, column: 12, offset: 11 });
  });

  it('expands the target word like any word', () => {
    const r = simple('cmd >"$dir/x"').redirects[0]!;
    expect(r.target.parts).toEqual([
      { kind: 'param', name: 'dir', op: null, word: null, quoted: true },
      lit('/x', true),
    ]);
  });

  it('ends a word before a redirection operator', () => {
    expect(sources(simple('echo a>b').words)).toEqual(['echo', 'a']);
  });
});
