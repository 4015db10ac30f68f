// Parsing one complete command at a time (CommandReader), aliases, and the `incomplete` flag
// that makes the interactive shell prompt with PS2.

import { describe, expect, it } from 'vitest';
import type { List } from '../../src/lang/ast.js';
import { parse } from '../../src/lang/parser.js';
import { CommandReader, type ParseOptions } from '../../src/lang/reader.js';
import { parseError } from './helpers.js';
import { shape } from './shape.js';

/** Each complete command of `source`, as shapes, reading with `options`. */
function commands(source: string, options: ParseOptions = {}): string[] {
  const reader = new CommandReader(source, options);
  const out: string[] = [];
  for (let list: List | null; (list = reader.next()); ) out.push(shape(list));
  return out;
}

describe('CommandReader', () => {
  it('returns one line at a time, more when a command spans lines', () => {
    expect(commands('a; b &\n\n# note\nif c\nthen d\nfi; e\nf')).toEqual(['[a]; [b] &', '(if [c] then [d]); [e]', '[f]']);
  });

  it('returns a here-document with its line', () => {
    const reader = new CommandReader('cat <<EOF\nbody\nEOF\nnext');
    expect(shape(reader.next()!)).toBe('[cat <<EOF]');
    expect(shape(reader.next()!)).toBe('[next]');
    expect(reader.next()).toBeNull();
    expect(reader.next()).toBeNull();
  });

  it('returns the lines before a syntax error, then throws', () => {
    const reader = new CommandReader('a\nb\nc )\nd');
    expect([shape(reader.next()!), shape(reader.next()!)]).toEqual(['[a]', '[b]']);
    expect(() => reader.next()).toThrow("syntax error near unexpected token `)'");
    expect(reader.next()).toBeNull();
  });

  it('does not read past the line it returns: text that would not parse can follow an exit', () => {
    const reader = new CommandReader('case $0 in *) exit;; esac\n) ( fi');
    expect(shape(reader.next()!)).toBe('(case $0 *) [exit] ;;)');
  });

  it('asks for aliases as it goes, so that an alias defined on one line applies from the next', () => {
    const aliases = new Map<string, string>();
    const reader = new CommandReader('alias ll="ls -l"; ll\nll x', { alias: (n) => aliases.get(n) });
    expect(shape(reader.next()!)).toBe('[alias ll="ls -l"]; [ll]');
    aliases.set('ll', 'ls -l');
    expect(shape(reader.next()!)).toBe('[ls -l x]');
  });
});

describe('aliases', () => {
  const table: Record<string, string> = {
    ll: 'ls -l',
    s: 'sudo ',
    q: 'echo "a b"',
    loop: 'while true; do',
    self: 'self -x',
    a: 'b 1',
    b: 'a 2',
    empty: '',
    bang: '! x',
  };
  const alias = (name: string) => table[name];
  const tree = (source: string) => shape(parse(source, { alias }));

  it('replaces the first word of a simple command', () => {
    expect(tree('ll /tmp; echo ll')).toBe('[ls -l /tmp]; [echo ll]');
    expect(tree('a && ll | ll')).toBe('[a 2 1] && [ls -l] | [ls -l]');
    expect(tree('q c')).toBe('[echo "a b" c]');
  });

  it('does not replace quoted words or assignments', () => {
    expect(tree("'ll' \\ll \"ll\" x")).toBe("['ll' \\ll \"ll\" x]");
    expect(tree('x=1 ll')).toBe('[x=1 ll]');
  });

  it('stops recursion at the name being expanded', () => {
    expect(tree('self')).toBe('[self -x]');
    expect(tree('a')).toBe('[a 2 1]');
  });

  it('checks the next word too after a value ending in a blank', () => {
    expect(tree('s ll x')).toBe('[sudo ls -l x]');
    expect(tree('ll ll')).toBe('[ls -l ll]');
  });

  it('may produce reserved words and operators', () => {
    expect(tree('loop x; done')).toBe('(while [true] do [x])');
    expect(tree('bang')).toBe('! [x]');
    expect(tree('empty ll')).toBe('[ls -l]');
  });

  it('keeps the source as typed in and-or lists and compound commands', () => {
    const list = parse('ll x && { ll; }', { alias });
    expect(list.items[0]!.source).toBe('ll x && { ll; }');
  });
});

describe('incomplete input (PS2)', () => {
  it.each([
    'if true; then',
    'if true',
    'if a; then b; else',
    'while :',
    'while :; do',
    'until a; do b',
    'for i',
    'for i in a b',
    'for i in a b; do',
    'case x',
    'case x in',
    'case x in a)',
    'case x in a) b;;',
    '{',
    '{ a;',
    '(',
    '(a',
    'f()',
    'f() {',
    'function f',
    'a && {',
    '$(if a; then',
  ])('%j', (source) => {
    const e = parseError(source);
    expect(e.incomplete).toBe(true);
    expect(['syntax error: unexpected end of file', "unexpected EOF while looking for matching `)'"]).toContain(e.message);
  });

  it('completes once the rest arrives', () => {
    expect(shape(parse('if true; then\n a\nfi'))).toBe('(if [true] then [a])');
    expect(shape(parse('case x in\n a) b;;\nesac'))).toBe('(case x a) [b] ;;)');
  });

  it('is not incomplete for a wrong token', () => {
    expect(parseError('if a; then b; done')).toMatchObject({ incomplete: false, message: "syntax error near unexpected token `done'" });
    expect(parseError('case x in a) b;; )')).toMatchObject({ incomplete: false });
  });
});
