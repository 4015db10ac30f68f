// Leaving the shell as bash does (builtins/exit.def, jobs.c end_job_control,
// hangup_all_jobs): refuse once while jobs are stopped, then terminate the stopped jobs and
// let running ones be; on SIGHUP, hang up every job first.

import { SIG } from '../os/signals.js';
import type { Shell } from './shell.js';

/**
 * True when the shell must not exit yet: it has stopped jobs and the previous command was
 * neither `exit` nor `jobs`. Prints bash's warning.
 */
export function stoppedJobsBlockExit(shell: Shell): boolean {
  if (!shell.interactive || shell.inSubshell) return false;
  if (!shell.control.jobs.all().some((j) => j.state === 'stopped')) return false;
  if (shell.control.previousCommand === 'exit' || shell.control.previousCommand === 'jobs') return false;
  void shell.out.write(shell.stdio[2], 'There are stopped jobs.\n');
  return true;
}

/** End of input at the prompt (^D): bash says "exit" and leaves, unless stopped jobs hold it. */
export async function leaveAtEndOfInput(shell: Shell): Promise<number | null> {
  await shell.out.write(shell.stdio[2], 'exit\n');
  if (stoppedJobsBlockExit(shell)) {
    shell.control.previousCommand = 'exit';
    return null;
  }
  return shell.lastStatus;
}

/** SIGTERM then SIGCONT to every stopped job (end_job_control). */
export function terminateStoppedJobs(shell: Shell): void {
  for (const job of shell.control.jobs.all()) {
    if (job.state !== 'stopped') continue;
    safely(() => shell.control.signal(job, SIG.TERM));
    safely(() => shell.control.signal(job, SIG.CONT));
  }
}

/** SIGHUP (and SIGCONT to stopped ones) to every job not marked `disown -h`. */
export function hangupJobs(shell: Shell): void {
  for (const job of shell.control.jobs.all()) {
    if (job.noHangup || job.state === 'dead') continue;
    safely(() => shell.control.signal(job, SIG.HUP));
    if (job.state === 'stopped') safely(() => shell.control.signal(job, SIG.CONT));
  }
}

function safely(f: () => void): void {
  try {
    f();
  } catch {
    // The group is already gone.
  }
}
