// What tsh does at start-up that bash does not. It sends everything to stdout, and it catches
// SIGINT and SIGTSTP to pass them on to the foreground job's process group, which is how the
// lab's driver (signalling the shell's pid) stops and interrupts jobs; SIGQUIT is the driver's
// way to end it. ^C and ^Z typed in the terminal still go straight to the foreground group,
// which owns the terminal.

import { SIG } from '../../../os/signals.js';
import type { Shell } from '../../shell.js';

/** `leave` ends the shell with a status, as the host does it. */
export function startTsh(shell: Shell, leave: (status: number) => void): void {
  // tsh's dup2(1, 2): its own errors and its jobs' go where its output goes.
  shell.stdio[2] = shell.stdio[1];
  // Every job leads a group of its own, terminal or not (tsh's setpgid(0, 0)), so that a
  // forwarded signal never hits the shell.
  shell.control.enabled = true;
  for (const signal of [SIG.INT, SIG.TSTP]) shell.port.onSignal(signal, () => forwardToForeground(shell, signal));
  shell.port.onSignal(SIG.QUIT, () => {
    void shell.out.write(shell.stdio[1], 'Terminating after receipt of SIGQUIT signal\n').then(() => leave(1));
  });
}

/** tsh's sigint_handler / sigtstp_handler: kill(-pgid, sig) if there is a foreground job. */
export function forwardToForeground(shell: Shell, signal: number): void {
  const job = shell.control.jobs.all().find((j) => j.foreground && j.state === 'running');
  if (!job) return;
  try {
    shell.control.signal(job, signal);
  } catch {
    // It ended meanwhile; the reaper tells.
  }
}
