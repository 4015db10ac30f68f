// tshref's job messages, byte for byte (scenarios.md §4, tshref.out): the command is the line
// as typed, and every message that shows it ends with fgets' newline.

import { describe, expect, it } from 'vitest';
import { tshFormat as f } from '../../src/core/compat/tsh/format.js';
import { RUNNING, type Job } from '../../src/core/job.js';
import { JobTable } from '../../src/core/jobtable.js';
import { exited, signaled, stopped } from '../../src/os/status.js';
import type { Place } from '../../src/core/format.js';

const at = (cwd: string): Place => ({ cwd, home: undefined });

function job(t: JobTable, pid: number, line: string, foreground = false): Job {
  return t.add({ pgid: pid, processes: [{ pid, command: line, status: RUNNING }], foreground, jobControl: true, wd: '/' });
}

describe('tsh messages', () => {
  it('launch and bg lines: "[jid] (pid) cmdline"', () => {
    const t = new JobTable();
    job(t, 26250, './myspin 2 &');
    const j = job(t, 26252, './myspin 1   &  ');
    expect(f.launched(j)).toBe('[2] (26252) ./myspin 1   &  \n');
    expect(f.resumedBackground(j, t)).toBe('[2] (26252) ./myspin 1   &  \n');
  });

  it('jobs lines: Running or Stopped, no marks, no long form', () => {
    const t = new JobTable();
    const a = job(t, 26252, './myspin 4 &');
    const b = job(t, 26276, './myspin 5 ');
    b.record(26276, stopped(20));
    expect(f.jobLine(a, t, 'standard', at('/elsewhere'))).toBe('[1] (26252) Running ./myspin 4 &\n');
    expect(f.jobLine(b, t, 'long', at('/'))).toBe('[2] (26276) Stopped ./myspin 5 \n');
  });

  it('stops and deaths by signal name the job, its pid and the signal number', () => {
    const t = new JobTable();
    const a = job(t, 26283, './myspin 5', true);
    a.record(26283, stopped(20));
    expect(f.stopped(a, t, at('/'))).toBe('Job [1] (26283) stopped by signal 20\n');
    expect(f.changed(a, t, at('/'))).toBe('Job [1] (26283) stopped by signal 20\n');
    const b = job(t, 26285, './myspin 4', true);
    b.record(26285, signaled(2));
    expect(f.foregroundKilled(b)).toBe('Job [2] (26285) terminated by signal 2\n');
    expect(f.changed(b, t, at('/'))).toBe('Job [2] (26285) terminated by signal 2\n');
  });

  it('normal exits, fg and running jobs say nothing', () => {
    const t = new JobTable();
    const a = job(t, 100, './myspin 1 &');
    expect(f.changed(a, t, at('/'))).toBe('');
    expect(f.resumedForeground(a)).toBe('');
    a.record(100, exited(3));
    expect(f.changed(a, t, at('/'))).toBe('');
    expect(f.foregroundKilled(a)).toBe('');
  });
});
