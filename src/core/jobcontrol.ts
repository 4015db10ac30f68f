// The job-control service: the one object the executor, the builtins and the dialects ask to
// bring the job table up to date with the kernel, to continue a job and to report changes. It
// owns no state of its own (the table is the shell's); what it fixes is where each of these
// happens, so that a different kernel (the simulator) meets job control in one place.
//
// The table is brought up to date by polling the shell's own children (reap.ts): on Linux a
// SIGCHLD only says that something changed. A builtin updates before it looks at the table,
// because bash's SIGCHLD handler has always run by the time a builtin starts.

import { continueJob, runInForeground, signalJob } from './foreground.js';
import type { Job } from './job.js';
import { hasChildren, reapAll, waitForJob } from './reap.js';
import type { Shell } from './shell.js';

export class JobControl {
  constructor(private readonly shell: Shell) {}

  /** Takes in every pending status change of the shell's children; true if any. */
  update(): boolean {
    return reapAll(this.shell);
  }

  /** True while any child of the shell (in a job or disowned) may still change state. */
  hasChildren(): boolean {
    return hasChildren(this.shell);
  }

  /** Waits until the job no longer runs (every member stopped or dead). */
  waitFor(job: Job): Promise<void> {
    return waitForJob(this.shell, job);
  }

  /** Continues a stopped (or running) job; in the background (fg goes through runInForeground). */
  continueJob(job: Job, o: { readonly foreground: boolean }): void {
    continueJob(this.shell, job, o);
  }

  /**
   * Runs a job in the foreground until it stops or ends, the terminal lent to it for that
   * time; `resume` continues it first (fg).
   */
  runInForeground(job: Job, resume: boolean): Promise<void> {
    return runInForeground(this.shell, job, resume);
  }

  /** Sends a signal to a job: its group with job control, else each member. */
  signal(job: Job, signal: number): void {
    signalJob(this.shell, job, signal);
  }

  /** Reports the changes the user has not seen, in the dialect's words. */
  notify(): void {
    this.shell.dialect.notify(this.shell);
  }

  /**
   * Keeps the table current while the shell idles (a prompt): updates at every child event
   * until the returned function is called, so no finished child waits as a zombie (J02).
   */
  watch(): () => void {
    let watching = true;
    void (async () => {
      while (watching) {
        await this.shell.port.childEvent();
        if (watching && this.hasChildren()) this.update();
      }
    })();
    return () => {
      watching = false;
    };
  }
}
