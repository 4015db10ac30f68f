// `fg [job_spec]` (builtins/fg_bg.def, jobs.c start_job): names the job, makes it current,
// gives it the terminal, continues it and waits for it like any foreground job; `$?` is its
// status. A job brought to the foreground is no longer an asynchronous one, so once it ends
// `wait $!` no longer knows it (its pid is taken out of the finished background pids).

import { waitForeground } from '../foreground-job.js';
import { resumeInBackground } from './bg.js';
import { jobArg } from './lib/jobargs.js';
import { parseOptions } from './lib/options.js';
import type { Builtin } from './types.js';

export const fgBuiltin: Builtin = async (ctx) => {
  const shell = ctx.shell;
  if (!shell.control.enabled) {
    ctx.error('no job control');
    return 1;
  }
  const parsed = parseOptions(ctx, '', 'fg [job_spec]');
  if (!parsed) return 2;
  const operands = parsed.operands;
  shell.control.update();
  // bash: a last operand "&" makes fg act as bg on the first operand.
  if (operands.length > 0 && operands[operands.length - 1] === '&') return resumeInBackground(ctx, operands[0]);
  // Extra operands are ignored, as bash does.
  const r = jobArg(shell, operands[0]);
  if (r.kind === 'error') {
    ctx.error(r.message);
    return 1;
  }
  const job = r.job;
  if (!job.jobControl) {
    ctx.error(`job ${job.id} started without job control`);
    return 1;
  }
  if (job.state === 'dead') {
    ctx.error('job has terminated');
    return 1;
  }
  ctx.io.out(shell.format.resumedForeground(job));
  shell.control.jobs.setCurrent(job);
  try {
    return await waitForeground(shell, job, true);
  } finally {
    shell.control.finishedPids.delete(job.lastPid);
  }
};
