// Waiting for a tsh foreground job (tsh.c waitfg), after a launch or `fg`.

import type { Job } from '../../job.js';
import type { Shell } from '../../shell.js';

/**
 * Gives a job the terminal until it stops or ends (`resume` continues it first, for fg). The
 * reaper has usually reported the change already; this covers waits that did not go through it.
 */
export async function waitTshForeground(shell: Shell, job: Job, resume: boolean): Promise<void> {
  await shell.out.drain();
  await shell.control.runInForeground(job, resume);
  shell.control.notify();
}
