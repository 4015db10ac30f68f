// read (builtins/read.def): one line a byte at a time, IFS splitting with the rest to the
// last name, backslash escapes and continuation, status 1 at end of input.

import { describe, expect, it } from 'vitest';
import { readBuiltin } from '../../../src/core/builtins/read.js';
import { runBuiltinHere } from '../../../src/core/builtins/run.js';
import { FdTable } from '../../../src/core/redirect.js';
import { fakeShell, runIn } from '../fakeport.js';

function reading(input: string) {
  const { shell, port } = fakeShell();
  port.feed(0, input);
  const read = (...args: string[]) => runIn(shell, readBuiltin, 'read', ...args);
  return { shell, port, read };
}

describe('read', () => {
  it('takes exactly one line, one byte at a time, leaving the rest', async () => {
    const { shell, port, read } = reading('l1\nl2\n');
    expect((await read('a')).status).toBe(0);
    expect(shell.vars.get('a')).toBe('l1');
    expect(port.readSizes.every((n) => n === 1)).toBe(true);
    expect(new TextDecoder().decode(port.input.get(0))).toBe('l2\n');
  });

  it('reads a line of a regular file synchronously: a plain status, not a promise', () => {
    const { shell, port } = fakeShell();
    port.feed(0, 'l1\nl2\n', true);
    expect(runBuiltinHere(shell, readBuiltin, ['read', 'a'], new FdTable(shell.stdio))).toBe(0);
    expect(shell.vars.get('a')).toBe('l1');
    expect(new TextDecoder().decode(port.input.get(0))).toBe('l2\n');
  });

  it('splits on IFS, giving the rest of the line to the last name', async () => {
    const { shell, read } = reading('  one  two three  \n');
    await read('a', 'b');
    expect([shell.vars.get('a'), shell.vars.get('b')]).toEqual(['one', 'two three']);
  });

  it('strips one trailing delimiter only when it ends exactly one more field', async () => {
    const { shell, read } = reading('x:y:\nx:y::\n');
    shell.vars.set('IFS', ':');
    await read('a', 'b');
    expect(shell.vars.get('b')).toBe('y');
    await read('a', 'b');
    expect(shell.vars.get('b')).toBe('y::');
  });

  it('keeps REPLY unsplit and untrimmed', async () => {
    const { shell, read } = reading('  a b  \n');
    await read();
    expect(shell.vars.get('REPLY')).toBe('  a b  ');
  });

  it('honours backslashes without -r: escapes and line continuation', async () => {
    const { shell, read } = reading('a\\ b\\\nc d\nx\\y\n');
    await read('p', 'q');
    expect([shell.vars.get('p'), shell.vars.get('q')]).toEqual(['a bc', 'd']);
    await read('-r', 'p');
    expect(shell.vars.get('p')).toBe('x\\y');
  });

  it('assigns a last line without newline, with status 1; nothing at all is status 1 too', async () => {
    const { shell, read } = reading('partial');
    expect((await read('a')).status).toBe(1);
    expect(shell.vars.get('a')).toBe('partial');
    expect((await read('a')).status).toBe(1);
    expect(shell.vars.get('a')).toBe('');
  });

  it('reads to another delimiter with -d, or a count of characters with -n', async () => {
    const { shell, read } = reading('one,twé3456\n');
    await read('-d', ',', 'a');
    expect(shell.vars.get('a')).toBe('one');
    await read('-n', '3', 'a');
    expect(shell.vars.get('a')).toBe('twé');
  });

  it('prompts only when reading a terminal, and rejects bad names', async () => {
    const { port, read } = reading('x\ny\n');
    expect((await read('-p', 'P> ', 'a')).err).toBe('');
    port.isatty = () => true;
    expect(await read('-p', 'P> ', 'a')).toEqual({ status: 0, out: '', err: 'P> ' });
    expect(await read('1x')).toEqual({ status: 1, out: '', err: "jcsh: read: `1x': not a valid identifier\n" });
  });
});
