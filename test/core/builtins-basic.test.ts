// echo, :, true and false, run as the shell runs a builtin by itself.

import { describe, expect, it } from 'vitest';
import { colonBuiltin } from '../../src/core/builtins/colon.js';
import { echoBuiltin, interpret } from '../../src/core/builtins/echo.js';
import { falseBuiltin } from '../../src/core/builtins/false.js';
import { trueBuiltin } from '../../src/core/builtins/true.js';
import { fakeShell, runIn } from './fakeport.js';

const echo = async (...argv: string[]): Promise<string> => {
  const { shell } = fakeShell();
  return (await runIn(shell, echoBuiltin, 'echo', ...argv)).out;
};

describe('echo', () => {
  it('joins its operands with spaces and ends the line', async () => {
    expect(await echo('a', 'b  c', '')).toBe('a b  c \n');
    expect(await echo()).toBe('\n');
  });

  it('takes only words made of n, e and E as options, and only before the text', async () => {
    expect(await echo('-n', 'x')).toBe('x');
    expect(await echo('-nE', 'a\\tb')).toBe('a\\tb');
    expect(await echo('-')).toBe('-\n');
    expect(await echo('-n-')).toBe('-n-\n');
    expect(await echo('-enx', 'a')).toBe('-enx a\n');
    expect(await echo('--', '-n')).toBe('-- -n\n');
    expect(await echo('x', '-n')).toBe('x -n\n');
  });

  it('the last of -e and -E wins', async () => {
    expect(await echo('-e', '-E', 'a\\tb')).toBe('a\\tb\n');
    expect(await echo('-Ee', 'a\\tb')).toBe('a\tb\n');
  });

  it('-e: \\c ends all output, newline included', async () => {
    expect(await echo('-e', 'x\\cy', 'z')).toBe('x');
  });

  it('-e escapes, as bash prints them', () => {
    expect(interpret('\\a\\b\\e\\E\\f\\n\\r\\t\\v\\\\').text).toBe('\x07\b\x1b\x1b\f\n\r\t\v\\');
    expect(interpret('\\0101\\01\\0\\08').text).toBe('A\x01\x00\x008');
    expect(interpret('\\x41\\x4g\\x').text).toBe('A\x04g\\x');
    expect(interpret('\\u00e9\\U0001F600\\u').text).toBe('é😀\\u');
    expect(interpret('\\xc3\\xa9').text).toBe('é');
  });

  it('-e keeps unknown escapes, \\1 to \\7, quotes and a trailing backslash as written', () => {
    expect(interpret('\\q\\1\\7\\\'\\"\\?x\\').text).toBe('\\q\\1\\7\\\'\\"\\?x\\');
  });
});

describe(':, true and false', () => {
  it('ignore their operands', async () => {
    const { shell } = fakeShell();
    expect((await runIn(shell, colonBuiltin, ':', 'x', '-y')).status).toBe(0);
    expect((await runIn(shell, trueBuiltin, 'true', '--bad')).status).toBe(0);
    const r = await runIn(shell, falseBuiltin, 'false', 'x');
    expect([r.status, r.out, r.err]).toEqual([1, '', '']);
  });
});
