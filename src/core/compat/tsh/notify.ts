// tsh reports job changes from its SIGCHLD handler, the moment they happen, whether the job was
// in the foreground or not: "stopped by signal", "terminated by signal", and nothing for a
// normal exit. Here that happens whenever children are reaped (reap.ts asks, because the
// dialect says notifyAtOnce). The text goes through the shell's ordered output, so it never
// lands inside another message.

import { dropNotifiedDead } from '../../notify.js';
import type { Shell } from '../../shell.js';

export function notifyTsh(shell: Shell): void {
  let text = '';
  for (const job of shell.control.jobs.all()) {
    if (job.notified || job.state === 'running') continue;
    text += shell.format.changed(job, shell.control.jobs, shell.place());
    job.notified = true;
  }
  if (text) void shell.out.write(shell.stdio[1], text);
  dropNotifiedDead(shell);
}
