// A job is one pipeline the shell started: one process group when job control is on.
// Its state follows bash's rule (jobs.c set_job_status_and_cleanup): a job is stopped when no
// member runs and at least one is stopped, dead when every member is dead, and otherwise keeps
// the state it had, so a single continued member does not make a stopped job "running".

import type { WaitStatus } from '../os/status.js';

export type ProcessStatus = { readonly kind: 'running' } | WaitStatus;

export const RUNNING: ProcessStatus = { kind: 'running' };

export interface JobProcess {
  readonly pid: number;
  /** The command text of this pipeline stage. */
  readonly command: string;
  status: ProcessStatus;
}

export type JobState = 'running' | 'stopped' | 'dead';

export interface JobOptions {
  readonly id: number;
  readonly pgid: number;
  readonly processes: JobProcess[];
  readonly foreground: boolean;
  /** Started with job control (in a process group of its own). */
  readonly jobControl: boolean;
  /** Working directory when the job started, for "(wd: …)". */
  readonly wd: string;
}

export class Job {
  readonly id: number;
  readonly pgid: number;
  readonly processes: JobProcess[];
  readonly jobControl: boolean;
  readonly wd: string;
  foreground: boolean;
  /** Started with `&` (bash's J_ASYNC): it never had the terminal unless `fg` gave it. */
  readonly async: boolean;
  state: JobState = 'running';
  /** The user has seen the latest state change. */
  notified = false;
  /** `disown -h`: not sent SIGHUP when the shell gets one. */
  noHangup = false;

  constructor(o: JobOptions) {
    this.id = o.id;
    this.pgid = o.pgid;
    this.processes = o.processes;
    this.foreground = o.foreground;
    this.async = !o.foreground;
    this.jobControl = o.jobControl;
    this.wd = o.wd;
  }

  /** Pipeline text as bash shows it: the stages joined with " | ". */
  get command(): string {
    return this.processes.map((p) => p.command).join(' | ');
  }

  get lastPid(): number {
    return this.processes[this.processes.length - 1]!.pid;
  }

  /** The status that counts for `$?` and for Done/Exit: the last stage's. */
  get lastStatus(): ProcessStatus {
    return this.processes[this.processes.length - 1]!.status;
  }

  /**
   * The status `$?` and `wait` take: the last stage's, or with `set -o pipefail` the last stage's
   * that failed (exited non-zero or was killed), as bash and POSIX 2024 say.
   */
  pipelineStatus(pipefail: boolean): ProcessStatus {
    if (pipefail) {
      for (let i = this.processes.length - 1; i >= 0; i--) {
        const s = this.processes[i]!.status;
        if ((s.kind === 'exited' && s.code !== 0) || s.kind === 'signaled') return s;
      }
    }
    return this.lastStatus;
  }

  /** Processes that can still change state (not reaped as dead). */
  livePids(): number[] {
    return this.processes.filter((p) => p.status.kind === 'running' || p.status.kind === 'stopped').map((p) => p.pid);
  }

  hasProcess(pid: number): boolean {
    return this.processes.some((p) => p.pid === pid);
  }

  /**
   * Records one status change of a member and recomputes the job state.
   * Returns true when the change should make the shell re-pick its current job
   * (the job stopped, or went from stopped to running).
   */
  record(pid: number, status: WaitStatus): boolean {
    const proc = this.processes.find((p) => p.pid === pid);
    if (!proc) return false;
    proc.status = status.kind === 'continued' ? RUNNING : status;
    const before = this.state;
    this.recompute();
    if (this.state === before) return false;
    // Only a change of the job's state is news: one member of a stopped pipeline continuing
    // before the others must not report the job Stopped a second time.
    this.notified = false;
    return this.state !== 'dead';
  }

  /** Marks every live member running again (bash's start_job, before SIGCONT). */
  markContinued(): void {
    for (const p of this.processes) if (p.status.kind === 'stopped') p.status = RUNNING;
    this.state = 'running';
    this.notified = false;
  }

  private recompute(): void {
    const anyRunning = this.processes.some((p) => p.status.kind === 'running');
    if (anyRunning && this.state !== 'stopped') return;
    if (this.processes.some((p) => p.status.kind === 'stopped')) {
      this.state = 'stopped';
      this.foreground = false;
      return;
    }
    this.state = anyRunning ? 'running' : 'dead';
  }

  /** The stop signal of the job (the last stopped member's), or 0. */
  stopSignal(): number {
    for (let i = this.processes.length - 1; i >= 0; i--) {
      const s = this.processes[i]!.status;
      if (s.kind === 'stopped') return s.signal;
    }
    return 0;
  }

  /**
   * bash's job_signal_status: the first member killed by a signal or stopped, else the last
   * status. Decides whether the shell restores or adopts terminal modes.
   */
  signalStatus(): ProcessStatus {
    for (const p of this.processes) {
      if (p.status.kind === 'signaled' || p.status.kind === 'stopped') return p.status;
    }
    return this.lastStatus;
  }
}
