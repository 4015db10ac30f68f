// `disown [-h] [-ar] [jobspec ... | pid ...]` (builtins/jobs.def, jobs.c delete_job): forgets
// jobs, or with -h keeps them but spares them the SIGHUP the shell sends its jobs when it is
// hung up. A bare number here is a pid, not a job number. The processes of a forgotten job are
// still reaped (lib/disowned.ts) so that they do not linger as zombies.

import type { Job } from '../job.js';
import type { Shell } from '../shell.js';
import { jobArg } from './lib/jobargs.js';
import { legalPid } from './lib/numbers.js';
import { parseOptions } from './lib/options.js';
import type { Builtin, BuiltinContext } from './types.js';

export const disownBuiltin: Builtin = (ctx) => {
  const parsed = parseOptions(ctx, 'ahr', 'disown [-h] [-ar] [jobspec ... | pid ...]');
  if (!parsed) return 2;
  const has = (name: string): boolean => parsed.options.some((o) => o.name === name);
  const shell = ctx.shell;
  shell.control.update();
  const keep = has('h');
  if (parsed.operands.length === 0 && (has('a') || has('r'))) {
    const runningOnly = has('r');
    for (const job of shell.control.jobs.all()) {
      if (runningOnly && job.state !== 'running') continue;
      if (keep) job.noHangup = true;
      else forget(ctx, job);
    }
    if (!keep && !runningOnly) shell.control.finishedPids.clear();
    return 0;
  }
  const words = parsed.operands.length > 0 ? parsed.operands : [undefined];
  let status = 0;
  for (const word of words) {
    const job = findJob(ctx, shell, word);
    if (!job) {
      status = 1;
      continue;
    }
    if (keep) job.noHangup = true;
    else forget(ctx, job);
  }
  return status;
};

function findJob(ctx: BuiltinContext, shell: Shell, word: string | undefined): Job | undefined {
  const pid = word === undefined ? null : legalPid(word);
  if (pid !== null) {
    const job = shell.control.jobs.findByPid(pid);
    if (!job) ctx.error(`${word}: no such job`);
    return job;
  }
  const r = jobArg(shell, word);
  if (r.kind === 'job') return r.job;
  ctx.error(r.message);
  if (r.ambiguous) ctx.error(`${word}: no such job`);
  return undefined;
}

function forget(ctx: BuiltinContext, job: Job): void {
  const shell = ctx.shell;
  if (job.state === 'stopped' && !shell.inSubshell) {
    ctx.io.err(`${shell.errorPrefix()}warning: deleting stopped job ${job.id} with process group ${job.pgid}\n`);
  }
  shell.control.jobs.remove(job);
  for (const pid of job.livePids()) shell.control.disowned.add(pid);
}
