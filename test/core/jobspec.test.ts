// Job specifications (jobs.c get_job_spec / get_job_by_name): %n %+ %% % %- %name %?text, a
// bare word, ambiguity and missing jobs, with bash's error texts.

import { describe, expect, it } from 'vitest';
import { RUNNING } from '../../src/core/job.js';
import { currentJob, resolveJobSpec } from '../../src/core/jobspec.js';
import { JobTable } from '../../src/core/jobtable.js';

function table(...commands: string[][]): JobTable {
  const t = new JobTable();
  let pid = 100;
  for (const stages of commands) {
    const processes = stages.map((command) => ({ pid: pid++, command, status: RUNNING }));
    t.add({ pgid: processes[0]!.pid, processes, foreground: false, jobControl: true, wd: '/' });
  }
  return t;
}

const id = (t: JobTable, spec: string): number | string => {
  const r = resolveJobSpec(t, spec);
  return r.kind === 'job' ? r.job.id : r.message;
};

describe('job specs', () => {
  const t = table(['sleep 300'], ['sleep 350', 'cat'], ['vi notes.txt']);

  it('%n names a job by number; a bare number is a job number too', () => {
    expect(id(t, '%2')).toBe(2);
    expect(id(t, '3')).toBe(3);
  });

  it('%+, %%, % and %- name the current and previous jobs', () => {
    expect([id(t, '%+'), id(t, '%%'), id(t, '%'), id(t, '%-')]).toEqual([3, 3, 3, 2]);
  });

  it('%name matches the start of a stage, %?text anywhere in one, ignoring case', () => {
    expect(id(t, '%vi')).toBe(3);
    expect(id(t, '%?NOTES')).toBe(3);
    expect(id(t, '%cat')).toBe(2);
    expect(id(t, 'vi')).toBe(3);
  });

  it('several matches are ambiguous, named without the %', () => {
    expect(id(t, '%sl')).toBe('sl: ambiguous job spec');
    expect(id(t, '%?35')).toBe(2);
    expect(id(t, '%?s')).toBe('s: ambiguous job spec');
  });

  it('missing jobs are reported as written', () => {
    expect(id(t, '%9')).toBe('%9: no such job');
    expect(id(t, '9999999')).toBe('9999999: no such job');
    expect(id(t, '%0')).toBe('%0: no such job');
    expect(id(t, '%nosuch')).toBe('%nosuch: no such job');
  });

  it('no operand means the current job, or "current: no such job"', () => {
    const r = currentJob(t);
    expect(r.kind === 'job' && r.job.id).toBe(3);
    expect(currentJob(new JobTable())).toEqual({ kind: 'error', message: 'current: no such job' });
  });
});
