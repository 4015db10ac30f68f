// set (options, `$-`, listings, positional parameters) and shift, as bash 5.2.

import { describe, expect, it } from 'vitest';
import { setBuiltin } from '../../../src/core/builtins/set.js';
import { shiftBuiltin } from '../../../src/core/builtins/shift.js';
import { LineAbandoned } from '../../../src/core/errors.js';
import { fakeShell, runFatal, runIn } from '../fakeport.js';

describe('set', () => {
  it('sets options by letter and by name, and $- shows them in bash order', async () => {
    const { shell } = fakeShell({ interactive: false, monitor: false });
    expect(shell.options.flags()).toBe('hB');
    await runIn(shell, setBuiltin, 'set', '-ux', '-o', 'errexit', '-o', 'pipefail');
    expect(shell.options.flags()).toBe('ehuxB');
    expect(shell.options.isOn('pipefail')).toBe(true);
    await runIn(shell, setBuiltin, 'set', '+x', '+o', 'errexit');
    expect(shell.options.flags()).toBe('huB');
  });

  it('checks every option before applying any', async () => {
    const { shell } = fakeShell({ interactive: false, monitor: false });
    expect(await runFatal(shell, setBuiltin, 'set', '-e', '-Q')).toEqual({
      status: 2, exitStatus: 2, out: '',
      err: 'jcsh: set: -Q: invalid option\nset: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n',
    });
    expect(shell.options.isOn('errexit')).toBe(false);
    expect((await runFatal(shell, setBuiltin, 'set', '-o', 'nope')).err).toBe('jcsh: set: nope: invalid option name\n');
  });

  it('lists options as a table and as commands', async () => {
    const { shell } = fakeShell({ interactive: false, monitor: false });
    const table = (await runIn(shell, setBuiltin, 'set', '-o')).out.split('\n');
    expect(table[0]).toBe('allexport      \toff');
    expect(table).toContain('interactive-comments\ton');
    expect((await runIn(shell, setBuiltin, 'set', '+o')).out.split('\n')[1]).toBe('set -o braceexpand');
  });

  it('replaces the positional parameters', async () => {
    const { shell } = fakeShell();
    await runIn(shell, setBuiltin, 'set', 'a', 'b');
    expect(shell.positional).toEqual(['a', 'b']);
    await runIn(shell, setBuiltin, 'set', '-');
    expect(shell.positional).toEqual(['a', 'b']);
    await runIn(shell, setBuiltin, 'set', '-e', '--', '-x');
    expect(shell.positional).toEqual(['-x']);
    await runIn(shell, setBuiltin, 'set', '--');
    expect(shell.positional).toEqual([]);
  });

  it('lists variables quoted for reading back', async () => {
    const { shell } = fakeShell();
    shell.vars.set('Q1', "it's");
    shell.vars.set('Q2', 'a\tb');
    shell.vars.set('Q3', '');
    const out = (await runIn(shell, setBuiltin, 'set')).out;
    expect(out).toContain("Q1='it'\\''s'\nQ2=$'a\\tb'\nQ3=\n");
  });
});

describe('shift', () => {
  it('shifts by n, refusing more than there are', async () => {
    const { shell } = fakeShell();
    shell.positional = ['a', 'b', 'c'];
    expect((await runIn(shell, shiftBuiltin, 'shift')).status).toBe(0);
    expect(shell.positional).toEqual(['b', 'c']);
    expect(await runIn(shell, shiftBuiltin, 'shift', '5')).toEqual({ status: 1, out: '', err: '' });
    expect(shell.positional).toEqual(['b', 'c']);
    expect((await runIn(shell, shiftBuiltin, 'shift', '-1')).err).toBe('jcsh: shift: -1: shift count out of range\n');
    expect((await runIn(shell, shiftBuiltin, 'shift', 'x')).err).toBe('jcsh: shift: x: numeric argument required\n');
    await expect(runIn(shell, shiftBuiltin, 'shift', '1', '2')).rejects.toBeInstanceOf(LineAbandoned);
    expect((await runIn(shell, shiftBuiltin, 'shift', '2')).status).toBe(0);
    expect(shell.positional).toEqual([]);
  });
});
