// The job-control service: the one object the executor, the builtins and the dialects ask to
// bring the job table up to date with the kernel, to continue a job and to report changes. It
// also holds the shell's job state (the table, disowned and finished pids, whether job control
// is on), apart from the shell-language state of Shell, so that a different kernel (the
// simulator) meets job control in one place.
//
// The table is brought up to date by polling the shell's own children (reap.ts): on Linux a
// SIGCHLD only says that something changed. A builtin updates before it looks at the table,
// because bash's SIGCHLD handler has always run by the time a builtin starts.

import { continueJob, runInForeground, signalJob } from './foreground.js';
import type { WaitStatus } from '../os/status.js';
import type { Job } from './job.js';
import { JobTable } from './jobtable.js';
import { hasChildren, reapAll, waitForJob } from './reap.js';
import type { Shell } from './shell.js';

/** The jobs a copy of the shell starts with: its parent's table, shared or copied. */
export interface JobState {
  readonly jobs: JobTable;
  readonly disowned: Set<number>;
}

export class JobControl {
  /** Job control on (-m, or interactive with a terminal): jobs get process groups of their own. */
  enabled: boolean;
  readonly jobs: JobTable;
  /** Pids of disowned jobs: no longer in the table, but still children to reap. */
  readonly disowned: Set<number>;
  /** Statuses of finished background pids not yet asked for by `wait`. */
  readonly finishedPids = new Map<number, WaitStatus>();
  /** Name of the previous command, for exit's "There are stopped jobs." rule. */
  previousCommand = '';
  /** Set when the shell itself received SIGINT while it was busy. */
  interrupted = false;
  private wakers: (() => void)[] = [];
  private readonly interruptListeners = new Set<() => void>();

  constructor(private readonly shell: Shell, enabled: boolean, state?: JobState) {
    this.enabled = enabled;
    this.jobs = state?.jobs ?? new JobTable();
    this.disowned = state?.disowned ?? new Set();
  }

  /** The shell got SIGINT: remember it and wake anything sleeping in nextEvent() or reading. */
  interrupt(): void {
    this.interrupted = true;
    for (const listener of [...this.interruptListeners]) listener();
    this.wake();
  }

  /** Calls `listener` on the next SIGINT to the shell (a `read` gives up); returns what stops it. */
  onInterrupt(listener: () => void): () => void {
    this.interruptListeners.add(listener);
    return () => this.interruptListeners.delete(listener);
  }

  /** Wakes anything sleeping in nextEvent() (a trapped signal came). */
  wake(): void {
    for (const wake of this.wakers.splice(0)) wake();
  }

  /** Sleeps until a child changes state or the shell is interrupted. */
  nextEvent(): Promise<void> {
    if (this.interrupted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.wakers.push(resolve);
      void this.shell.port.childEvent().then(() => {
        this.wakers = this.wakers.filter((w) => w !== resolve);
        resolve();
      });
    });
  }

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

  private notifiesAtOnce(): boolean {
    return this.shell.interactive && this.shell.options.isOn('notify');
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
        // `set -b`: an interactive shell tells of a change at once, not at the next prompt
        if (watching && this.hasChildren() && this.update() && this.notifiesAtOnce()) this.notify();
      }
    })();
    return () => {
      watching = false;
    };
  }
}
