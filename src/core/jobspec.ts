// Job specifications as bash reads them (jobs.c get_job_spec): %n, %+, %%, %, %-, %string
// (command starts with string), %?string (command contains string). A bare number is a job
// number for fg/bg/jobs/disown; kill and wait treat bare numbers as pids before calling this.

import type { Job } from './job.js';
import type { JobTable } from './jobtable.js';

export type SpecResult =
  | { readonly kind: 'job'; readonly job: Job }
  | { readonly kind: 'error'; readonly message: string };

const noSuchJob = (spec: string): SpecResult => ({ kind: 'error', message: `${spec}: no such job` });

export function resolveJobSpec(table: JobTable, spec: string): SpecResult {
  const body = spec.startsWith('%') ? spec.slice(1) : spec;
  if (body === '' || body === '%' || body === '+') return found(table.current, spec);
  if (body === '-') return found(table.previous, spec);
  if (/^\d+$/.test(body)) return found(table.get(Number(body)), spec);
  const contains = body.startsWith('?');
  const needle = contains ? body.slice(1) : body;
  const matches = table.all().filter((j) => j.processes.some((p) => matchesName(p.command, needle, contains)));
  if (matches.length > 1) return { kind: 'error', message: `${needle}: ambiguous job spec` };
  return found(matches[0], spec);
}

/** The job used when a builtin gets no operand: the current job. */
export function currentJob(table: JobTable): SpecResult {
  const job = table.current;
  return job ? { kind: 'job', job } : { kind: 'error', message: 'current: no such job' };
}

/** bash matches each stage's command: a prefix, or a case-insensitive substring for %?. */
function matchesName(command: string, needle: string, contains: boolean): boolean {
  return contains ? command.toLowerCase().includes(needle.toLowerCase()) : command.startsWith(needle);
}

function found(job: Job | undefined, spec: string): SpecResult {
  return job ? { kind: 'job', job } : noSuchJob(spec);
}
