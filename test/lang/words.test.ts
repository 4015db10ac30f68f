// How source text becomes words and word parts: quoting, escapes, continuations, comments,
// tildes, and the exact source and position recorded for each word.

import { describe, expect, it } from 'vitest';
import { parse } from '../../src/lang/parser.js';
import { lit, param, partsOf, simple, sources, wordParts, asSimple } from './helpers.js';

describe('splitting into words', () => {
  it('splits on blanks and keeps each word source', () => {
    expect(sources(simple('  echo\tone   two ').words)).toEqual(['echo', 'one', 'two']);
  });

  it('gives plain words one unquoted literal part', () => {
    expect(partsOf('ls -la /tmp')).toEqual([[lit('ls')], [lit('-la')], [lit('/tmp')]]);
  });

  it('ends words at operator characters without blanks', () => {
    const list = parse('a|b;c&d');
    expect(list.items.map((i) => i.source)).toEqual(['a|b', 'c', 'd']);
  });

  it('keeps braces, percent and other characters inside words', () => {
    expect(sources(simple('echo {a,b} %1 a}b x=y @!').words)).toEqual(['echo', '{a,b}', '%1', 'a}b', 'x=y', '@!']);
  });

  it('treats digits not followed by a redirection operator as a word', () => {
    expect(partsOf('echo 12 3x')).toEqual([[lit('echo')], [lit('12')], [lit('3x')]]);
  });
});

describe('quoting', () => {
  it('single quotes keep everything literally', () => {
    expect(wordParts(`'a $b \\c "d" \`e\`'`)).toEqual([lit('a $b \\c "d" `e`', true)]);
  });

  it('splits a word into parts where quoting changes', () => {
    expect(wordParts(`a'b'"c"d`)).toEqual([lit('a'), lit('bc', true), lit('d')]);
  });

  it('keeps an empty quoted part so that "" and \'\' are empty fields', () => {
    expect(wordParts('""')).toEqual([lit('', true)]);
    expect(wordParts("''")).toEqual([lit('', true)]);
  });

  it('double quotes allow only \\$ \\` \\" \\\\ escapes', () => {
    expect(wordParts(String.raw`"\$ \` \" \\ \n \a"`)).toEqual([lit('$ ` " \\ \\n \\a', true)]);
  });

  it('marks expansions inside double quotes as quoted', () => {
    expect(wordParts('"x$y"')).toEqual([lit('x', true), param('y', true)]);
  });

  it('keeps blanks, operators and newlines inside quotes', () => {
    expect(wordParts('"a | b;\nc"')).toEqual([lit('a | b;\nc', true)]);
  });

  it('turns a backslash escape outside quotes into a quoted character', () => {
    expect(wordParts(String.raw`a\ b\*\$c`)).toEqual([lit('a'), lit(' ', true), lit('b'), lit('*$', true), lit('c')]);
  });

  it('escapes a whole astral character, not half of it', () => {
    expect(wordParts('\\😀x')).toEqual([lit('😀', true), lit('x')]);
  });

  it('does not treat a quoted = as an assignment', () => {
    const cmd = simple(`"a"=1 b\\=2 c`);
    expect(cmd.assignments).toEqual([]);
    expect(sources(cmd.words)).toEqual(['"a"=1', 'b\\=2', 'c']);
  });
});

describe('line continuations', () => {
  it('are removed between and inside words', () => {
    const cmd = simple('ec\\\nho a\\\nb \\\n c');
    expect(cmd.words.map((w) => w.parts)).toEqual([[lit('echo')], [lit('ab')], [lit('c')]]);
  });

  it('are kept in the word source', () => {
    expect(simple('echo a\\\nb').words[1]!.source).toBe('a\\\nb');
  });

  it('are removed inside double quotes but kept inside single quotes', () => {
    expect(wordParts('"a\\\nb"')).toEqual([lit('ab', true)]);
    expect(wordParts("'a\\\nb'")).toEqual([lit('a\\\nb', true)]);
  });

  it('may split operators and parameter names', () => {
    const list = parse('a &\\\n& b');
    expect(list.items[0]!.rest[0]!.op).toBe('&&');
    expect(wordParts('$HO\\\nME')).toEqual([param('HOME')]);
  });

  it('are not a word break: a continuation at a word end joins the next line', () => {
    expect(sources(simple('echo a\\\n b').words)).toEqual(['echo', 'a', 'b']);
  });

  it('an escaped backslash before a newline is not a continuation', () => {
    const list = parse('echo a\\\\\necho b');
    expect(list.items.map((i) => i.source)).toEqual(['echo a\\\\', 'echo b']);
  });
});

describe('comments', () => {
  it('run from a # at the start of a word to the end of the line', () => {
    const list = parse('echo a # b c\necho d#e #f');
    expect(list.items.map((i) => sources(i.first.commands.map(asSimple)[0]!.words))).toEqual([
      ['echo', 'a'],
      ['echo', 'd#e'],
    ]);
  });

  it('may follow an operator directly', () => {
    expect(parse('a;#b').items.map((i) => i.source)).toEqual(['a']);
  });

  it('do not end with a backslash continuation', () => {
    expect(parse('# x \\\necho y').items.map((i) => i.source)).toEqual(['echo y']);
  });

  it('leave nothing when the input is only comments and blank lines', () => {
    expect(parse('# one\n\n   # two\n')).toEqual({ kind: 'list', items: [] });
    expect(parse('')).toEqual({ kind: 'list', items: [] });
    expect(parse(' \n\t\n')).toEqual({ kind: 'list', items: [] });
  });

  it('are not recognized inside quotes or after $', () => {
    expect(partsOf(`echo '#a' "#b" $#`)).toEqual([[lit('echo')], [lit('#a', true)], [lit('#b', true)], [param('#')]]);
  });
});

describe('tildes', () => {
  it('are read at the start of a word up to the first slash', () => {
    expect(wordParts('~/bin')).toEqual([{ kind: 'tilde', user: '' }, lit('/bin')]);
    expect(wordParts('~alice/x/y')).toEqual([{ kind: 'tilde', user: 'alice' }, lit('/x/y')]);
    expect(wordParts('~bob')).toEqual([{ kind: 'tilde', user: 'bob' }]);
  });

  it('are plain text elsewhere in a word', () => {
    expect(wordParts('a~b')).toEqual([lit('a~b')]);
    expect(wordParts('x/~')).toEqual([lit('x/~')]);
  });

  it('are plain text when any part of the prefix is quoted or expanded', () => {
    expect(wordParts('~"bob"')).toEqual([lit('~'), lit('bob', true)]);
    expect(wordParts('~$USER')).toEqual([lit('~'), param('USER')]);
    expect(wordParts('"~"')).toEqual([lit('~', true)]);
    expect(wordParts('\\~')).toEqual([lit('~', true)]);
  });

  it('are read in assignment values after = and after each :', () => {
    const a = simple('PATH=~/bin:~bob/x:a~b cmd').assignments[0]!;
    expect(a.value.parts).toEqual([
      { kind: 'tilde', user: '' },
      lit('/bin:'),
      { kind: 'tilde', user: 'bob' },
      lit('/x:a~b'),
    ]);
  });

  it('are plain text after = in an ordinary argument', () => {
    expect(partsOf('echo a=~/x:~y')[1]).toEqual([lit('a=~/x:~y')]);
  });
});

describe('positions and sources', () => {
  it('records the line, column and offset of each word', () => {
    const list = parse('echo a\n  ls  "b c"');
    const words = list.items[1]!.first.commands.map(asSimple)[0]!.words;
    expect(words.map((w) => w.pos)).toEqual([
      { line: 2, column: 3, offset: 9 },
      { line: 2, column: 7, offset: 13 },
    ]);
    expect(words[1]!.source).toBe('"b c"');
  });

  it('records the position of commands, pipelines and and-or lists', () => {
    const item = parse('\n   a | b && ! c')!.items[0]!;
    expect(item.pos).toEqual({ line: 2, column: 4, offset: 4 });
    expect(item.first.commands[1]!.pos).toEqual({ line: 2, column: 8, offset: 8 });
    expect(item.rest[0]!.pipeline.pos).toEqual({ line: 2, column: 13, offset: 13 });
    expect(item.rest[0]!.pipeline.commands.map(asSimple)[0]!.pos).toEqual({ line: 2, column: 15, offset: 15 });
  });

  it('records assignment positions and value sources', () => {
    const a = simple('  X="a b"  cmd').assignments[0]!;
    expect(a.pos).toEqual({ line: 1, column: 3, offset: 2 });
    expect(a.value.source).toBe('"a b"');
    expect(a.value.pos).toEqual({ line: 1, column: 5, offset: 4 });
  });

  it('keeps the exact text of words with expansions and quotes', () => {
    const words = simple(`echo \${a:-"}"} $(x ')') a"b"'c'`).words;
    expect(sources(words)).toEqual(['echo', '${a:-"}"}', "$(x ')')", `a"b"'c'`]);
  });
});
