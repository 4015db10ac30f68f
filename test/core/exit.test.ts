// exit: statuses, bad operands, and the stopped-jobs warning (builtins/exit.def; K02).

import { describe, expect, it } from 'vitest';
import { exitBuiltin } from '../../src/core/builtins/exit.js';
import { ExitRequest, LineAbandoned } from '../../src/core/errors.js';
import type { Shell } from '../../src/core/shell.js';
import { stopped } from '../../src/os/status.js';
import { fakeShell, type FakePort, runIn, runLine, spawnsFrom } from './fakeport.js';

/** Runs exit; returns the status it leaves with, or `stays` with the builtin's status. */
async function exit(shell: Shell, ...argv: string[]): Promise<{ leaves?: number; stays?: number; abandons?: number; err: string }> {
  const port = shell.port as FakePort;
  try {
    const r = await runIn(shell, exitBuiltin, 'exit', ...argv);
    return { stays: r.status, err: r.err };
  } catch (e) {
    await shell.out.drain();
    if (e instanceof ExitRequest) return { leaves: e.status, err: port.output(2) };
    if (e instanceof LineAbandoned) return { abandons: e.status, err: port.output(2) };
    throw e;
  }
}

describe('exit', () => {
  it('leaves with n & 255, or with $?', async () => {
    const { shell } = fakeShell({ interactive: false });
    shell.lastStatus = 3;
    expect(await exit(shell)).toEqual({ leaves: 3, err: '' });
    expect((await exit(shell, '256')).leaves).toBe(0);
    expect((await exit(shell, '-1')).leaves).toBe(255);
    expect((await exit(shell, ' 7 ')).leaves).toBe(7);
    expect((await exit(shell, '--', '4')).leaves).toBe(4);
  });

  it('a bad number still leaves, with status 2', async () => {
    const { shell } = fakeShell({ interactive: false });
    expect(await exit(shell, 'abc')).toEqual({ leaves: 2, err: 'jcsh: exit: abc: numeric argument required\n' });
    expect((await exit(shell, '99999999999999999999')).err).toBe('jcsh: exit: 99999999999999999999: numeric argument required\n');
  });

  it('too many operands: no exit; the rest of the line is abandoned with status 1', async () => {
    const { shell } = fakeShell({ interactive: false });
    expect(await exit(shell, '1', '2')).toEqual({ abandons: 1, err: 'jcsh: exit: too many arguments\n' });
  });

  it('an interactive shell says "exit" first', async () => {
    const { shell } = fakeShell();
    expect(await exit(shell, '5')).toEqual({ leaves: 5, err: 'exit\n' });
  });

  it('with stopped jobs it refuses once, unless the previous command was exit or jobs (K02)', async () => {
    const { shell, port } = fakeShell();
    spawnsFrom(port, 302, 'sleep');
    await runLine(shell, 'sleep 302 &');
    port.change(302, stopped(20));
    await runLine(shell, 'echo hi');
    expect(await runLine(shell, 'exit')).toEqual({ status: 1, out: '', err: 'exit\nThere are stopped jobs.\n' });
    // A second exit right after the warning leaves, with the status the refusal left.
    await expect(runLine(shell, 'exit')).rejects.toEqual(new ExitRequest(1));
    await runLine(shell, 'echo hi');
    expect((await runLine(shell, 'exit')).status).toBe(1);
    // So does exit right after jobs.
    await runLine(shell, 'jobs');
    await expect(runLine(shell, 'exit 4')).rejects.toEqual(new ExitRequest(4));
  });

  it('a copy of the shell (a pipeline stage) says nothing and ignores stopped jobs', async () => {
    const { shell, port } = fakeShell();
    spawnsFrom(port, 302, 'sleep', 'cat');
    await runLine(shell, 'sleep 302 &');
    port.change(302, stopped(20));
    await runLine(shell, 'echo hi');
    // exit in a pipeline runs in a copy: its output and status go to the emitting stage.
    port.onPipe = () => {};
    const stage = runLine(shell, 'exit 9 | cat');
    await port.asleep();
    const emit = port.spawned.at(-2)!.program;
    expect(emit).toEqual({ kind: 'emit', chunks: [], status: 9 });
    port.change(304, { kind: 'exited', code: 0 });
    port.change(303, { kind: 'exited', code: 9 });
    expect((await stage).status).toBe(0);
  });
});
