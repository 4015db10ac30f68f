// The terminal hand-off: the one object that owns the controlling terminal's fd, the shell's
// saved modes and the shell's group as the terminal's foreground group. A job gets the
// terminal only through lend(), a scoped operation that always takes it back, so that no path
// (an error, a job that vanished, a hangup) can leave the terminal with a group that is gone.
//
// Modes follow bash (jobs.c wait_for): after a stop or a death by signal the shell's saved modes
// are put back; after a normal exit the modes the job left are adopted, so `stty tostop`
// persists. Every call on a vanished group or terminal (ESRCH, EPERM, EIO, ENOTTY) is caught
// where it is made: the shell outlives its terminal and its jobs.

import type { OsPort, TermModes } from '../os/port.js';
import { SIG } from '../os/signals.js';
import type { Job } from './job.js';

/** How many times the shell stops itself waiting to be put in the foreground (B10.1). */
const MAX_TRIES = 16;

export class TerminalHandoff {
  #fd: number | null = null;
  #modes: TermModes | null = null;
  #pgid: number;
  /** The group that had the terminal before claim(), for exec to go back to. */
  #original: number | null = null;

  constructor(private readonly port: OsPort) {
    this.#pgid = port.getpgrp();
  }

  /** The controlling terminal (a blocking fd of the shell's own), or null. */
  get fd(): number | null {
    return this.#fd;
  }

  /** The shell's own process group: the terminal's foreground group whenever no job has it. */
  get pgid(): number {
    return this.#pgid;
  }

  /** Opens the controlling terminal; null when the process has none. */
  open(): number | null {
    this.#fd = this.port.openTerminal();
    return this.#fd;
  }

  /**
   * Stops the shell with SIGTTIN until someone puts its group in the foreground (bash's
   * initialize_job_control, B10.1); false if that never happens or the terminal is gone.
   */
  waitUntilForeground(): boolean {
    const port = this.port;
    if (this.#fd === null) return false;
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      let fg: number;
      try {
        fg = port.tcgetpgrp(this.#fd);
      } catch {
        return false;
      }
      if (fg === port.getpgrp()) return true;
      port.setSignalAction(SIG.TTIN, 'default');
      port.kill(-port.getpgrp(), SIG.TTIN);
    }
    return false;
  }

  /**
   * Makes the shell lead a group of its own and gives that group the terminal; saves the modes
   * to restore after a job stops. Returns the group that had the terminal before, for giveBack.
   */
  claim(pid: number): number {
    const port = this.port;
    const tty = this.#fd!;
    const original = port.tcgetpgrp(tty);
    if (port.getpgrp() !== pid) {
      try {
        port.setpgid(0, pid);
      } catch {
        // A session leader cannot change group; it already leads its own.
      }
    }
    this.#pgid = port.getpgrp();
    port.tcsetpgrp(tty, this.#pgid);
    this.#modes = port.tcgetattr(tty);
    this.#original = original;
    return original;
  }

  /** Gives the terminal back to the group that had it before the shell claimed it (at exit). */
  giveBack(original: number): void {
    if (this.#fd === null || original === this.#pgid) return;
    try {
      this.port.tcsetpgrp(this.#fd, original);
    } catch {
      // That group is gone; nothing to give back.
    }
  }

  /**
   * Runs `body` (continue and wait) while the job may own the terminal, then takes it back and
   * settles the modes, however `body` ends. `give` hands the terminal over first (fg); a job
   * spawned with `foregroundOn` took it itself in the child. A job without job control never
   * gets the terminal.
   */
  async lend(job: Job, give: boolean, body: () => Promise<void>): Promise<void> {
    const tty = job.jobControl ? this.#fd : null;
    if (tty !== null && give) this.give(tty, job);
    try {
      await body();
    } finally {
      if (tty !== null) this.reclaim(tty, job);
    }
  }

  /**
   * Before the shell's process becomes another program (`exec`), as bash's end_job_control:
   * the modes the shell keeps for its jobs, and the terminal and the process back in the group
   * that had the terminal when the shell claimed it, so that the program runs where the shell
   * was started (and whoever started it finds its terminal again when the program ends).
   */
  handOverForExec(): void {
    const tty = this.#fd;
    if (tty === null) return;
    try {
      if (this.#modes) this.port.tcsetattr(tty, this.#modes);
      const original = this.#original;
      if (original === null || original === this.#pgid) return;
      // SIGTTOU is still ignored: the shell may hand the terminal on from the background
      this.port.tcsetpgrp(tty, original);
      this.port.setpgid(0, original);
      this.#pgid = original;
    } catch {
      // That group or the terminal is gone: the program runs where the shell was.
    }
  }

  /** Makes sure the shell owns the terminal, e.g. after a job handed it to a group that died. */
  ensureForeground(): void {
    if (this.#fd === null) return;
    try {
      if (this.port.tcgetpgrp(this.#fd) !== this.#pgid) this.port.tcsetpgrp(this.#fd, this.#pgid);
    } catch {
      // No terminal any more.
    }
  }

  /** The same terminal for a copy of the shell in this process; it has no modes of its own. */
  copy(): TerminalHandoff {
    const t = new TerminalHandoff(this.port);
    t.#fd = this.#fd;
    return t;
  }

  private give(tty: number, job: Job): void {
    try {
      this.port.tcsetpgrp(tty, job.pgid);
    } catch {
      // ESRCH/EPERM: no such group any more (it ended during the hand-off).
    }
  }

  /** Takes the terminal back and settles the modes (bash's give_terminal_to + set/get_tty_state). */
  private reclaim(tty: number, job: Job): void {
    const port = this.port;
    try {
      port.tcsetpgrp(tty, this.#pgid);
    } catch {
      // The terminal is gone (hangup); nothing to reclaim.
      return;
    }
    const s = job.signalStatus();
    try {
      if ((s.kind === 'signaled' || s.kind === 'stopped') && this.#modes) port.tcsetattr(tty, this.#modes);
      else if (job.state === 'dead') this.#modes = port.tcgetattr(tty);
    } catch {
      // Modes are best effort: a vanished terminal must not take the shell down.
    }
  }
}
