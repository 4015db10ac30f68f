// A simulated process: the state the rule book's section 0 asks the kernel to keep, plus the
// thread that runs it (a coroutine of system calls, or the host's own code for the shell).

import type { WaitStatus } from '../status.js';
import type { Who, ProcState } from './events.js';
import type { OpenFile } from './files.js';
import type { Tty } from './tty/tty.js';
import type { Code, SigAction, Syscall } from './types.js';

/** A system call in progress: entered, perhaps asleep, perhaps to be restarted. */
export interface Call {
  readonly req: Syscall;
  /** 'entry': (re)start from the beginning, with every check; 'sleep': woken, go on waiting. */
  phase: 'entry' | 'sleep';
  /** The wait queue the call sleeps on, if it sleeps, and what ps calls that wait. */
  queue: Set<Call> | null;
  wchan?: string;
  readonly proc: Proc;
  /** Call-specific progress (a sleep's deadline, a write's bytes done). */
  deadline?: number;
  done?: number;
  /** Host calls: how the host learns the result. */
  resolve?: (value: unknown) => void;
  /** The timer that wakes the call, if any. */
  timer?: { cancelled: boolean };
}

export interface Frame {
  readonly gen: Code<unknown>;
  /** For a signal handler: the mask to restore and what it interrupted. */
  readonly handler?: {
    readonly signal: number;
    readonly savedMask: number;
    readonly interrupted: Call | null;
    readonly savedResume: unknown;
    readonly restart: boolean;
  };
}

export interface GenThread {
  readonly kind: 'gen';
  frames: Frame[];
  call: Call | null;
  /** The value the next gen.next() sends in (the last call's result). */
  resume: unknown;
}

export interface HostThread {
  readonly kind: 'host';
  readonly calls: Set<Call>;
  /** Handlers of the host's code, by signal. */
  readonly handlers: Map<number, Set<() => void>>;
  /** Signals counted at arrival (OsPort.countSignal). */
  readonly counts: Map<number, { n: number }>;
  /** Signals a trap catches (OsPort.trapSignal): recorded at arrival, by the host's function. */
  readonly traps: Map<number, () => void>;
  /** Handled signals waiting for the host's code to run their handlers. */
  queued: number[];
  onExit: (status: WaitStatus) => void;
}

export interface FdEntry {
  readonly file: OpenFile;
  cloexec: boolean;
}

export class Proc {
  ppid: number;
  parent: Proc | null;
  pgid: number;
  sid: number;
  ctty: Tty | null = null;
  execed = false;
  comm: string;
  argv: readonly string[];
  env: readonly string[];
  cwd: string;
  state: ProcState = 'R';
  /** Reaped: gone from the table. */
  gone = false;
  /** In the middle of exit: signals no longer reach it (PF_EXITING). */
  exiting = false;
  /** Marked to die of this signal when it next runs (a fatal signal's fast path, G4.7). */
  doomed = 0;
  /** The wait channel ps shows for a sleeping process. */
  wchan = '';
  actions: (SigAction | undefined)[] = [];
  blocked = 0;
  pending = 0;
  exitStatus: WaitStatus | null = null;
  stopReport = 0;
  continuedReport = false;
  /** The signal of the last stop (for `ps` and the narrative). */
  lastStop = 0;
  children: Proc[] = [];
  /** Counts changes of children (the host's SIGCHLD edge, so no change is missed between two waits). */
  childChanges = 0;
  /** Calls sleeping until one of its children changes (waitpid, the host's child events). */
  readonly childWaiters = new Set<Call>();
  fds: (FdEntry | null)[] = [];
  oldFgPgrp: number | null = null;
  /** Whether a core-class death writes a core (RLIMIT_CORE is not 0). */
  dumpsCore: boolean;
  queued = false;
  thread: GenThread | HostThread;

  constructor(
    readonly pid: number,
    parent: Proc | null,
    init: { comm: string; argv: readonly string[]; env: readonly string[]; cwd: string; dumpsCore: boolean; thread: GenThread | HostThread },
  ) {
    this.parent = parent;
    this.ppid = parent?.pid ?? 0;
    this.pgid = parent?.pgid ?? pid;
    this.sid = parent?.sid ?? pid;
    this.comm = init.comm;
    this.argv = init.argv;
    this.env = init.env;
    this.cwd = init.cwd;
    this.dumpsCore = init.dumpsCore;
    this.thread = init.thread;
  }

  get who(): Who {
    return { pid: this.pid, pgid: this.pgid, comm: this.comm };
  }

  get alive(): boolean {
    return this.state !== 'Z' && !this.gone;
  }

  get sessionLeader(): boolean {
    return this.sid === this.pid;
  }

  action(sig: number): SigAction | undefined {
    return this.actions[sig];
  }
}

export const newGenThread = (gen: Code<unknown>): GenThread => ({ kind: 'gen', frames: [{ gen }], call: null, resume: undefined });
