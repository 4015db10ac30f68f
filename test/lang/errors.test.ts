// Syntax errors: bash's wording, the position, and whether more input could complete the
// text (`incomplete`, which makes the interactive shell prompt with PS2).

import { describe, expect, it } from 'vitest';
import { SyntaxError } from '../../src/lang/ast.js';
import { parse } from '../../src/lang/parser.js';
import { parseError } from './helpers.js';

describe('incomplete input', () => {
  it.each([
    ["echo 'abc", "unexpected EOF while looking for matching `''"],
    ['echo "abc', 'unexpected EOF while looking for matching `"\''],
    ['echo "a\nb', 'unexpected EOF while looking for matching `"\''],
    ['echo a |', 'syntax error: unexpected end of file'],
    ['echo a |\n\n', 'syntax error: unexpected end of file'],
    ['echo a &&', 'syntax error: unexpected end of file'],
    ['echo a ||', 'syntax error: unexpected end of file'],
    ['echo \\', 'syntax error: unexpected end of file'],
    ['echo $(ls', "unexpected EOF while looking for matching `)'"],
    ['echo $(ls |', 'syntax error: unexpected end of file'],
    ['echo "$(ls', "unexpected EOF while looking for matching `)'"],
    ['echo ${x', "unexpected EOF while looking for matching `}'"],
    ['echo ${x:-abc', "unexpected EOF while looking for matching `}'"],
    ['echo "${x:-abc', "unexpected EOF while looking for matching `}'"],
    ['echo ${', "unexpected EOF while looking for matching `}'"],
    ['echo `ls', "unexpected EOF while looking for matching ``'"],
    ['echo $(echo "a)', 'unexpected EOF while looking for matching `"\''],
  ])('%j: %s', (source, message) => {
    expect(parseError(source)).toMatchObject({ message, incomplete: true });
  });

  it('completes once the rest arrives', () => {
    expect(() => parse("echo 'abc\ndef'")).not.toThrow();
    expect(() => parse('echo a |\ncat')).not.toThrow();
    expect(() => parse('echo \\\nx')).not.toThrow();
    expect(() => parse('echo $(ls\n)')).not.toThrow();
  });

  it('reports an unterminated quote where it opened', () => {
    expect(parseError('echo a\n  "b\nc')).toMatchObject({ line: 2, column: 3 });
  });
});

describe('invalid input', () => {
  it.each([
    ['| a', '|'],
    ['a | | b', '|'],
    ['&& a', '&&'],
    ['a || || b', '||'],
    [';', ';'],
    ['a;;', ';;'],
    ['a ;; b', ';;'],
    ['a & ;', ';'],
    ['a & &', '&'],
    ['; a', ';'],
    ['a |\n;', ';'],
    ['echo >', 'newline'],
    ['echo >\nx', 'newline'],
    ['echo > | x', '|'],
    ['echo 2>', 'newline'],
    ['a && \n &&', '&&'],
    ['echo )', ')'],
    ['echo (', 'newline'],
    ['echo a(b', '('],
    ['(a) b', 'b'],
    ['( )', ')'],
    ['{ }', '}'],
    ['if then fi', 'then'],
    ['a; fi', 'fi'],
    ['a | ! b', '!'],
    ['in', 'in'],
    ['f() echo', 'echo'],
    ['case x in esac) a;; esac', ')'],
    ['a ;& b', ';&'],
    ['a ;;& b', ';;&'],
    ['!', 'newline'],
    ['! ;', ';'],
    ['echo $(a |)', ')'],
  ])('%j is an error near %s', (source, token) => {
    expect(parseError(source)).toMatchObject({
      message: `syntax error near unexpected token \`${token}'`,
      incomplete: false,
    });
  });

  it('reports the position of the unexpected token', () => {
    expect(parseError('echo a\nb ;; c')).toMatchObject({ line: 2, column: 3 });
  });

  it('throws the SyntaxError class of ast.ts', () => {
    let error: unknown;
    try {
      parse('a ;;');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SyntaxError);
    expect((error as SyntaxError).pos.offset).toBe(2);
  });

  it.each([
    ['echo ${x@y}', '${x@y}: bad substitution'],
    ['echo ${}', '${}: bad substitution'],
    ['echo ${x!}', '${x!}: bad substitution'],
    ['echo ${:-x}', '${:-x}: bad substitution'],
    // found by the parser fuzzing (test/torture): an error message is one line
    ['echo ${\n}', '${\\n}: bad substitution'],
  ])('%j: %s', (source, message) => {
    expect(parseError(source)).toMatchObject({ message, incomplete: false });
  });

  it('says an unexpected token on one line, without its line continuations (found by the fuzzing)', () => {
    const message = parseError('2>&1\\\n>').message;
    expect(message).toMatch(/^syntax error near unexpected token `[^`\n]*'$/);
    expect(message).not.toContain('\\');
  });

  it('wants a word after a here-string operator', () => {
    expect(parseError('cat <<<')).toMatchObject({ incomplete: false, message: "syntax error near unexpected token `newline'" });
    expect(parseError('cat <<< ;')).toMatchObject({ message: "syntax error near unexpected token `;'" });
  });
});
