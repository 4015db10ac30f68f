// Handing the terminal to a job: one scoped operation that always gives it back. Modes follow
// bash (jobs.c wait_for): after a stop or a death by signal the shell's saved modes are put
// back; after a normal exit the modes the job left are adopted, so `stty tostop` persists.

import { SIG } from '../os/signals.js';
import type { Job } from './job.js';
import type { Shell } from './shell.js';

/**
 * Runs a job in the foreground until it stops or ends. `resume` gives a stopped or background
 * job the terminal and continues it (fg); a job spawned with the terminal already has it.
 */
export async function runInForeground(shell: Shell, job: Job, resume: boolean): Promise<void> {
  const tty = job.jobControl ? shell.tty : null;
  job.foreground = true;
  try {
    if (resume && job.state !== 'dead') continueJob(shell, job, { foreground: true });
    await shell.control.waitFor(job);
  } finally {
    if (tty !== null) reclaimTerminal(shell, tty, job);
  }
}

/**
 * Continues a job (bash's start_job), the one place that does: in the foreground it is given
 * the terminal first. The job may end meanwhile (the reaper may even have got it first): its
 * group is then gone, and neither call fails in a way that matters; whoever waits next finds
 * the job dead and takes its status.
 */
export function continueJob(shell: Shell, job: Job, o: { readonly foreground: boolean }): void {
  const tty = job.jobControl ? shell.tty : null;
  if (o.foreground && tty !== null) {
    try {
      shell.port.tcsetpgrp(tty, job.pgid);
    } catch {
      // ESRCH/EPERM: no such group any more (it ended during the hand-off).
    }
  }
  job.markContinued();
  job.foreground = o.foreground;
  try {
    signalJob(shell, job, SIG.CONT);
  } catch {
    // ESRCH: the same.
  }
}

/** Takes the terminal back and settles the modes (bash's give_terminal_to + set/get_tty_state). */
function reclaimTerminal(shell: Shell, tty: number, job: Job): void {
  const port = shell.port;
  try {
    port.tcsetpgrp(tty, shell.pgid);
  } catch {
    // The terminal is gone (hangup); nothing to reclaim.
    return;
  }
  const s = job.signalStatus();
  try {
    if ((s.kind === 'signaled' || s.kind === 'stopped') && shell.modes) port.tcsetattr(tty, shell.modes);
    else if (job.state === 'dead') shell.modes = port.tcgetattr(tty);
  } catch {
    // Modes are best effort: a vanished terminal must not take the shell down.
  }
}

/** Makes sure the shell owns the terminal, e.g. after a job handed it to a group that died. */
export function ensureForeground(shell: Shell): void {
  if (shell.tty === null || !shell.jobControl) return;
  try {
    if (shell.port.tcgetpgrp(shell.tty) !== shell.pgid) shell.port.tcsetpgrp(shell.tty, shell.pgid);
  } catch {
    // No terminal any more.
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
