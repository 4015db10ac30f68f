// test and [ (builtins/test.def): POSIX's rules by argument count, bash's grammar beyond,
// and bash's messages with status 2 for syntax errors.

import { describe, expect, it } from 'vitest';
import { testBuiltin } from '../../../src/core/builtins/test.js';
import { fakeShell, runIn } from '../fakeport.js';

async function test(...argv: string[]) {
  const { shell, port } = fakeShell();
  port.file('/bin/tool', true);
  port.dir('/home/user');
  shell.vars.set('SET', '');
  return runIn(shell, testBuiltin, ...argv);
}

describe('test', () => {
  it('decides by the number of arguments', async () => {
    expect((await test('test')).status).toBe(1);
    expect((await test('test', '')).status).toBe(1);
    expect((await test('test', '-n')).status).toBe(0);
    expect((await test('test', '!', '')).status).toBe(0);
    expect((await test('test', '-z', '')).status).toBe(0);
    expect((await test('test', 'a', '=', 'a')).status).toBe(0);
    expect((await test('test', '!', '-z', 'x')).status).toBe(0);
    expect((await test('test', '(', '', ')')).status).toBe(1);
    expect((await test('test', 'x', '-a', '')).status).toBe(1);
    expect((await test('test', '!', 'a', '=', 'b')).status).toBe(0);
    expect((await test('test', '(', '-n', 'x', ')')).status).toBe(0);
  });

  it('evaluates -a before -o, with ! and parentheses', async () => {
    expect((await test('test', '1', '-lt', '2', '-a', '(', '3', '-gt', '4', '-o', 'x', ')')).status).toBe(0);
    expect((await test('test', '', '-o', 'x', '-a', '')).status).toBe(1);
    expect((await test('test', '!', '!', 'a', '-a', 'b')).status).toBe(0);
  });

  it('compares integers with blanks allowed, and strings', async () => {
    expect((await test('test', ' 7 ', '-eq', '7')).status).toBe(0);
    expect((await test('test', '-3', '-lt', '2')).status).toBe(0);
    expect((await test('test', 'a', '<', 'b')).status).toBe(0);
    expect((await test('test', 'a', '!=', 'a')).status).toBe(1);
  });

  it('tests files and variables', async () => {
    expect((await test('test', '-x', '/bin/tool')).status).toBe(0);
    expect((await test('test', '-f', '/bin/tool')).status).toBe(0);
    expect((await test('test', '-d', '/bin/tool')).status).toBe(1);
    expect((await test('test', '-e', '/nope')).status).toBe(1);
    expect((await test('test', '-d', '.')).status).toBe(0);
    expect((await test('test', '-v', 'SET')).status).toBe(0);
    expect((await test('test', '-v', 'UNSET')).status).toBe(1);
    expect((await test('test', '-o', 'hashall')).status).toBe(0);
  });

  it('reports syntax errors as bash, with status 2', async () => {
    expect(await test('[', 'a')).toEqual({ status: 2, out: '', err: "jcsh: [: missing `]'\n" });
    expect((await test('[', 'a', 'b', ']')).err).toBe('jcsh: [: a: unary operator expected\n');
    expect((await test('test', 'a', 'b', 'c')).err).toBe('jcsh: test: b: binary operator expected\n');
    expect((await test('test', 'x', '-eq', '1')).err).toBe('jcsh: test: x: integer expression expected\n');
    expect((await test('test', 'a', 'b', 'c', 'd', 'e')).err).toBe('jcsh: test: too many arguments\n');
    expect((await test('test', '1', '-eq', '1', '-a')).err).toBe('jcsh: test: argument expected\n');
    expect((await test('[', 'a', '=', 'a', '-a', '(', 'b', ']')).err).toBe("jcsh: [: `)' expected, found ]\n");
    expect((await test('test', '-Q', 'x')).status).toBe(2);
  });
});
