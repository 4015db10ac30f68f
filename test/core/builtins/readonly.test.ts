// readonly: the flag on variables, refused by assignments from builtins, unset and local,
// and the `declare -r` listing.

import { describe, expect, it } from 'vitest';
import { exportBuiltin } from '../../../src/core/builtins/export.js';
import { localBuiltin } from '../../../src/core/builtins/local.js';
import { readonlyBuiltin } from '../../../src/core/builtins/readonly.js';
import { unsetBuiltin } from '../../../src/core/builtins/unset.js';
import { fakeShell, runFatal, runIn } from '../fakeport.js';

describe('readonly', () => {
  it('freezes a variable: assignment, unset and local leave it as it is', async () => {
    const { shell } = fakeShell();
    expect((await runIn(shell, readonlyBuiltin, 'readonly', 'x=1', 'y')).status).toBe(0);
    shell.vars.set('x', '2');
    expect(shell.vars.get('x')).toBe('1');
    const err = 'jcsh: unset: x: cannot unset: readonly variable\n';
    expect(await runIn(shell, unsetBuiltin, 'unset', 'x')).toEqual({ status: 1, out: '', err });
    const script = fakeShell({ interactive: false, monitor: false }).shell;
    script.vars.makeReadonly('x', '1');
    expect(await runFatal(script, unsetBuiltin, 'unset', 'x')).toEqual({ status: 1, exitStatus: 2, out: '', err });
    expect(await runIn(shell, readonlyBuiltin, 'readonly', 'x=3')).toEqual({ status: 1, out: '', err: 'jcsh: x: readonly variable\n' });
    expect((await runIn(shell, exportBuiltin, 'export', 'x=4')).status).toBe(1);
    expect(shell.vars.isExported('x')).toBe(true);
    shell.vars.pushScope();
    expect((await runIn(shell, localBuiltin, 'local', 'x=5')).err).toBe('jcsh: local: x: readonly variable\n');
    shell.vars.popScope();
    expect(shell.vars.get('x')).toBe('1');
  });

  it('lists readonly variables as declare -r lines, -rx when exported', async () => {
    const { shell } = fakeShell();
    await runIn(shell, readonlyBuiltin, 'readonly', 'b="q"', 'a');
    await runIn(shell, exportBuiltin, 'export', 'b');
    // PPID (the fake kernel's parent is 1) is a readonly integer from the start, as in bash
    expect((await runIn(shell, readonlyBuiltin, 'readonly', '-p')).out).toBe('declare -ir PPID="1"\ndeclare -r a\ndeclare -rx b="\\"q\\""\n');
    // export -p shows the same attributes (bash: declare -rx, declare -irx)
    await runIn(shell, exportBuiltin, 'export', 'PPID');
    expect((await runIn(shell, exportBuiltin, 'export', '-p')).out).toMatch(/^(.*\n)*declare -irx PPID="1"\n(.*\n)*declare -rx b="\\"q\\""\n/);
    expect((await runIn(shell, readonlyBuiltin, 'readonly', '1z')).err).toBe("jcsh: readonly: `1z': not a valid identifier\n");
  });

  it('is kept by a copy of the shell', () => {
    const { shell } = fakeShell();
    shell.vars.makeReadonly('R', 'v');
    expect(shell.subshell(false).vars.isReadonly('R')).toBe(true);
  });
});
