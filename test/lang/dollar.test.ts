// Parsing of the `$` forms: parameters, `${…}` operators, `$(…)` and backquotes.

import { describe, expect, it } from 'vitest';
import type { List, WordPart } from '../../src/lang/ast.js';
import { parse } from '../../src/lang/parser.js';
import { lit, param, wordParts, asSimple } from './helpers.js';

function withOp(name: string, op: string, wordSource: string, quoted = false): object {
  return { kind: 'param', name, op, word: expect.objectContaining({ source: wordSource }), quoted };
}

/** The command substitution that is the only part of the only word of `source`. */
function command(source: string): Extract<WordPart, { kind: 'command' }> {
  const parts = wordParts(source);
  const part = parts.find((p) => p.kind === 'command');
  if (!part || part.kind !== 'command') throw new Error('no command substitution');
  return part;
}

/** The parts of the operator word of a `${x op word}` part. */
function opWord(part: WordPart | undefined): readonly WordPart[] {
  if (part?.kind !== 'param' || !part.word) throw new Error('no operator word');
  return part.word.parts;
}

function commandWords(list: List): string[][] {
  return list.items.map((i) => i.first.commands.map(asSimple).flatMap((c) => c.words.map((w) => w.source)));
}

describe('parameters', () => {
  it('reads $name up to the first character that cannot be in a name', () => {
    expect(wordParts('$HOME/x')).toEqual([param('HOME'), lit('/x')]);
    expect(wordParts('$a_1-b')).toEqual([param('a_1'), lit('-b')]);
  });

  it.each(['?', '!', '$', '#', '@', '*', '-', '0', '9'])('reads the special parameter $%s', (name) => {
    expect(wordParts(`$${name}x`)).toEqual([param(name), lit('x')]);
  });

  it('reads only one digit without braces, any number with them', () => {
    expect(wordParts('$10')).toEqual([param('1'), lit('0')]);
    expect(wordParts('${10}')).toEqual([param('10')]);
  });

  it('keeps a $ that starts no expansion', () => {
    expect(wordParts('a$')).toEqual([lit('a$')]);
    expect(wordParts('$.x')).toEqual([lit('$.x')]);
    expect(wordParts('"$"')).toEqual([lit('$', true)]);
    expect(wordParts('$ ')).toEqual([lit('$')]);
    expect(wordParts('\\$x')).toEqual([lit('$', true), lit('x')]);
    expect(wordParts("'$x'")).toEqual([lit('$x', true)]);
  });

  it('reads ${name} and the length ${#name}', () => {
    expect(wordParts('${a}b')).toEqual([param('a'), lit('b')]);
    expect(wordParts('${#a}')).toEqual([{ kind: 'param', name: 'a', op: 'length', word: null, quoted: false }]);
    expect(wordParts('${#@}')).toEqual([{ kind: 'param', name: '@', op: 'length', word: null, quoted: false }]);
  });

  it('reads ${#} as $# and ${##} as its length', () => {
    expect(wordParts('${#}')).toEqual([param('#')]);
    expect(wordParts('${##}')).toEqual([{ kind: 'param', name: '#', op: 'length', word: null, quoted: false }]);
  });

  it.each([':-', '-', ':=', '=', ':+', '+', ':?', '?'])('reads the operator %s and its word', (op) => {
    expect(wordParts(`\${x${op}a b}`)).toEqual([withOp('x', op, 'a b')]);
  });

  it('parses the operator word with quotes and nested expansions', () => {
    const [part] = wordParts('${x:-"a}" $y ${z:-}}');
    expect(part).toMatchObject({ name: 'x', op: ':-' });
    expect(opWord(part)).toEqual([
      lit('a}', true),
      lit(' '),
      param('y'),
      lit(' '),
      { kind: 'param', name: 'z', op: ':-', word: { parts: [], source: '', pos: expect.anything() }, quoted: false },
    ]);
  });

  it('ends the operator word at the first unquoted brace, as bash does', () => {
    expect(wordParts('${x:-{a}}')).toEqual([withOp('x', ':-', '{a'), lit('}')]);
    expect(wordParts('${x:-\\}}')).toEqual([withOp('x', ':-', '\\}')]);
  });

  it('reads a tilde at the start of an unquoted operator word', () => {
    const [part] = wordParts('${x:-~/a}');
    expect(opWord(part)).toEqual([{ kind: 'tilde', user: '' }, lit('/a')]);
  });

  it('inside double quotes, reads the operator word with double-quote rules', () => {
    const [part] = wordParts(`"\${x:-'a' "b c" \\}}"`);
    expect(part).toMatchObject({ name: 'x', op: ':-', quoted: true });
    expect(opWord(part)).toEqual([lit(`'a' b c }`, true)]);
  });
});

describe('command substitution', () => {
  it('parses $(…) into a list, keeping the inner source', () => {
    const part = command('$(ls -l | wc)');
    expect(part.source).toBe('ls -l | wc');
    expect(part.quoted).toBe(false);
    expect(part.list.items[0]!.first.commands).toHaveLength(2);
  });

  it('marks it quoted inside double quotes', () => {
    expect(command('"$(date)"').quoted).toBe(true);
  });

  it('skips parentheses inside quotes and nested substitutions', () => {
    const part = command(`$(echo ")" ')' \\) $(echo \`echo ")"\` "$(echo '(')"))`);
    expect(commandWords(part.list)).toEqual([['echo', '")"', "')'", '\\)', `$(echo \`echo ")"\` "$(echo '(')")`]]);
  });

  it('parses lists with separators and newlines inside', () => {
    const part = command('$(a; b &\n c)');
    expect(commandWords(part.list)).toEqual([['a'], ['b'], ['c']]);
    expect(part.list.items[1]!.background).toBe(true);
  });

  it('gives inner nodes positions in the outer source', () => {
    const list = parse('x\necho $(a  b)');
    const part = list.items[1]!.first.commands.map(asSimple)[0]!.words[1]!.parts[0] as Extract<WordPart, { kind: 'command' }>;
    expect(part.list.items[0]!.first.commands.map(asSimple)[0]!.words[1]!.pos).toEqual({ line: 2, column: 11, offset: 12 });
  });

  it('allows an empty substitution and comments ended by a newline', () => {
    expect(command('$( )').list.items).toEqual([]);
    expect(commandWords(command('$(a # b)\n)').list)).toEqual([['a']]);
  });

  it('parses backquotes into the same kind of part, removing their escapes', () => {
    const part = command('`echo \\`date\\` \\$x \\\\ \\a`');
    expect(part.source).toBe('echo `date` $x \\ \\a');
    // `\ ` is now an escaped blank in the inner command
    expect(commandWords(part.list)).toEqual([['echo', '`date`', '$x', '\\ \\a']]);
  });

  it('removes the backslash of \\" only in backquotes within double quotes', () => {
    expect(command('"`echo \\"a\\"`"').source).toBe('echo "a"');
    expect(command('`echo \\"a\\"`').source).toBe('echo \\"a\\"');
  });

  it('keeps the outer word whole around a substitution', () => {
    expect(wordParts('a$(b)c').map((p) => p.kind)).toEqual(['literal', 'command', 'literal']);
  });
});
