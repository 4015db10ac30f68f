// `fg PID|%jobid` (tsh.c do_bgfg): continues the job in the foreground and waits for it,
// printing nothing; how it stops or ends is reported like any job change.

import type { Builtin } from '../../builtins/types.js';
import { waitTshForeground } from './foreground.js';
import { jobOfArgument } from './jobarg.js';

export const fgTsh: Builtin = async (ctx) => {
  const job = jobOfArgument(ctx);
  if (!job) return 1;
  ctx.io.out(ctx.shell.format.resumedForeground(job));
  await waitTshForeground(ctx.shell, job, true);
  return 0;
};
