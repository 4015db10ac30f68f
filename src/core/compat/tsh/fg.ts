// `fg PID|%jobid` (tsh.c do_bgfg): continues the job in the foreground and waits for it,
// printing nothing; how it stops or ends is reported like any job change.

import { reapNow } from '../../builtins/lib/childwait.js';
import type { Builtin } from '../../builtins/types.js';
import { waitTshForeground } from './foreground.js';
import { tshJobArg } from './jobarg.js';

export const fgTsh: Builtin = async (ctx) => {
  const shell = ctx.shell;
  reapNow(shell);
  const r = tshJobArg(shell, ctx.argv[0]!, ctx.argv[1]);
  if (r.kind === 'error') {
    ctx.io.out(`${r.message}\n`);
    return 1;
  }
  ctx.io.out(shell.format.resumedForeground(r.job));
  await waitTshForeground(shell, r.job, true);
  return 0;
};
