// Taking control of the terminal at start (bash's initialize_job_control): wait until the
// shell's group is in the foreground, ignore the job-control signals, lead a process group of
// its own and make it the terminal's foreground group. The terminal calls are the hand-off's
// (terminal.ts); this file decides when, and what the shell says when it cannot.

import { SIG } from '../os/signals.js';
import type { Shell } from './shell.js';

export interface JobControlStart {
  /** The group that owned the terminal before the shell took it (given back at exit). */
  readonly originalPgrp: number;
}

export function initJobControl(shell: Shell): JobControlStart | null {
  const port = shell.port;
  const tty = shell.terminal.open();
  if (tty === null) {
    if (shell.control.enabled && shell.dialect.name === 'bash') sayNoJobControl(shell);
    shell.control.enabled = false;
    return null;
  }
  shell.stdio = [0, 1, 2].map((fd) => (port.isatty(fd) ? tty : fd)) as [number, number, number];
  if (!shell.control.enabled) return null;
  if (!shell.terminal.waitUntilForeground()) {
    void shell.diag('initialize_job_control: no job control in background');
    shell.control.enabled = false;
    return null;
  }
  for (const sig of [SIG.TSTP, SIG.TTIN, SIG.TTOU]) port.setSignalAction(sig, 'ignore');
  if (shell.interactive) {
    port.setSignalAction(SIG.QUIT, 'ignore');
    port.setSignalAction(SIG.TERM, 'ignore');
  }
  return { originalPgrp: shell.terminal.claim(shell.pid) };
}

/**
 * bash 5.2's two lines when job control was asked for and there is no terminal to control
 * (`setsid bash -i`): it falls back on stderr, whose tcgetpgrp() fails with ENOTTY.
 */
function sayNoJobControl(shell: Shell): void {
  const out = (line: string) => void shell.out.write(shell.stdio[2], `${shell.name}: ${line}\n`);
  out('cannot set terminal process group (-1): Inappropriate ioctl for device');
  out('no job control in this shell');
}

/** Gives the terminal back to the group that had it before the shell started. */
export function endJobControl(shell: Shell, start: JobControlStart | null): void {
  if (start) shell.terminal.giveBack(start.originalPgrp);
}
