// exit: statuses, bad operands, and the stopped-jobs warning (builtins/exit.def; K02).

import { describe, expect, it } from 'vitest';
import { exitBuiltin } from '../../src/core/builtins/exit.js';
import { ExitRequest, LineAbandoned } from '../../src/core/errors.js';
import type { Shell } from '../../src/core/shell.js';
import { stopped } from '../../src/os/status.js';
import { addJob, fakeShell, type FakePort, runIn } from './fakeport.js';

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
    const { shell } = fakeShell();
    const job = addJob(shell, [302], ['sleep 302']);
    job.record(302, stopped(20));
    shell.previousCommand = 'echo';
    expect(await exit(shell)).toEqual({ stays: 1, err: 'exit\nThere are stopped jobs.\n' });
    shell.previousCommand = 'jobs';
    expect((await exit(shell)).leaves).toBe(0);
  });

  it('a copy of the shell says nothing and ignores stopped jobs', async () => {
    const { shell } = fakeShell();
    addJob(shell, [302], ['sleep 302']).record(302, stopped(20));
    expect(await exit(shell.subshell(true), '9')).toEqual({ leaves: 9, err: '' });
  });
});
