// disown: forgetting jobs or sparing them SIGHUP (builtins/jobs.def), and reaping what is
// forgotten.

import { describe, expect, it } from 'vitest';
import { disownBuiltin } from '../../src/core/builtins/disown.js';
import { exited, stopped } from '../../src/os/status.js';
import { hangupJobs } from '../../src/core/leave.js';
import { addJob, fakeShell, runIn, runLine, spawnsFrom } from './fakeport.js';

describe('disown', () => {
  it('errors: no jobs, missing jobs, pids that are no job, bad options (I04)', async () => {
    const { shell } = fakeShell();
    expect(await runIn(shell, disownBuiltin, 'disown')).toEqual({ status: 1, out: '', err: 'jcsh: disown: current: no such job\n' });
    expect(await runIn(shell, disownBuiltin, 'disown', '%2')).toEqual({ status: 1, out: '', err: 'jcsh: disown: %2: no such job\n' });
    expect((await runIn(shell, disownBuiltin, 'disown', '1234')).err).toBe('jcsh: disown: 1234: no such job\n');
    expect(await runIn(shell, disownBuiltin, 'disown', '-x')).toEqual({
      status: 2, out: '', err: 'jcsh: disown: -x: invalid option\ndisown: usage: disown [-h] [-ar] [jobspec ... | pid ...]\n',
    });
  });

  it('forgets the current job, or the jobs named by spec or by any of their pids', async () => {
    const { shell } = fakeShell();
    addJob(shell, [10], ['a']);
    addJob(shell, [20, 21], ['b', 'c']);
    addJob(shell, [30], ['d']);
    expect((await runIn(shell, disownBuiltin, 'disown')).status).toBe(0);
    expect((await runIn(shell, disownBuiltin, 'disown', '21')).status).toBe(0);
    expect(shell.control.jobs.all().map((j) => j.id)).toEqual([1]);
    expect(shell.control.jobs.current?.id).toBe(1);
  });

  it('-h keeps the job but spares it the hangup', async () => {
    const { shell } = fakeShell();
    const job = addJob(shell, [10], ['a']);
    expect((await runIn(shell, disownBuiltin, 'disown', '-h', '%1')).status).toBe(0);
    expect([shell.control.jobs.size, job.noHangup]).toEqual([1, true]);
  });

  it('-h jobs are spared when the shell hangs up; the others get SIGHUP, stopped ones SIGCONT too', async () => {
    const { shell, port } = fakeShell();
    spawnsFrom(port, 10, 'sleep');
    for (const n of [1, 2, 3]) await runLine(shell, `sleep ${n} &`);
    port.change(12, stopped(20));
    shell.control.update();
    expect((await runLine(shell, 'disown -h %1')).status).toBe(0);
    // What the shell does on SIGHUP (the host calls this, then dies of SIGHUP).
    hangupJobs(shell);
    expect(port.sent).toEqual([{ pid: -11, signal: 1 }, { pid: -12, signal: 1 }, { pid: -12, signal: 18 }]);
  });

  it('-r forgets running jobs only, -a all of them, warning about stopped ones', async () => {
    const { shell, port } = fakeShell();
    addJob(shell, [10], ['a']);
    addJob(shell, [20], ['b']);
    port.change(20, stopped(20));
    await runIn(shell, disownBuiltin, 'disown', '-r');
    expect(shell.control.jobs.all().map((j) => j.id)).toEqual([2]);
    shell.control.finishedPids.set(5, exited(0));
    expect(await runIn(shell, disownBuiltin, 'disown', '-a')).toEqual({
      status: 0, out: '', err: 'jcsh: warning: deleting stopped job 2 with process group 20\n',
    });
    expect([shell.control.jobs.size, shell.control.finishedPids.size]).toEqual([0, 0]);
  });

  it('the processes of a forgotten job are still reaped', async () => {
    const { shell, port } = fakeShell();
    addJob(shell, [60], ['sleep 0.5']);
    await runIn(shell, disownBuiltin, 'disown', '%1');
    expect([...shell.control.disowned]).toEqual([60]);
    port.change(60, exited(0));
    shell.control.update();
    expect([...shell.control.disowned]).toEqual([]);
  });
});
