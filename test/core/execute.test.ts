// The executor on the fake port (issue 11, "Executor seam"): lists, and-or lists, `!`,
// pipelines, background jobs, builtins in the shell or in a stage, assignments and redirection
// errors. Every spawn is recorded, and children end when the test says so.

import { describe, expect, it } from 'vitest';
import { LineAbandoned } from '../../src/core/errors.js';
import { exited, signaled } from '../../src/os/status.js';
import { fakeShell, runLine, spawnsFrom, type FakePort } from './fakeport.js';

/** Every spawned child exits at once with the code its argv[1] names (default 0). */
function exitingChildren(port: FakePort, first = 100): void {
  for (const name of ['prog', 'cat', 'sleep']) port.file(`/bin/${name}`, true);
  port.onPipe = () => {};
  port.onSpawn = (req, i) => {
    const pid = first + i;
    const code = req.program.kind === 'exec' ? Number(req.program.argv[1] ?? 0) : req.program.kind === 'emit' ? req.program.status : 0;
    port.change(pid, exited(Number.isNaN(code) ? 0 : code));
    return pid;
  };
}

function script() {
  const { shell, port } = fakeShell({ interactive: false, monitor: false });
  exitingChildren(port);
  return { shell, port };
}

describe('the executor', () => {
  it('runs a list in order; $? is the last command\'s', async () => {
    const { shell, port } = script();
    expect((await runLine(shell, 'prog 3; prog 4')).status).toBe(4);
    expect(port.spawned.map((r) => r.program.kind === 'exec' && r.program.argv.join(' '))).toEqual(['prog 3', 'prog 4']);
  });

  it('&& and || skip by the status of what ran before', async () => {
    const { shell, port } = script();
    await runLine(shell, 'prog 1 && prog 2 || prog 5 && prog 6');
    expect(port.spawned.map((r) => r.program.kind === 'exec' && r.program.argv[1])).toEqual(['1', '5']);
    expect(shell.lastStatus).toBe(5);
  });

  it('! inverts a pipeline\'s status', async () => {
    const { shell } = script();
    expect((await runLine(shell, '! prog 3')).status).toBe(0);
    expect((await runLine(shell, '! prog 0')).status).toBe(1);
  });

  it('a pipeline\'s status is its last stage\'s; the stages are joined by one pipe', async () => {
    const { shell, port } = script();
    expect((await runLine(shell, 'prog 7 | prog 2')).status).toBe(2);
    // The fake's first pipe is [10, 11]: the first stage writes 11, the second reads 10.
    const [a, b] = port.spawned;
    expect([a!.fds[1], b!.fds[0]]).toEqual([11, 10]);
    expect([...port.openFds]).toEqual([]);
  });

  it('a builtin alone runs in the shell; in a pipeline a process delivers its output', async () => {
    const { shell, port } = script();
    expect((await runLine(shell, 'echo here')).out).toBe('here\n');
    expect(port.spawned).toHaveLength(0);
    await runLine(shell, 'echo staged | cat');
    expect(port.spawned[0]!.program).toEqual({ kind: 'emit', chunks: [{ fd: 1, data: new TextEncoder().encode('staged\n') }], status: 0 });
  });

  it('a background job sets $! and does not wait; wait collects its status', async () => {
    const { shell, port } = fakeShell({ interactive: false, monitor: false });
    spawnsFrom(port, 300, 'sleep');
    expect((await runLine(shell, 'sleep 9 &')).status).toBe(0);
    expect(shell.lastBackgroundPid).toBe(300);
    port.change(300, signaled(15));
    expect((await runLine(shell, 'wait $!')).status).toBe(143);
  });

  it('without job control a background job reads /dev/null and starts with SIGINT and SIGQUIT ignored (POSIX 2.9.3.1)', async () => {
    const { shell, port } = fakeShell({ interactive: false, monitor: false });
    spawnsFrom(port, 300, 'sleep');
    await runLine(shell, 'sleep 9 &');
    const req = port.spawned[0]!;
    expect(port.opened).toEqual(['/dev/null']);
    expect(req.fds[0]).not.toBe(0);
    expect(req.ignoreSignals).toEqual([2, 3]);
    expect(port.openFds.size).toBe(0);
  });

  it('NAME=value alone sets a variable; before a command it is only in that command\'s environment', async () => {
    const { shell, port } = script();
    await runLine(shell, 'A=1');
    await runLine(shell, 'B=2 prog');
    expect([shell.vars.get('A'), shell.vars.get('B')]).toEqual(['1', undefined]);
    const env = port.spawned[0]!.program.kind === 'exec' ? port.spawned[0]!.program.env : [];
    expect(env).toContain('B=2');
  });

  it('a command that is not found is 127 with one line, and nothing is spawned', async () => {
    const { shell, port } = script();
    expect(await runLine(shell, 'nosuch')).toEqual({ status: 127, out: '', err: 'jcsh: nosuch: command not found\n' });
    expect(port.spawned).toHaveLength(0);
  });

  it('^C during a wait in a script: a job killed by SIGINT takes the shell with it (bash\'s wait_sigint_handler)', async () => {
    const { shell, port } = fakeShell({ interactive: false, monitor: false });
    spawnsFrom(port, 100, 'prog');
    const running = runLine(shell, 'prog; prog');
    await port.asleep();
    port.raise(2);
    port.change(100, signaled(2));
    await expect(running).rejects.toThrow('FakePort: exit(130)');
    expect(port.sent).toEqual([{ pid: 4000, signal: 2 }]);
    expect(port.actions.get(2)).toBe('default');
    expect(port.spawned).toHaveLength(1);
  });

  it('^C that the job survives lets the script go on', async () => {
    const { shell, port } = fakeShell({ interactive: false, monitor: false });
    spawnsFrom(port, 100, 'prog');
    const running = runLine(shell, 'prog; echo after');
    await port.asleep();
    port.raise(2);
    port.change(100, exited(0));
    expect(await running).toEqual({ status: 0, out: 'after\n', err: '' });
    expect(port.sent).toEqual([]);
  });

  it('a job killed by a SIGINT the shell did not get does not end the script', async () => {
    const { shell, port } = fakeShell({ interactive: false, monitor: false });
    spawnsFrom(port, 100, 'prog');
    const running = runLine(shell, 'prog; echo $?');
    await port.asleep();
    port.change(100, signaled(2));
    expect((await running).out).toBe('130\n');
  });

  it('an expansion error abandons the line', async () => {
    const { shell } = script();
    await expect(runLine(shell, 'echo ${u?unset}; echo no')).rejects.toBeInstanceOf(LineAbandoned);
  });
});
