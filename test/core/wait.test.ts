// wait: statuses (G03), unknown targets (G04), stopped jobs (G06), wait -n, and ^C (C06).

import { describe, expect, it } from 'vitest';
import { waitBuiltin } from '../../src/core/builtins/wait.js';
import { Interrupted } from '../../src/core/errors.js';
import { exited, signaled, stopped } from '../../src/os/status.js';
import { addJob, fakeShell, runIn } from './fakeport.js';

describe('wait errors (G04)', () => {
  it('an unknown pid or job is 127; a word that is neither is 1', async () => {
    const { shell } = fakeShell();
    expect(await runIn(shell, waitBuiltin, 'wait', '1')).toEqual({ status: 127, out: '', err: 'jcsh: wait: pid 1 is not a child of this shell\n' });
    expect(await runIn(shell, waitBuiltin, 'wait', '%9')).toEqual({ status: 127, out: '', err: 'jcsh: wait: %9: no such job\n' });
    expect(await runIn(shell, waitBuiltin, 'wait', 'abc')).toEqual({ status: 1, out: '', err: "jcsh: wait: `abc': not a pid or valid job spec\n" });
    expect(await runIn(shell, waitBuiltin, 'wait', '-x')).toEqual({
      status: 2, out: '', err: 'jcsh: wait: -x: invalid option\nwait: usage: wait [-fn] [-p var] [id ...]\n',
    });
  });

  it('a malformed number stops at once; otherwise the last operand decides', async () => {
    const { shell, port } = fakeShell();
    addJob(shell, [42], ["sh -c 'exit 42'"]);
    port.change(42, exited(42));
    expect(await runIn(shell, waitBuiltin, 'wait', '12a', '42')).toEqual({ status: 1, out: '', err: "jcsh: wait: `12a': not a pid or valid job spec\n" });
    expect((await runIn(shell, waitBuiltin, 'wait', 'X', '42')).status).toBe(42);
  });

  it('-p needs a valid variable name', async () => {
    const { shell } = fakeShell();
    expect(await runIn(shell, waitBuiltin, 'wait', '-p', '1x')).toEqual({ status: 1, out: '', err: "jcsh: wait: `1x': not a valid identifier\n" });
    expect((await runIn(shell, waitBuiltin, 'wait', '-p')).err).toBe(
      'jcsh: wait: -p: option requires an argument\nwait: usage: wait [-fn] [-p var] [id ...]\n',
    );
  });
});

describe('wait for jobs and pids (G03)', () => {
  it('returns the status of the last operand, and reports and forgets the jobs', async () => {
    const { shell, port } = fakeShell();
    for (const pid of [1, 2, 3]) addJob(shell, [pid], [`sh -c 'exit ${pid}'`]);
    for (const pid of [1, 2, 3]) port.change(pid, exited(pid));
    const r = await runIn(shell, waitBuiltin, 'wait', '3', '2', '1');
    expect(r.status).toBe(1);
    expect(r.err).toContain("[3]+  Exit 3                  sh -c 'exit 3'\n");
    expect(shell.control.jobs.size).toBe(0);
  });

  it('sleeps until the job ends; a death by signal is 128+n', async () => {
    const { shell, port } = fakeShell();
    addJob(shell, [77], ['sleep 5']);
    const waiting = runIn(shell, waitBuiltin, 'wait', '77');
    await port.asleep();
    port.change(77, signaled(15));
    expect((await waiting).status).toBe(143);
  });

  it('a pipeline is waited for as a whole, with the last stage\'s status', async () => {
    const { shell, port } = fakeShell();
    addJob(shell, [10, 11], ["sh -c 'exit 44'", "sh -c 'cat; exit 88'"]);
    port.change(11, exited(88));
    const waiting = runIn(shell, waitBuiltin, 'wait', '%+');
    await port.asleep();
    expect(shell.control.jobs.size).toBe(1);
    port.change(10, exited(44));
    expect((await waiting).status).toBe(88);
  });

  it('a finished background pid can be asked for again, until a bare wait', async () => {
    const { shell, port } = fakeShell();
    addJob(shell, [55], ["sh -c 'exit 5'"]);
    port.change(55, exited(5));
    expect((await runIn(shell, waitBuiltin, 'wait', '55')).status).toBe(5);
    expect((await runIn(shell, waitBuiltin, 'wait', '-p', 'V', '55')).status).toBe(5);
    expect(shell.vars.get('V')).toBe('55');
    expect((await runIn(shell, waitBuiltin, 'wait')).status).toBe(0);
    expect((await runIn(shell, waitBuiltin, 'wait', '55')).status).toBe(127);
  });
});

describe('wait and stopped jobs (G06)', () => {
  it('bare wait does not hang on a stopped job, warns, and returns 0', async () => {
    const { shell, port } = fakeShell();
    addJob(shell, [900], ['sleep 10']);
    port.change(900, stopped(20));
    expect(await runIn(shell, waitBuiltin, 'wait')).toEqual({
      status: 0, out: '', err: 'jcsh: wait: warning: job 1[900] stopped\n\n[1]+  Stopped                 sleep 10\n',
    });
    expect((await runIn(shell, waitBuiltin, 'wait', '-n')).status).toBe(127);
    expect(await runIn(shell, waitBuiltin, 'wait', '%1')).toEqual({
      status: 148, out: '', err: 'jcsh: warning: wait_for_job: job 1 is stopped\n',
    });
    expect(shell.control.jobs.size).toBe(1);
  });

  it('jobs that ended before wait looked are reported too', async () => {
    const { shell, port } = fakeShell();
    addJob(shell, [1], ['sigreport']);
    port.change(1, exited(0));
    expect(await runIn(shell, waitBuiltin, 'wait')).toEqual({ status: 0, out: '', err: '[1]+  Done                    sigreport\n' });
    expect(shell.control.jobs.size).toBe(0);
  });

  it('bare wait waits for the running jobs and reports them', async () => {
    const { shell, port } = fakeShell();
    addJob(shell, [1], ['sleep 0.2']);
    addJob(shell, [2], ['sleep 0.1']);
    const waiting = runIn(shell, waitBuiltin, 'wait');
    port.change(2, exited(0));
    await port.asleep();
    port.change(1, exited(9));
    const r = await waiting;
    expect(r.status).toBe(0);
    expect(r.err).toContain('Exit 9                  sleep 0.2\n');
    expect(shell.control.jobs.size).toBe(0);
  });

  it('-f keeps waiting through a stop', async () => {
    const { shell, port } = fakeShell();
    addJob(shell, [5], ['sleep 5']);
    const waiting = runIn(shell, waitBuiltin, 'wait', '-f', '%1');
    port.change(5, stopped(19));
    await port.asleep();
    port.change(5, exited(3));
    expect((await waiting).status).toBe(3);
  });
});

describe('wait -n', () => {
  it('returns the next job to finish, then 127 when none is left', async () => {
    const { shell, port } = fakeShell();
    addJob(shell, [1], ['sleep 0.3']);
    addJob(shell, [2], ['sleep 0.2']);
    const first = runIn(shell, waitBuiltin, 'wait', '-n', '-p', 'P');
    await port.asleep();
    port.change(2, exited(7));
    expect((await first).status).toBe(7);
    expect(shell.vars.get('P')).toBe('2');
    port.change(1, exited(0));
    expect((await runIn(shell, waitBuiltin, 'wait', '-n')).status).toBe(0);
    expect((await runIn(shell, waitBuiltin, 'wait', '-n')).status).toBe(127);
  });

  it('with operands waits only for those jobs', async () => {
    const { shell, port } = fakeShell();
    addJob(shell, [1], ['a']);
    addJob(shell, [2], ['b']);
    port.change(1, exited(1));
    const waiting = runIn(shell, waitBuiltin, 'wait', '-n', '%2', '%7');
    await port.asleep();
    port.change(2, exited(2));
    expect(await waiting).toMatchObject({ status: 2, err: expect.stringContaining('jcsh: wait: %7: no such job\n') });
    expect((await runIn(shell, waitBuiltin, 'wait', '-n', '99')).status).toBe(127);
  });
});

describe('interrupting and subshells', () => {
  it('^C ends the wait with 130 and abandons the command line (C06)', async () => {
    const { shell, port } = fakeShell();
    addJob(shell, [100], ['sleep 100']);
    const waiting = runIn(shell, waitBuiltin, 'wait', '%1');
    await port.asleep();
    shell.control.interrupt();
    await expect(waiting).rejects.toEqual(new Interrupted(130));
    expect([shell.lastStatus, shell.control.interrupted, shell.control.jobs.size]).toEqual([130, false, 1]);
  });

  it('a copy of the shell in a pipeline has no children to wait for', async () => {
    const { shell } = fakeShell();
    addJob(shell, [100], ['sleep 100']);
    const copy = shell.subshell(true);
    expect((await runIn(copy, waitBuiltin, 'wait')).status).toBe(0);
    expect(await runIn(copy, waitBuiltin, 'wait', '100')).toEqual({ status: 127, out: '', err: 'jcsh: wait: pid 100 is not a child of this shell\n' });
    expect(await runIn(copy, waitBuiltin, 'wait', '%1')).toEqual({ status: 127, out: '', err: 'jcsh: wait: %1: no such job\n' });
    expect((await runIn(copy, waitBuiltin, 'wait', '-n')).status).toBe(127);
  });
});
