// A pipeline whose later stage cannot be started (issue 11 item 5): the stages that did start
// are recorded as the job, sent SIGTERM as bash's terminate_current_pipeline does, waited for
// and reaped; every pipe end is closed; the error is one line, and the rest of the line is
// abandoned with bash's status (fork: 126, pipe error: 1). Driven through the executor on the
// fake port, which can make any spawn or pipe() fail.

import { describe, expect, it } from 'vitest';
import { LineAbandoned } from '../../src/core/errors.js';
import { runList } from '../../src/core/execute.js';
import { parse } from '../../src/lang/parser.js';
import { OsError } from '../../src/os/port.js';
import { signaled } from '../../src/os/status.js';
import { fakeShell, type FakePort } from './fakeport.js';

const EAGAIN = new OsError('EAGAIN', 'Resource temporarily unavailable', 'spawn');
const EMFILE = new OsError('EMFILE', 'Too many open files', 'pipe');

function setUp(jobControl: boolean) {
  const { shell, port } = fakeShell({ interactive: false, monitor: jobControl });
  for (const name of ['a', 'b', 'c']) port.file(`/bin/${name}`, true);
  // A stage sent SIGTERM dies of it (to its pid, or its group with job control).
  port.onKill = (target, signal) => {
    if (signal === 15) port.change(Math.abs(target), signaled(15));
  };
  return { shell, port };
}

async function abandoned(run: unknown): Promise<number> {
  const e = await Promise.resolve(run).then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(LineAbandoned);
  return (e as LineAbandoned).status;
}

function reaped(port: FakePort, pid: number): boolean {
  return port.waitpid(pid) === null;
}

describe('a pipeline whose later stage fails to start', () => {
  it('spawn fails (EAGAIN): the first stage is terminated and reaped, pipes closed, "fork: …" and 126', async () => {
    const { shell, port } = setUp(false);
    port.onPipe = () => {};
    port.onSpawn = (_req, i) => {
      if (i === 1) throw EAGAIN;
      return 100 + i;
    };
    expect(await abandoned(runList(shell, parse('a | b | c; echo not reached')))).toBe(126);
    expect(port.output(2)).toBe('jcsh: fork: Resource temporarily unavailable\n');
    expect(port.output(1)).toBe('');
    expect(port.sent).toEqual([{ pid: 100, signal: 15 }]);
    expect(reaped(port, 100)).toBe(true);
    expect([...port.openFds]).toEqual([]);
    expect(shell.control.jobs.size).toBe(0);
  });

  it('pipe() fails (EMFILE): the stage already running is waited for, "pipe error: …" and 1', async () => {
    const { shell, port } = setUp(false);
    port.onPipe = (i) => {
      if (i === 1) throw EMFILE;
    };
    port.onSpawn = (_req, i) => 100 + i;
    expect(await abandoned(runList(shell, parse('a | b | c')))).toBe(1);
    expect(port.output(2)).toBe('jcsh: pipe error: Too many open files\n');
    // The second pipe (between b and c) is made before b starts: only a did.
    expect(port.spawned).toHaveLength(1);
    expect(port.sent).toEqual([{ pid: 100, signal: 15 }]);
    expect(reaped(port, 100)).toBe(true);
    expect([...port.openFds]).toEqual([]);
    expect(shell.control.jobs.size).toBe(0);
  });

  it('the first stage fails: nothing to wait for, one line, no fd left open', async () => {
    const { shell, port } = setUp(false);
    port.onPipe = () => {};
    port.onSpawn = () => {
      throw EAGAIN;
    };
    expect(await abandoned(runList(shell, parse('a | b')))).toBe(126);
    expect(port.output(2)).toBe('jcsh: fork: Resource temporarily unavailable\n');
    expect(port.sent).toEqual([]);
    expect([...port.openFds]).toEqual([]);
  });

  it('with job control the group gets SIGTERM and SIGCONT, and the barrier pipe is closed too', async () => {
    const { shell, port } = setUp(true);
    port.onPipe = () => {};
    port.onSpawn = (_req, i) => {
      if (i === 2) throw EAGAIN;
      return 100 + i;
    };
    port.onKill = (target, signal) => {
      if (target === -100 && signal === 15) {
        port.change(100, signaled(15));
        port.change(101, signaled(15));
      }
    };
    expect(await abandoned(runList(shell, parse('a | b | c')))).toBe(126);
    expect(port.spawned[1]!.group).toEqual({ kind: 'join', pgid: 100 });
    expect(port.sent).toEqual([{ pid: -100, signal: 15 }, { pid: -100, signal: 18 }]);
    expect(reaped(port, 100) && reaped(port, 101)).toBe(true);
    expect([...port.openFds]).toEqual([]);
    expect(shell.control.jobs.size).toBe(0);
  });

  it('a lone command that cannot be spawned is one line and 126, not an internal error', async () => {
    const { shell, port } = setUp(false);
    port.onSpawn = () => {
      throw EAGAIN;
    };
    expect(await abandoned(runList(shell, parse('a')))).toBe(126);
    expect(port.output(2)).toBe('jcsh: fork: Resource temporarily unavailable\n');
  });
});
