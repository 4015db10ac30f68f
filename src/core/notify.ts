// Telling the user about jobs that changed while they were not looking (bash's
// notify_of_job_status): background jobs that ended or stopped are reported before the next
// prompt and then forgotten; foreground jobs were already reported when they ended.

import type { Shell } from './shell.js';

/** Prints pending job notices and drops dead jobs the user now knows about. */
export function notifyJobs(shell: Shell): void {
  let text = '';
  for (const job of shell.control.jobs.all()) {
    if (job.notified) continue;
    if (job.state === 'running') continue;
    const report = job.state === 'stopped' || !job.foreground;
    if (report && shell.interactive && shell.control.enabled) text += shell.format.changed(job, shell.control.jobs, shell.place());
    if (job.state === 'dead' && !shell.interactive && !job.foreground) continue; // kept for `wait` and `jobs`
    job.notified = true;
  }
  if (text) void shell.out.write(shell.stdio[2], text);
  dropNotifiedDead(shell);
}

export function dropNotifiedDead(shell: Shell): void {
  for (const job of shell.control.jobs.all()) {
    if (job.state === 'dead' && job.notified) shell.control.jobs.remove(job);
  }
}
