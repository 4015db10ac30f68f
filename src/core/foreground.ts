// Running a job in the foreground, continuing a job, signalling a job: what the job-control
// service does to jobs. The terminal itself is the hand-off's (terminal.ts): a job gets it
// only inside TerminalHandoff.lend(), which always takes it back.

import { SIG } from '../os/signals.js';
import type { Job } from './job.js';
import type { Shell } from './shell.js';

/**
 * Runs a job in the foreground until it stops or ends. `resume` gives a stopped or background
 * job the terminal and continues it (fg); a job spawned with the terminal already has it.
 */
export async function runInForeground(shell: Shell, job: Job, resume: boolean): Promise<void> {
  job.foreground = true;
  const give = resume && job.state !== 'dead';
  await shell.terminal.lend(job, give, async () => {
    if (give) continueJob(shell, job, { foreground: true });
    await shell.control.waitFor(job);
  });
}

/**
 * Continues a job (bash's start_job), the one place that does. In the foreground the caller
 * has given it the terminal first (runInForeground). The job may end meanwhile (the reaper may
 * even have got it first): its group is then gone, the signal fails in a way that does not
 * matter, and whoever waits next finds the job dead and takes its status.
 */
export function continueJob(shell: Shell, job: Job, o: { readonly foreground: boolean }): void {
  job.markContinued();
  job.foreground = o.foreground;
  try {
    signalJob(shell, job, SIG.CONT);
  } catch {
    // ESRCH: the same.
  }
}

/** Sends a signal to a job: its group with job control, else each member. */
export function signalJob(shell: Shell, job: Job, signal: number): void {
  if (job.jobControl) {
    shell.port.kill(-job.pgid, signal);
    return;
  }
  for (const pid of job.livePids()) {
    try {
      shell.port.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}
