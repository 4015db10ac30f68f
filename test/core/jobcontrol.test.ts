// The job-control service (issue 11, "One job-control seam"): builtins and the executor update
// the table through it, and while the shell idles it reaps on every child event.

import { describe, expect, it } from 'vitest';
import { exited, stopped } from '../../src/os/status.js';
import { fakeShell, runLine, spawnsFrom } from './fakeport.js';

describe('JobControl', () => {
  it('update() takes in pending changes and says whether there were any', async () => {
    const { shell, port } = fakeShell();
    spawnsFrom(port, 50, 'sleep');
    await runLine(shell, 'sleep 1 &');
    expect(shell.control.update()).toBe(false);
    port.change(50, stopped(20));
    expect(shell.control.update()).toBe(true);
    expect(shell.control.jobs.get(1)!.state).toBe('stopped');
  });

  it('watch() reaps as children change, until stopped', async () => {
    const { shell, port } = fakeShell();
    spawnsFrom(port, 60, 'sleep');
    await runLine(shell, 'sleep 1 &');
    const stop = shell.control.watch();
    await port.asleep();
    port.change(60, exited(0));
    // The watcher reaps, then sleeps on the next child event.
    await port.asleep();
    expect(shell.control.jobs.get(1)!.state).toBe('dead');
    stop();
  });

  it('continueJob() marks the job running and sends SIGCONT to its group', async () => {
    const { shell, port } = fakeShell();
    spawnsFrom(port, 70, 'sleep');
    await runLine(shell, 'sleep 1 &');
    port.change(70, stopped(20));
    shell.control.update();
    const job = shell.control.jobs.get(1)!;
    shell.control.continueJob(job, { foreground: false });
    expect([job.state, job.foreground, port.sent]).toEqual(['running', false, [{ pid: -70, signal: 18 }]]);
  });
});
