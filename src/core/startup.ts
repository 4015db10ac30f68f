// Taking control of the terminal at start (bash's initialize_job_control): wait until the
// shell's group is in the foreground, ignore the job-control signals, lead a process group of
// its own and make it the terminal's foreground group.

import { SIG } from '../os/signals.js';
import type { Shell } from './shell.js';

const MAX_TRIES = 16;

export interface JobControlStart {
  /** The group that owned the terminal before the shell took it (given back at exit). */
  readonly originalPgrp: number;
}

export function initJobControl(shell: Shell): JobControlStart | null {
  const port = shell.port;
  const tty = port.openTerminal();
  if (tty === null) {
    if (shell.jobControl && shell.dialect.name === 'bash') sayNoJobControl(shell);
    shell.jobControl = false;
    return null;
  }
  shell.tty = tty;
  shell.stdio = [0, 1, 2].map((fd) => (port.isatty(fd) ? tty : fd)) as [number, number, number];
  if (!shell.jobControl) return null;
  if (!waitUntilForeground(shell, tty)) {
    void shell.diag('initialize_job_control: no job control in background');
    shell.jobControl = false;
    return null;
  }
  const originalPgrp = port.tcgetpgrp(tty);
  for (const sig of [SIG.TSTP, SIG.TTIN, SIG.TTOU]) port.setSignalAction(sig, 'ignore');
  if (shell.interactive) {
    port.setSignalAction(SIG.QUIT, 'ignore');
    port.setSignalAction(SIG.TERM, 'ignore');
  }
  if (port.getpgrp() !== shell.pid) {
    try {
      port.setpgid(0, shell.pid);
    } catch {
      // A session leader cannot change group; it already leads its own.
    }
  }
  shell.pgid = port.getpgrp();
  port.tcsetpgrp(tty, shell.pgid);
  shell.modes = port.tcgetattr(tty);
  return { originalPgrp };
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

/** Stops the shell with SIGTTIN until someone puts its group in the foreground (B10.1). */
function waitUntilForeground(shell: Shell, tty: number): boolean {
  const port = shell.port;
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    let fg: number;
    try {
      fg = port.tcgetpgrp(tty);
    } catch {
      return false;
    }
    if (fg === port.getpgrp()) return true;
    port.setSignalAction(SIG.TTIN, 'default');
    port.kill(-port.getpgrp(), SIG.TTIN);
  }
  return false;
}

/** Gives the terminal back to the group that had it before the shell started. */
export function endJobControl(shell: Shell, start: JobControlStart | null): void {
  if (!start || shell.tty === null || start.originalPgrp === shell.pgid) return;
  try {
    shell.port.tcsetpgrp(shell.tty, start.originalPgrp);
  } catch {
    // That group is gone; nothing to give back.
  }
}
