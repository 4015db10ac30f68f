// `bg PID|%jobid` (tsh.c do_bgfg): continues the job in the background and prints its launch
// line again, "[2] (26283) ./myspin 5 ". A job already running is continued all the same.

import type { Builtin } from '../../builtins/types.js';
import { jobOfArgument } from './jobarg.js';

export const bgTsh: Builtin = (ctx) => {
  const shell = ctx.shell;
  const job = jobOfArgument(ctx);
  if (!job) return 1;
  // A job that died meanwhile is the reaper's to report.
  shell.control.continueJob(job, { foreground: false });
  ctx.io.out(shell.format.resumedBackground(job, shell.control.jobs));
  return 0;
};
