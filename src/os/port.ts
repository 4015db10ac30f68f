// The OS interface: everything the shell core asks of a kernel. It is syscall-shaped and named
// after POSIX so that the real Linux back end (src/os/linux) and the simulated kernel
// (src/os/sim) can both implement it, and src/core never learns which one it talks to.
//
// Conventions:
// - Paths handed to the port are absolute; the shell keeps its own logical cwd.
// - Failures throw OsError carrying the errno name (ENOENT, EACCES, ...), never a raw number.
// - Calls that may block are async. Everything else is synchronous and immediate.

import type { WaitStatus } from './status.js';

export type { WaitStatus } from './status.js';

export class OsError extends Error {
  constructor(
    /** errno name, e.g. 'ENOENT'. */
    readonly code: string,
    /** strerror() text, e.g. 'No such file or directory'. */
    readonly reason: string,
    /** The call that failed, for internal diagnostics only. */
    readonly syscall: string,
  ) {
    super(`${syscall}: ${reason}`);
    this.name = 'OsError';
  }
}

/** What runs in a spawned process. */
export type Program =
  /** execve(path, argv, env). `path` has already been resolved through PATH. */
  | { readonly kind: 'exec'; readonly path: string; readonly argv: readonly string[]; readonly env: readonly string[] }
  /**
   * A process that writes the given bytes to its fds 1 and 2, in order, then exits with
   * `status`. This is how a builtin runs as a real member of a job (in a pipeline or in the
   * background): the shell computes the builtin's output on a copy of its state, and this
   * process delivers it, so the kernel applies SIGTTOU, SIGPIPE and process-group rules to it.
   */
  | { readonly kind: 'emit'; readonly chunks: readonly OutputChunk[]; readonly status: number }
  /**
   * A copy of the shell itself running `source` non-interactively with the given state (a
   * subshell: `a && b &`). The state holds every variable, exported or not: the kernel hands
   * it over privately (never in argv or the environment, which other users can read).
   * Kernels that cannot run the shell as a process may refuse (ENOSYS).
   */
  | { readonly kind: 'subshell'; readonly source: string; readonly state: string; readonly env: readonly string[] };

export interface OutputChunk {
  readonly fd: 1 | 2;
  readonly data: Uint8Array;
}

/** Which process group a new process goes into. */
export type GroupPolicy =
  /** Stay in the shell's group (no job control). */
  | { readonly kind: 'inherit' }
  /** Lead a new group whose pgid is the new pid (first stage of a job). */
  | { readonly kind: 'lead' }
  /** Join an existing group (later stages of a job). */
  | { readonly kind: 'join'; readonly pgid: number };

export interface SpawnRequest {
  readonly program: Program;
  /**
   * The child's file descriptors: child fd i becomes a duplicate of the shell's fd `fds[i]`;
   * -1 leaves child fd i closed. Every other fd is closed in the child.
   */
  readonly fds: readonly number[];
  /** Absolute working directory of the child. */
  readonly cwd: string;
  readonly group: GroupPolicy;
  /**
   * Make the child's group the terminal's foreground group before it execs (tcsetpgrp in the
   * child, as bash does, so that it never runs a moment in the background). The fd is the
   * terminal fd returned by openTerminal().
   */
  readonly foregroundOn?: number;
  /**
   * Signals the child starts with ignored (on top of inheritedIgnored), whatever the shell
   * does with them itself: SIGINT and SIGQUIT for a background command without job control
   * (POSIX 2.9.3.1).
   */
  readonly ignoreSignals?: readonly number[];
  /**
   * A barrier: the read end of a pipe. The child is created (and joins its group, and takes
   * the terminal) at once, but runs its program only when that pipe reaches end of file, that
   * is when the shell has closed the write end. The first stage of a pipeline waits this way
   * until every stage is in the group, so a signal to the group always reaches the whole job.
   */
  readonly holdUntil?: number;
}

/** What replaces the shell's own process (the `exec` builtin). */
export interface ExecRequest {
  /** Already resolved through PATH. */
  readonly path: string;
  readonly argv: readonly string[];
  readonly env: readonly string[];
  /** The process's fds after the exec: fd i is a duplicate of the shell's fd `fds[i]`; -1 closed. */
  readonly fds: readonly number[];
  /** Absolute working directory. */
  readonly cwd: string;
}

export interface WaitOptions {
  /** Report stops (WUNTRACED). */
  readonly untraced: boolean;
  /** Report continues (WCONTINUED). */
  readonly continued: boolean;
}

/** Opaque terminal modes plus the flags the shell cares about. */
export interface TermModes {
  /** Kernel-specific snapshot; hand it back to tcsetattr unchanged. */
  readonly snapshot: Uint8Array;
  readonly tostop: boolean;
  readonly icanon: boolean;
  readonly echo: boolean;
  readonly isig: boolean;
}

export type OpenMode = 'read' | 'write' | 'append' | 'readwrite';

export interface FileInfo {
  readonly type: 'file' | 'directory' | 'other';
  /** Permission bits checked for the caller: can it execute / read the file? */
  readonly executable: boolean;
}

/** What `test` asks of a path (lstat/stat and access(2)). */
export interface FileDetails {
  readonly type: 'file' | 'directory' | 'symlink' | 'fifo' | 'socket' | 'block' | 'char';
  readonly size: number;
  readonly readable: boolean;
  readonly writable: boolean;
  readonly executable: boolean;
  /** Seconds since the epoch, for -nt and -ot. */
  readonly mtime: number;
  /** Device and inode, for -ef. */
  readonly identity: string;
  readonly setuid: boolean;
  readonly setgid: boolean;
  readonly sticky: boolean;
  readonly owned: boolean;
  readonly groupOwned: boolean;
}

/** CPU time in seconds, the process's and its waited-for children's (times(2)). */
export interface CpuTimes {
  readonly user: number;
  readonly system: number;
  readonly childUser: number;
  readonly childSystem: number;
}

export type SignalAction = 'default' | 'ignore';

/**
 * What a trap does to a signal of the shell (XCU 2.14 trap): 'catch' records each arrival
 * for caughtSignals(), 'ignore' ignores it, 'release' puts back the disposition the shell had
 * before the first trap on it (the host's own: default, ignored, or one of its handlers).
 */
export type TrapHow = 'catch' | 'ignore' | 'release';

/** A signal being counted (OsPort.countSignal). */
export interface SignalCount {
  /** Arrivals since counting began. */
  count(): number;
  /** Puts back the disposition the counting replaced; later calls do nothing. */
  stop(): void;
}

export interface OsPort {
  /** Capabilities of this kernel. */
  readonly features: {
    /** waitpidBlocking is available (real kernel only, and only when nothing else must run). */
    readonly blockingWait: boolean;
  };

  // --- processes ---------------------------------------------------------------------------
  getpid(): number;
  getppid(): number;
  getpgrp(): number;
  setpgid(pid: number, pgid: number): void;
  /**
   * Starts a process. Children always start with every signal at its default action (except
   * those the shell inherited as ignored, see inheritedIgnored, and the request's
   * ignoreSignals, which start ignored even if the shell catches them), an empty signal
   * mask and exactly the fds of the request. Throws OsError (ENOENT, EACCES, ENOEXEC, E2BIG, ...).
   */
  spawn(req: SpawnRequest): number;
  /**
   * execve(2) in the shell's own process: the same pid runs the program, which starts as a
   * spawned child would (signals at their defaults but the inherited-ignored ones, an empty
   * mask, exactly the request's fds). Returns only by throwing OsError (ENOENT, EACCES,
   * ENOEXEC, ...), the process then as it was; ENOSYS from a kernel that cannot replace the
   * process of the shell.
   */
  execve(req: ExecRequest): never;
  /** kill(2): pid > 0 a process, pid < -1 a group. Signal 0 only checks. */
  kill(pid: number, signal: number): void;
  /** Non-blocking waitpid(pid, WNOHANG|...): one pending change of that child, or null. */
  waitpid(pid: number, options: WaitOptions): WaitStatus | null;
  /** Blocking waitpid(pid, ...); only when features.blockingWait. */
  waitpidBlocking(pid: number, options: WaitOptions): WaitStatus;
  /**
   * The pid of a child with a change (exit, stop, continue) that waitpid would report, without
   * collecting it; 0 when no child has one. Lets the shell poll the one child that changed
   * instead of each of a thousand live jobs. The pid may be none of the shell's (a host's own
   * child), and the same one comes back until waitpid collects its change.
   */
  pendingChild(): number;
  /**
   * Resolves at the next child status change (SIGCHLD). While a call is pending the host
   * stays alive. Several changes may be behind one resolution: poll every child.
   */
  childEvent(): Promise<void>;
  /**
   * Resolves once every signal already delivered to the shell has run its onSignal handler. A
   * host may run handlers late (Node runs them on a later turn of its event loop), while the
   * shell learns of a child's end at once from waitpid: a ^C that came before the job ended
   * must be seen before the shell decides whether the job was interrupted.
   */
  signalsDelivered(): Promise<void>;

  // --- signals of the shell itself ----------------------------------------------------------
  /** Sets the shell's own disposition (SIG_DFL / SIG_IGN) for a signal. */
  setSignalAction(signal: number, action: SignalAction): void;
  /** Catches a signal in the shell; returns a function that stops catching it. */
  onSignal(signal: number, handler: () => void): () => void;
  /** Signals that were ignored when the shell started (they stay ignored in children). */
  inheritedIgnored(): ReadonlySet<number>;
  /**
   * Catches a signal by only counting its arrivals, until stop(). Unlike an onSignal handler
   * (which may run only after a blocking call returns) the count is current at once, and a
   * blocking waitpid goes on through the signal. One count per signal at a time.
   */
  countSignal(signal: number): SignalCount;
  /** Sets or releases a trap's disposition of a signal (not KILL or STOP: EINVAL). */
  trapSignal(signal: number, how: TrapHow): void;
  /**
   * The signals caught by traps since the last call, one entry per arrival, lowest first.
   * Current at once, like countSignal: the shell reads it at every safe point, so without an
   * arrival it must cost no system call.
   */
  caughtSignals(): number[];
  /**
   * Sets the one listener called, on a later turn of the event loop, after caught signals
   * arrive: the wake-up of a shell asleep in `wait` or at a prompt. It keeps nothing alive.
   */
  onCaught(listener: () => void): void;

  // --- the terminal -------------------------------------------------------------------------
  /**
   * Opens the controlling terminal anew (a blocking file description of its own, separate
   * from the host's fds 0-2), or returns null when there is none.
   */
  openTerminal(): number | null;
  isatty(fd: number): boolean;
  tcgetpgrp(fd: number): number;
  tcsetpgrp(fd: number, pgid: number): void;
  tcgetattr(fd: number): TermModes;
  tcsetattr(fd: number, modes: TermModes): void;

  // --- files ----------------------------------------------------------------------------------
  open(path: string, mode: OpenMode): number;
  close(fd: number): void;
  /** pipe(2): [read end, write end], both close-on-exec in the shell. */
  pipe(): [number, number];
  /** Writes all of data (blocking writes happen off the main thread). */
  write(fd: number, data: string | Uint8Array): Promise<void>;
  /**
   * Writes all of data at once when the write cannot be held up: into a regular file or a
   * device that is not a terminal (/dev/null), or into a pipe that has room for it now (a
   * kernel may say no to any pipe). False, having written nothing, otherwise (a full pipe, a
   * terminal, a socket), which write() is for. A loop of `echo … >>log` or `echo … | cat`
   * then costs a write(2) a line, as in bash, rather than a trip through another thread.
   */
  writeNow(fd: number, data: string | Uint8Array): boolean;
  /**
   * Reads up to the next chunk (at most `max` bytes when given); null at end of file. An
   * abort of `cancel` while it waits for input rejects with OsError EINTR.
   */
  read(fd: number, max?: number, cancel?: AbortSignal): Promise<Uint8Array | null>;
  /**
   * Reads up to and including the byte `delimiter`, at most `max` bytes, and nothing after
   * them: what follows is left for the next reader (`read` takes one line of a file that the
   * rest of the script reads). Empty at end of input. A plain value when nothing had to wait
   * (a regular file always), so that a loop reading a file stays synchronous. An abort of
   * `cancel` while it waits rejects with OsError EINTR if no byte came yet, else gives the
   * bytes so far, as read(2) does when a signal interrupts it.
   */
  readRecord(fd: number, delimiter: number, max: number, cancel?: AbortSignal): Uint8Array | Promise<Uint8Array>;
  /** True when fd is an open descriptor of the shell. */
  isOpen(fd: number): boolean;

  // --- the file system ------------------------------------------------------------------------
  stat(path: string): FileInfo | null;
  /** Everything `test` asks of a path; `follow` false looks at a symbolic link itself. */
  inspect(path: string, follow: boolean): FileDetails | null;
  /** umask(2): sets the mask when given; returns the mask before. */
  umask(mask?: number): number;
  /** times(2), in seconds. */
  times(): CpuTimes;
  readdir(path: string): string[];
  readFile(path: string): string;
  writeFile(path: string, data: string, append: boolean): void;
  /** Home directory of a user, or null if there is no such user. */
  homeOf(user: string): string | null;
  /** Canonical absolute path (symlinks resolved). */
  realpath(path: string): string;
  /** Moves the process's own cwd (for hosts that care); the shell keeps its logical cwd itself. */
  chdir(path: string): void;

  // --- the shell's own lifetime ---------------------------------------------------------------
  /** The initial environment, as NAME=value strings. */
  environ(): readonly string[];
  hostname(): string;
  username(): string;
  getuid(): number;
  exit(status: number): never;
}
