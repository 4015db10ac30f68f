// bash's conditional command `[[ … ]]`: its grammar, the words it reads in its own way (`<`
// and `>` as operators, the regular expression after `=~`), its printing and its errors, as
// bash 5.2 has them.

import { describe, expect, it } from 'vitest';
import type { CompoundCommand } from '../../src/lang/ast.js';
import { parse } from '../../src/lang/parser.js';
import { printCommand } from '../../src/lang/print.js';
import { parseError } from './helpers.js';
import { shape } from './shape.js';

const tree = (source: string) => shape(parse(source));

function cond(source: string) {
  const cmd = parse(source).items[0]!.first.commands[0]! as CompoundCommand;
  if (cmd.body.kind !== 'cond') throw new Error(`expected [[ … ]], got ${cmd.body.kind}`);
  return cmd.body.expression;
}

describe('[[ … ]]', () => {
  it.each([
    ['[[ a ]]', '([[ -n a ]])'],
    ['[[ -f $f ]] && echo y', '([[ -f $f ]]) && [echo y]'],
    ['[[ $x == a* || ! -z "$y" ]]', '([[ $x == a* || ! -z "$y" ]])'],
    ['[[ a && ( b || c ) ]] >out', '([[ -n a && ( -n b || -n c ) ]]) >out'],
    ['[[ a < b ]]', '([[ a < b ]])'],
    ['[[ a > b ]]', '([[ a > b ]])'],
    ['[[ a == a &&\n -n b\n ]]', '([[ a == a && -n b ]])'],
    ['[[\n-n x ]]', '([[ -n x ]])'],
    ['[[ ((a)) ]]', '([[ ( ( -n a ) ) ]])'],
    ['f() [[ 1 -eq 1 ]]', '(fn f ([[ 1 -eq 1 ]]))'],
    ['! [[ a ]] | cat', '! ([[ -n a ]]) | [cat]'],
  ])('%j', (source, expected) => {
    expect(tree(source)).toBe(expected);
  });

  it('nests && inside ||, as bash does', () => {
    expect(cond('[[ a || b && c ]]')).toMatchObject({ kind: 'or', right: { kind: 'and' } });
    expect(cond('[[ ! a && b ]]')).toMatchObject({ kind: 'and', left: { kind: 'not' } });
  });

  it('reads the right side of =~ as one word: | and parentheses in it, blanks inside parentheses', () => {
    for (const [source, regex] of [
      ['[[ $l =~ ^([0-9]+)x ]]', '^([0-9]+)x'],
      ['[[ x =~ a|b ]]', 'a|b'],
      ['[[ x =~ (a b)c ]]', '(a b)c'],
      ['[[ x =~ ( a | "b)" ) ]]', '( a | "b)" )'],
      ['[[ x =~ [[:digit:]]+ ]]', '[[:digit:]]+'],
    ]) {
      expect(cond(source!)).toMatchObject({ kind: 'binary', op: '=~', right: { source: regex } });
    }
  });

  it('is a reserved word only where a command starts, and unquoted', () => {
    expect(tree('echo [[ a ]]')).toBe('[echo [[ a ]]]');
    expect(tree('"[[" a ]]')).toBe('["[[" a ]]]');
    expect(tree('x=[[')).toBe('[x=[[]');
  });

  it('keeps quoted operators as words', () => {
    expect(cond('[[ "-n" ]]')).toMatchObject({ kind: 'unary', op: '-n', arg: { source: '"-n"' } });
    expect(parseError('[[ a "==" b ]]').message).toBe('conditional binary operator expected');
  });

  it('prints as bash prints it', () => {
    const cmd = parse('[[   -n $x&&$y == a*||( a<b ) ]]>/dev/null').items[0]!.first.commands[0]!;
    expect(printCommand(cmd)).toBe('[[ -n $x && $y == a* || ( a < b ) ]] > /dev/null');
  });

  it.each([
    ['[[ a b ]]', 'conditional binary operator expected'],
    // a lone word must be followed by what ends a term, not a newline (bash's cond_term)
    ['[[ a\n]]', "unexpected token `newline', conditional binary operator expected"],
    ['[[ a ==\n b ]]', "unexpected argument `newline' to conditional binary operator"],
    ['[[ -n ]]', "unexpected argument `]]' to conditional unary operator"],
    ['[[ a == ]]', "unexpected argument `]]' to conditional binary operator"],
    ['[[ ( a ]]', "unexpected token `]]', expected `)'"],
    ['[[ a ) ]]', "syntax error in conditional expression: unexpected token `)'"],
    ['[[ a ; ]]', "unexpected token `;', conditional binary operator expected"],
    ['[[ a | b ]]', "unexpected token `|', conditional binary operator expected"],
    ['[[ a == b c ]]', 'syntax error in conditional expression'],
    ['[[ & ]]', "unexpected token `&' in conditional command"],
    ['[[ ]]', "syntax error near unexpected token `]]'"],
    ['[[ a && ]]', "syntax error near unexpected token `]]'"],
    ['[[ a ]] ]]', "syntax error near unexpected token `]]'"],
    [']]', "syntax error near unexpected token `]]'"],
  ])('%j: %s', (source, message) => {
    expect(parseError(source)).toMatchObject({ message, incomplete: false });
  });

  it('is incomplete until its ]] (PS2), and in an unclosed regex parenthesis', () => {
    expect(parseError('[[ -n a')).toMatchObject({ message: "unexpected EOF while looking for `]]'", incomplete: true });
    expect(parseError('[[ a &&')).toMatchObject({ incomplete: true });
    expect(parseError('[[ a =~ (b')).toMatchObject({ message: "unexpected EOF while looking for matching `)'", incomplete: true });
  });
});
