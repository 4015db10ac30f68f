// The shell lab's tsh grammar (tsh.c parseline), as `--compat=tsh` parses it: blanks, '…'
// quoting and a trailing & only; the line is kept exactly as typed for tsh's messages.

import { describe, expect, it } from 'vitest';
import type { List } from '../../src/lang/ast.js';
import { literalText, parseTsh } from '../../src/lang/tsh-parser.js';
import { asSimple } from './helpers.js';

function argv(list: List): string[][] {
  return list.items.map((i) => i.first.commands.map(asSimple)[0]!.words.map(literalText));
}

function one(line: string): { argv: string[]; background: boolean; source: string } {
  const list = parseTsh(line);
  expect(list.items).toHaveLength(1);
  const item = list.items[0]!;
  return { argv: argv(list)[0]!, background: item.background, source: item.source };
}

describe('tsh words', () => {
  it('splits on spaces only; a tab belongs to its word', () => {
    expect(one('  ./myspin   4 ').argv).toEqual(['./myspin', '4']);
    expect(one('a\tb c').argv).toEqual(['a\tb', 'c']);
  });

  it("quotes with '…' only at the start of a word", () => {
    expect(one("/bin/echo 'a  b' '' it's").argv).toEqual(['/bin/echo', 'a  b', '', "it's"]);
    expect(one("x 'a'b").argv).toEqual(['x', 'a', 'b']);
    expect(one('x "a b"').argv).toEqual(['x', '"a', 'b"']);
  });

  it('an unclosed quote ends the line there', () => {
    expect(one("x y 'never closed z").argv).toEqual(['x', 'y']);
  });

  it('expands, redirects and pipes nothing', () => {
    expect(one('/bin/echo $HOME ~ * > f | g ; h && i \\046').argv).toEqual(
      ['/bin/echo', '$HOME', '~', '*', '>', 'f', '|', 'g', ';', 'h', '&&', 'i', '\\046']);
    const parts = parseTsh('a $x').items[0]!.first.commands.map(asSimple)[0]!.words[1]!.parts;
    expect(parts).toEqual([{ kind: 'literal', text: '$x', quoted: true }]);
  });

  it('keeps each word as written, with its position', () => {
    const words = parseTsh("ls\n  x 'a b'").items[1]!.first.commands.map(asSimple)[0]!.words;
    expect(words.map((w) => [w.source, w.pos])).toEqual([
      ['x', { line: 2, column: 3, offset: 5 }],
      ["'a b'", { line: 2, column: 5, offset: 7 }],
    ]);
  });
});

describe('tsh background jobs and command lines', () => {
  it('a last word starting with & runs the job in the background and is dropped', () => {
    expect(one('./myspin 4 &')).toEqual({ argv: ['./myspin', '4'], background: true, source: './myspin 4 &' });
    expect(one('./myspin 4 &junk').argv).toEqual(['./myspin', '4']);
    expect(one("./myspin 4 '&'").background).toBe(true);
  });

  it('an & glued to a word, or not last, is an ordinary character', () => {
    expect(one('./myspin 4&')).toMatchObject({ argv: ['./myspin', '4&'], background: false });
    expect(one('a & b')).toMatchObject({ argv: ['a', '&', 'b'], background: false });
  });

  it('keeps the line exactly as typed, blanks and & included', () => {
    expect(one('  ./myspin 5 ').source).toBe('  ./myspin 5 ');
    expect(one('./myspin 1   &  ').source).toBe('./myspin 1   &  ');
  });

  it('blank lines and a lone & run nothing; never a syntax error', () => {
    expect(parseTsh('').items).toEqual([]);
    expect(parseTsh('    ').items).toEqual([]);
    expect(parseTsh('&').items).toEqual([]);
    expect(argv(parseTsh('(( ; | ) `'))).toEqual([['((', ';', '|', ')', '`']]);
  });

  it('one command per line', () => {
    const list = parseTsh('a 1\n\nb &\nquit\n');
    expect(argv(list)).toEqual([['a', '1'], ['b'], ['quit']]);
    expect(list.items.map((i) => [i.pos.line, i.background])).toEqual([[1, false], [3, true], [4, false]]);
  });
});
