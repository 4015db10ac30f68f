// Job numbering and the current (+) / previous (-) marks, as bash's jobs.c assigns them
// (scenarios A05, B01, B02; checked against bash 5.2 in a pty).

import { describe, expect, it } from 'vitest';
import { RUNNING, type Job } from '../../src/core/job.js';
import { JobTable } from '../../src/core/jobtable.js';
import type { Shell } from '../../src/core/shell.js';
import { continued, signaled, stopped } from '../../src/os/status.js';
import { addJob, fakeShell, type FakePort } from './fakeport.js';

function bg(table: JobTable, pid: number): Job {
  return table.add({ pgid: pid, processes: [{ pid, command: `sleep ${pid}`, status: RUNNING }], foreground: false, jobControl: true, wd: '/' });
}

/** A shell whose reaper decides the marks, as it does when a job stops or continues. */
function shellWithTable(): { shell: Shell; port: FakePort; t: JobTable } {
  const { shell, port } = fakeShell();
  return { shell, port, t: shell.control.jobs };
}

/** The kernel reports a stop of the job's process; the shell's own reaper takes it in. */
function stop(shell: Shell, job: Job): void {
  (shell.port as FakePort).change(job.pgid, stopped(20));
  shell.control.update();
}

function marks(table: JobTable): string {
  return table.all().map((j) => `${j.id}${table.mark(j)}`).join(' ');
}

describe('job numbers', () => {
  it('are the highest number in use plus one, not the lowest free one (A05)', () => {
    const t = new JobTable();
    const [, two] = [bg(t, 201), bg(t, 202), bg(t, 203)];
    t.remove(two!);
    expect(bg(t, 204).id).toBe(4);
  });

  it('start again at 1 once the table is empty', () => {
    const t = new JobTable();
    const jobs = [bg(t, 1), bg(t, 2)];
    for (const j of jobs) t.remove(j);
    expect(bg(t, 3).id).toBe(1);
  });

  it('drop back when the highest job goes', () => {
    const t = new JobTable();
    bg(t, 1);
    const two = bg(t, 2);
    t.remove(two);
    expect(bg(t, 3).id).toBe(2);
  });
});

describe('current and previous jobs', () => {
  it('mark the two newest running jobs (B01)', () => {
    const t = new JobTable();
    bg(t, 300); bg(t, 350); bg(t, 400);
    expect(marks(t)).toBe('1  2- 3+');
  });

  it('a single job is current, and also what %- means', () => {
    const t = new JobTable();
    const only = bg(t, 1);
    expect(marks(t)).toBe('1+');
    expect(t.current).toBe(only);
    expect(t.previous).toBe(only);
  });

  it('a stopped job outranks running ones (B02)', () => {
    const { shell, t } = shellWithTable();
    const [, two] = [bg(t, 300), bg(t, 350), bg(t, 400)];
    stop(shell, two!);
    expect(marks(t)).toBe('1  2+ 3-');
  });

  it('a stopped job stays current when a new background job starts', () => {
    const { shell, t } = shellWithTable();
    const one = bg(t, 100);
    bg(t, 200);
    stop(shell, t.get(2)!);
    bg(t, 300);
    expect(marks(t)).toBe('1  2+ 3-');
    expect(one.state).toBe('running');
  });

  it('with two stopped jobs the older stopped one is previous, not a newer running one', () => {
    const { shell, t } = shellWithTable();
    bg(t, 5);
    stop(shell, bg(t, 10));
    stop(shell, bg(t, 11));
    bg(t, 12);
    expect(marks(t)).toBe('1  2- 3+ 4 ');
  });

  it('removing the current job promotes the previous one', () => {
    const t = new JobTable();
    bg(t, 1); bg(t, 2);
    const three = bg(t, 3);
    three.record(3, signaled(15));
    t.remove(three);
    expect(marks(t)).toBe('1- 2+');
  });

  it('stops reaped in one pass: the last one stopped becomes current', () => {
    const { shell, port, t } = shellWithTable();
    bg(t, 1); bg(t, 2); bg(t, 3);
    port.change(3, stopped(20));
    port.change(1, stopped(20));
    shell.control.update();
    // Job order decides which stop the reaper sees last: job 3's.
    expect(t.current?.id).toBe(3);
    expect(t.previous?.id).toBe(1);
  });

  it('a stopped job that is continued elsewhere is running again once reaped, and no longer outranks', () => {
    const { shell, port, t } = shellWithTable();
    bg(t, 1);
    stop(shell, bg(t, 2));
    bg(t, 3);
    expect(marks(t)).toBe('1  2+ 3-');
    port.change(2, continued);
    shell.control.update();
    expect(t.get(2)!.state).toBe('running');
    // Running jobs rank by age now: the newest is current.
    expect(t.current?.id).toBe(3);
  });

  it('an empty table has no current job', () => {
    const t = new JobTable();
    t.remove(bg(t, 1));
    expect(t.current).toBeUndefined();
    expect(t.previous).toBeUndefined();
  });
});

describe('the reaper among many live jobs', () => {
  it('asks the kernel once, not once per job, when no child has anything to report', () => {
    const { shell, port } = fakeShell();
    for (let pid = 1000; pid < 2000; pid++) addJob(shell, [pid], [`sleep ${pid}`]);
    port.waitpidCalls = 0;
    expect(shell.control.update()).toBe(false);
    expect([port.waitpidCalls, port.pendingChecks]).toEqual([0, 1]);
    port.change(1500, stopped(19));
    expect(shell.control.update()).toBe(true);
    expect(shell.control.jobs.all().find((j) => j.pgid === 1500)!.state).toBe('stopped');
  });
});

describe('notices of a stopped pipeline', () => {
  it('one member continuing before the others does not report the job Stopped again (D01b)', () => {
    const { shell, port } = fakeShell();
    const job = addJob(shell, [700, 701], ['cat', 'cat']);
    port.change(700, stopped(21));
    port.change(701, stopped(21));
    shell.control.update();
    expect(job.state).toBe('stopped');
    job.notified = true; // the user saw "[1]+  Stopped  cat | cat"
    port.change(700, continued);
    shell.control.update();
    expect([job.state, job.notified]).toEqual(['stopped', true]);
    port.change(700, signaled(15));
    port.change(701, continued);
    port.change(701, signaled(15));
    shell.control.update();
    expect([job.state, job.notified]).toEqual(['dead', false]);
  });
});
