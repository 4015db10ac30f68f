// fg and bg: their errors (I01, I02, I04) and what they do to a job (F01, F02, F05).

import { describe, expect, it } from 'vitest';
import { bgBuiltin } from '../../src/core/builtins/bg.js';
import { fgBuiltin } from '../../src/core/builtins/fg.js';
import { exited, stopped } from '../../src/os/status.js';
import { fakeShell, runIn, runLine, spawnsFrom } from './fakeport.js';

describe('fg and bg errors', () => {
  it('need job control', async () => {
    const { shell } = fakeShell({ interactive: false, monitor: false, scriptName: 'x.sh' });
    shell.lineno = 3;
    expect(await runIn(shell, fgBuiltin, 'fg')).toEqual({ status: 1, out: '', err: 'x.sh: line 3: fg: no job control\n' });
    expect((await runIn(shell, bgBuiltin, 'bg')).err).toBe('x.sh: line 3: bg: no job control\n');
  });

  it('with no jobs: "current: no such job" (I02)', async () => {
    const { shell } = fakeShell();
    expect(await runIn(shell, fgBuiltin, 'fg')).toEqual({ status: 1, out: '', err: 'jcsh: fg: current: no such job\n' });
    expect(await runIn(shell, bgBuiltin, 'bg')).toEqual({ status: 1, out: '', err: 'jcsh: bg: current: no such job\n' });
  });

  it('unknown jobs; a bare number is a job number (I01)', async () => {
    const { shell, port } = fakeShell();
    spawnsFrom(port, 400, 'spin');
    await runLine(shell, 'spin 4 &');
    expect((await runIn(shell, fgBuiltin, 'fg', 'a')).err).toBe('jcsh: fg: a: no such job\n');
    expect((await runIn(shell, fgBuiltin, 'fg', '9999999')).err).toBe('jcsh: fg: 9999999: no such job\n');
    expect(await runIn(shell, bgBuiltin, 'bg', '%9')).toEqual({ status: 1, out: '', err: 'jcsh: bg: %9: no such job\n' });
    expect((await runIn(shell, fgBuiltin, 'fg', '')).err).toBe('jcsh: fg: : no such job\n');
  });

  it('options are refused with the usage line, status 2 (I04)', async () => {
    const { shell } = fakeShell();
    expect(await runIn(shell, fgBuiltin, 'fg', '-s', '%1')).toEqual({
      status: 2, out: '', err: 'jcsh: fg: -s: invalid option\nfg: usage: fg [job_spec]\n',
    });
    expect(await runIn(shell, bgBuiltin, 'bg', '-s', '%1')).toEqual({
      status: 2, out: '', err: 'jcsh: bg: -s: invalid option\nbg: usage: bg [job_spec ...]\n',
    });
  });

  it('bg of a running job says so but succeeds (I02)', async () => {
    const { shell, port } = fakeShell();
    spawnsFrom(port, 400, 'sleep');
    await runLine(shell, 'sleep 400 &');
    expect(await runIn(shell, bgBuiltin, 'bg', '%1')).toEqual({ status: 0, out: '', err: 'jcsh: bg: job 1 already in background\n' });
    expect(port.sent).toEqual([]);
  });

  it('a finished job cannot be resumed', async () => {
    const { shell, port } = fakeShell();
    spawnsFrom(port, 400, 'sleep');
    await runLine(shell, 'sleep 400 &');
    // The job ends and nobody has looked yet: fg's own reaping finds it dead.
    port.change(400, exited(0));
    expect(await runIn(shell, fgBuiltin, 'fg', '%1')).toEqual({ status: 1, out: '', err: 'jcsh: fg: job has terminated\n' });
  });
});

describe('bg', () => {
  it('continues stopped jobs in the background, announcing each with its old marks (F01)', async () => {
    const { shell, port } = fakeShell();
    spawnsFrom(port, 400, 'spin');
    await runLine(shell, 'spin 4 &');
    port.change(400, stopped(20));
    await runLine(shell, 'spin 5 &');
    port.change(401, stopped(20));
    const r = await runIn(shell, bgBuiltin, 'bg', '%1', '%2');
    expect(r).toEqual({ status: 0, out: '[1]- spin 4 &\n[2]+ spin 5 &\n', err: '' });
    expect(port.sent).toEqual([{ pid: -400, signal: 18 }, { pid: -401, signal: 18 }]);
    expect(shell.control.jobs.all().map((j) => j.state)).toEqual(['running', 'running']);
    expect(shell.lastBackgroundPid).toBe(401);
  });

  it('prints the marks as they were, then re-picks the current job', async () => {
    const { shell, port } = fakeShell();
    spawnsFrom(port, 400, 'spin');
    await runLine(shell, 'spin 4 &');
    port.change(400, stopped(20));
    await runLine(shell, 'spin 5 &');
    port.change(401, stopped(20));
    expect((await runIn(shell, bgBuiltin, 'bg')).out).toBe('[2]+ spin 5 &\n');
    expect(shell.control.jobs.all().map((j) => shell.control.jobs.mark(j))).toEqual(['+', '-']);
  });
});

describe('fg', () => {
  it('names the job, continues its group and returns its status (F05)', async () => {
    const { shell, port } = fakeShell();
    spawnsFrom(port, 700, 'sh');
    await runLine(shell, "sh -c 'kill -STOP $$; exit 17' &");
    port.change(700, stopped(19));
    const job = shell.control.jobs.get(1)!;
    const running = runLine(shell, 'fg');
    // fg has continued the group and sleeps until the job changes again.
    await port.asleep();
    expect([job.state, port.sent]).toEqual(['running', [{ pid: -700, signal: 18 }]]);
    port.change(700, exited(17));
    const r = await running;
    expect([r.status, r.out]).toEqual([17, "sh -c 'kill -STOP $$; exit 17'\n"]);
    expect(shell.control.jobs.size).toBe(0);
    // A job brought to the foreground is no longer asynchronous: `wait $!` forgets it.
    expect(shell.control.finishedPids.has(700)).toBe(false);
    expect((await runLine(shell, 'wait 700')).status).toBe(127);
  });

  it('fg job & puts the job in the background instead', async () => {
    const { shell, port } = fakeShell();
    spawnsFrom(port, 700, 'cat');
    await runLine(shell, 'cat &');
    port.change(700, stopped(21));
    expect((await runIn(shell, fgBuiltin, 'fg', '%1', '&')).out).toBe('[1]+ cat &\n');
  });
});
