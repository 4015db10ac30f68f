// Job lines exactly as bash 5.2 prints them (jobs.c print_pipeline, pretty_print_job,
// start_job; scenarios.md §5), with the pids and texts seen in a pty.

import { describe, expect, it } from 'vitest';
import { bashFormat as f, polite, type Place } from '../../src/core/format.js';
import { RUNNING, type Job } from '../../src/core/job.js';
import { JobTable } from '../../src/core/jobtable.js';
import { exited, signaled, stopped, type WaitStatus } from '../../src/os/status.js';

const at = (cwd: string, home?: string): Place => ({ cwd, home });

function job(t: JobTable, stages: [number, string][], wd = '/home'): Job {
  const processes = stages.map(([pid, command]) => ({ pid, command, status: RUNNING }));
  return t.add({ pgid: stages[0]![0], processes, foreground: false, jobControl: true, wd });
}

function settle(j: Job, ...statuses: WaitStatus[]): Job {
  statuses.forEach((s, i) => j.record(j.processes[i]!.pid, s));
  return j;
}

describe('standard job lines', () => {
  it('running background jobs end in " &"; the status column is 24 wide', () => {
    const t = new JobTable();
    const j = job(t, [[2192, 'sleep 100']]);
    expect(f.jobLine(j, t, 'standard', at('/home'))).toBe('[1]+  Running                 sleep 100 &\n');
  });

  it('a pipeline is one line joined with " | "; stopped jobs have no " &"', () => {
    const t = new JobTable();
    const j = settle(job(t, [[2192, 'sleep 100'], [2193, 'cat'], [2194, 'cat']]), stopped(19), stopped(19), stopped(19));
    expect(f.jobLine(j, t, 'standard', at('/home'))).toBe('[1]+  Stopped                 sleep 100 | cat | cat\n');
  });

  it('finished jobs: Done, Exit n, the signal text, core dumps', () => {
    const line = (command: string, s: WaitStatus): string => {
      const t = new JobTable();
      return f.jobLine(settle(job(t, [[1, command]]), s), t, 'standard', at('/home'));
    };
    expect(line('sleep 0.1', exited(0))).toBe('[1]+  Done                    sleep 0.1\n');
    expect(line('sh -c "exit 3"', exited(3))).toBe('[1]+  Exit 3                  sh -c "exit 3"\n');
    expect(line('sleep 30', signaled(9))).toBe('[1]+  Killed                  sleep 30\n');
    expect(line('crash', signaled(11, true))).toBe('[1]+  Segmentation fault      (core dumped) crash\n');
  });

  it('the column is not widened for two-digit job numbers', () => {
    const t = new JobTable();
    let last: Job | undefined;
    for (let i = 1; i <= 10; i++) last = job(t, [[i, `sh -c "exit ${i - 1}"`]]);
    settle(last!, exited(9));
    expect(f.jobLine(last!, t, 'standard', at('/home'))).toBe('[10]+  Exit 9                  sh -c "exit 9"\n');
  });

  it('a job started elsewhere shows its directory, with ~ for HOME, and notices say where we are', () => {
    const t = new JobTable();
    const j = job(t, [[3846, 'sleep 100']], '/tmp');
    expect(f.jobLine(j, t, 'standard', at('/'))).toBe('[1]+  Running                 sleep 100 &  (wd: /tmp)\n');
    const home = job(t, [[3847, 'sleep 200']], '/home/u/src');
    expect(f.jobLine(home, t, 'standard', at('/', '/home/u'))).toBe('[2]+  Running                 sleep 200 &  (wd: ~/src)\n');
    settle(home, signaled(15));
    expect(f.changed(home, t, at('/home/u', '/home/u'))).toBe(
      '[2]+  Terminated              sleep 200  (wd: ~/src)\n(wd now: ~)\n');
    expect(f.changed(home, t, at('/home/u/src', '/home/u'))).toBe('[2]+  Terminated              sleep 200\n');
  });

  it('polite paths: ~ only for HOME itself or below it', () => {
    expect(polite('/home/u', '/home/u')).toBe('~');
    expect(polite('/home/u/x', '/home/u')).toBe('~/x');
    expect(polite('/home/uv', '/home/u')).toBe('/home/uv');
    expect(polite('/x', '/')).toBe('/x');
    expect(polite('/x', undefined)).toBe('/x');
  });
});

describe('jobs -l and jobs -p', () => {
  it('long lines carry %5d pids and one line per pipeline stage', () => {
    const t = new JobTable();
    const j = job(t, [[2192, 'sleep 100'], [2193, 'cat'], [2194, 'cat']]);
    expect(f.jobLine(j, t, 'long', at('/home'))).toBe(
      '[1]+  2192 Running                 sleep 100\n'
      + '      2193                       | cat\n'
      + '      2194                       | cat &\n',
    );
  });

  it('long lines name the stop signal', () => {
    const t = new JobTable();
    const ttin = settle(job(t, [[24759, 'cat']]), stopped(21));
    expect(f.jobLine(ttin, t, 'long', at('/home'))).toBe('[1]+ 24759 Stopped (tty input)     cat\n');
    expect(f.jobLine(ttin, t, 'standard', at('/home'))).toBe('[1]+  Stopped                 cat\n');
    const t2 = new JobTable();
    const sig = settle(job(t2, [[2192, 'sleep 100'], [2193, 'cat']]), stopped(19), stopped(19));
    expect(f.jobLine(sig, t2, 'long', at('/home'))).toBe(
      '[1]+  2192 Stopped (signal)        sleep 100\n      2193                       | cat\n',
    );
  });

  it('a stage whose status differs from the first shows its own', () => {
    const t = new JobTable();
    const j = settle(job(t, [[10, 'yes'], [11, 'head -1']]), signaled(13), exited(0));
    expect(f.jobLine(j, t, 'long', at('/home'))).toBe(
      '[1]+    10 Broken pipe             yes\n        11 Done                    | head -1\n',
    );
    expect(f.jobLine(j, t, 'standard', at('/home'))).toBe('[1]+  Done                    yes | head -1\n');
  });

  it('-p prints the process group leader', () => {
    const t = new JobTable();
    const j = job(t, [[2192, 'sleep 100'], [2193, 'cat']]);
    expect(f.jobLine(j, t, 'pids', at('/home'))).toBe('2192\n');
  });
});

describe('other job messages', () => {
  it('launch, fg, bg and stop notices', () => {
    const t = new JobTable();
    job(t, [[1, 'spin 4']]);
    const j = settle(job(t, [[2, 'sleep 100'], [3, 'cat']]), stopped(20), stopped(20));
    t.setCurrent(j);
    expect(f.launched(j)).toBe('[2] 3\n');
    expect(f.resumedForeground(j)).toBe('sleep 100 | cat\n');
    expect(f.resumedBackground(j, t)).toBe('[2]+ sleep 100 | cat &\n');
    expect(f.stopped(j, t, at('/home'))).toBe('\n[2]+  Stopped                 sleep 100 | cat\n');
  });

  it('a foreground job killed by a signal: the text alone, nothing for SIGINT and SIGPIPE', () => {
    const t = new JobTable();
    const text = (s: WaitStatus): string => f.foregroundKilled(settle(job(t, [[7, 'x']]), s));
    expect(text(signaled(15))).toBe('Terminated\n');
    expect(text(signaled(3, true))).toBe('Quit (core dumped)\n');
    expect(text(signaled(2))).toBe('');
    expect(text(signaled(13))).toBe('');
    expect(text(exited(1))).toBe('');
  });
});
