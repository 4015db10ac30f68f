// `jobs` (tsh.c listjobs): every job as "[1] (26252) Running ./myspin 1 &", arguments ignored.

import type { Builtin } from '../../builtins/types.js';

export const jobsTsh: Builtin = (ctx) => {
  const shell = ctx.shell;
  // Changes still unreaped are reported first, as tsh's SIGCHLD handler would have.
  shell.control.update();
  for (const job of shell.control.jobs.all()) {
    if (job.state !== 'dead') ctx.io.out(shell.format.jobLine(job, shell.control.jobs, 'standard', shell.place()));
  }
  return 0;
};
