// printf (builtins/printf.def): format reuse, conversions with flags, width and precision,
// escapes, bad numbers reported with the output going on, and C's exact rounding.

import { describe, expect, it } from 'vitest';
import { printfBuiltin } from '../../../src/core/builtins/printf.js';
import { fakeShell, runIn } from '../fakeport.js';

async function printf(...args: string[]) {
  return runIn(fakeShell().shell, printfBuiltin, 'printf', ...args);
}

describe('printf', () => {
  it('reuses the format while arguments remain, filling missing ones with "" and 0', async () => {
    expect((await printf('%s-%s\n', 'a', 'b', 'c')).out).toBe('a-b\nc-\n');
    expect((await printf('x\n', 'a', 'b')).out).toBe('x\n');
    expect((await printf('%s %d|', 'a')).out).toBe('a 0|');
  });

  it('converts integers with flags, width, precision and * arguments', async () => {
    expect((await printf('%+d % d %05d %-5d| %.3d\n', '5', '5', '5', '5', '5')).out).toBe('+5  5 00005 5    | 005\n');
    expect((await printf('%x %X %o %u %#x %#o\n', '-1', '255', '8', '-1', '255', '8')).out)
      .toBe('ffffffffffffffff FF 10 18446744073709551615 0xff 010\n');
    expect((await printf('%i %d %d %d\n', '0x1f', '010', "'A", '"é')).out).toBe('31 8 65 233\n');
    expect((await printf('%*d|%-*s|%.*f\n', '4', '7', '3', 'x', '2', '3.14159')).out).toBe('   7|x  |3.14\n');
  });

  it('converts floating point as the C library does, ties to even', async () => {
    expect((await printf('%5.2f|%06.2e|%g|%G\n', '3.14159', '12345.678', '0.0001', '1e20')).out).toBe(' 3.14|1.23e+04|0.0001|1E+20\n');
    expect((await printf('%.0f %.0f %#.0f %.1f\n', '2.5', '3.5', '2', '2.25')).out).toBe('2 4 2. 2.2\n');
    expect((await printf('%g %g %g %.3g\n', '100000', '1000000', '123.456', '1234567')).out).toBe('100000 1e+06 123.456 1.23e+06\n');
    expect((await printf('%f|%f\n', 'inf', '-nan')).out).toBe('inf|-nan\n');
  });

  it('reports a bad number, uses its valid prefix, and goes on with status 1', async () => {
    expect(await printf('%d %d\n', '1', 'x', '3')).toEqual({ status: 1, out: '1 0\n3 0\n', err: 'jcsh: printf: x: invalid number\n' });
    expect(await printf('%d\n', '12abc')).toEqual({ status: 1, out: '12\n', err: 'jcsh: printf: 12abc: invalid number\n' });
  });

  it('handles strings: %s precision, %c first byte, %b escapes ending at \\c, %q quoting', async () => {
    expect((await printf('%.3s|%5s|%-3s|\n', 'abcdef', 'ab', 'x')).out).toBe('abc|   ab|x  |\n');
    expect((await printf('%c%c|', 'hello', '')).out).toBe('h\0|');
    expect((await printf('%b|\n', 'a\\tb\\0101\\101\\c', 'x')).out).toBe('a\tbAA');
    expect((await printf('%q|', '', 'a b', "it's", '~x')).out).toBe("''|a\\ b|it\\'s|\\~x|");
  });

  it('expands escapes in the format, but not \\c', async () => {
    expect((await printf('\\101\\x41\\u00e9\\t\\"\\c\n')).out).toBe('AAé\t"\\c\n');
  });

  it('stops at a bad conversion with status 1', async () => {
    expect(await printf('a%zk')).toEqual({ status: 1, out: 'a', err: "jcsh: printf: `k': invalid format character\n" });
    expect(await printf('a%')).toEqual({ status: 1, out: 'a', err: "jcsh: printf: `%': missing format character\n" });
    expect((await printf('%5%')).status).toBe(1);
    expect((await printf('100%%\n')).out).toBe('100%\n');
  });

  it('assigns with -v, and has bash usage errors', async () => {
    const { shell } = fakeShell();
    expect((await runIn(shell, printfBuiltin, 'printf', '-v', 'V', '%s=%d', 'n', '4')).out).toBe('');
    expect(shell.vars.get('V')).toBe('n=4');
    expect(await printf()).toEqual({ status: 2, out: '', err: 'printf: usage: printf [-v var] format [arguments]\n' });
  });
});
