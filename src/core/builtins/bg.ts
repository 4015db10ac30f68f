// `bg [job_spec ...]` (builtins/fg_bg.def, jobs.c start_job): continues stopped jobs in the
// background. Each one is announced as `[n]+ cmd &` with the marks it had before it was
// resumed; a job already running is reported but is not an error (SUSv3).

import { jobArg } from './lib/jobargs.js';
import { parseOptions } from './lib/options.js';
import type { Builtin, BuiltinContext } from './types.js';

export const bgBuiltin: Builtin = (ctx) => {
  if (!ctx.shell.control.enabled) {
    ctx.error('no job control');
    return 1;
  }
  const parsed = parseOptions(ctx, '', 'bg [job_spec ...]');
  if (!parsed) return 2;
  ctx.shell.control.update();
  const words = parsed.operands.length > 0 ? parsed.operands : [undefined];
  let status = 0;
  for (const word of words) if (resumeInBackground(ctx, word) !== 0) status = 1;
  return status;
};

/** Puts one job in the background (also used by `fg job &`); returns the builtin status. */
export function resumeInBackground(ctx: BuiltinContext, word: string | undefined): number {
  const shell = ctx.shell;
  const r = jobArg(shell, word);
  if (r.kind === 'error') {
    ctx.error(r.message);
    return 1;
  }
  const job = r.job;
  if (!job.jobControl) {
    ctx.error(`job ${job.id} started without job control`);
    return 1;
  }
  const previousAsync = shell.lastBackgroundPid;
  // POSIX: `bg` sets $! to the job's process group, even when it finds the job already running.
  shell.lastBackgroundPid = job.pgid;
  if (job.state === 'dead') {
    shell.lastBackgroundPid = previousAsync;
    ctx.error('job has terminated');
    return 1;
  }
  if (job.state === 'running') {
    ctx.error(`job ${job.id} already in background`);
    return 0;
  }
  ctx.io.out(shell.format.resumedBackground(job, shell.control.jobs));
  shell.control.continueJob(job, { foreground: false });
  // The user was just told about it; the continue that reaping will see is not news.
  job.notified = true;
  shell.control.jobs.resetCurrent();
  return 0;
}
