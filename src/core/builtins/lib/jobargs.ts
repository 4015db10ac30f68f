// Turning a builtin's operand into a job, with bash's error wording: no operand means the
// current job ("current: no such job"), an empty word is never a job, and an ambiguous
// %name says so (jobs and disown then also print "no such job", as bash does).

import type { Job } from '../../job.js';
import { currentJob, resolveJobSpec } from '../../jobspec.js';
import type { Shell } from '../../shell.js';

export type JobArg =
  | { readonly kind: 'job'; readonly job: Job }
  | { readonly kind: 'error'; readonly message: string; readonly ambiguous: boolean };

export function jobArg(shell: Shell, word: string | undefined): JobArg {
  if (word === undefined) {
    const r = currentJob(shell.control.jobs);
    return r.kind === 'job' ? r : { kind: 'error', message: r.message, ambiguous: false };
  }
  // bash's get_job_spec answers NO_JOB for an empty word; resolveJobSpec would take the current job.
  if (word === '') return { kind: 'error', message: ': no such job', ambiguous: false };
  const r = resolveJobSpec(shell.control.jobs, word);
  if (r.kind === 'job') return r;
  return { kind: 'error', message: r.message, ambiguous: r.message.endsWith(': ambiguous job spec') };
}
