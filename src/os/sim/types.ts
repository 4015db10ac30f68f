// The shapes that cross between simulated programs and the simulated kernel: system call
// requests, signal actions, terminal attributes, and what `ps` sees of a process.

import type { WaitStatus } from '../status.js';

/** A simulated program, or the body of a forked child or a signal handler: a coroutine whose yields are system calls. */
export type Code<T = number | void> = Generator<Syscall, T, unknown>;

/** What exec runs: argv and environment in, exit status out (returning is exit(status)). */
export type Program = (argv: readonly string[], env: readonly string[]) => Code;

export interface SigFlags {
  /** SA_RESTART: a call interrupted by the handler starts again instead of failing with EINTR. */
  readonly restart?: boolean;
  /** SA_RESETHAND: the disposition goes back to SIG_DFL when the handler is entered. */
  readonly resetHand?: boolean;
  /** SA_NOCLDSTOP: no SIGCHLD for children that stop or continue. */
  readonly noCldStop?: boolean;
  /** SA_NOCLDWAIT: children that exit are released at once (no zombie). */
  readonly noCldWait?: boolean;
}

export type Handler = (signal: number) => Code<void>;

export type Disposition = 'default' | 'ignore' | Handler;

export interface SigAction {
  readonly handler: Disposition;
  readonly flags: SigFlags;
  /** Signals blocked while the handler runs (the signal itself is always added). */
  readonly mask: readonly number[];
}

export interface WaitFlags {
  readonly nohang?: boolean;
  readonly untraced?: boolean;
  readonly continued?: boolean;
}

/** A child's change collected by waitpid. */
export interface Reaped {
  readonly pid: number;
  readonly status: WaitStatus;
  /** The 16-bit status word as Linux's wait(2) fills it (rule W5.6). */
  readonly raw: number;
}

/** The local-mode flags and special characters of termios that the driver implements. */
export interface Termios {
  readonly isig: boolean;
  readonly icanon: boolean;
  readonly echo: boolean;
  readonly echoe: boolean;
  readonly echok: boolean;
  readonly echoctl: boolean;
  readonly noflsh: boolean;
  readonly tostop: boolean;
  /** Output: turn \n into \r\n (OPOST|ONLCR). */
  readonly onlcr: boolean;
  /** Input: turn \r into \n (ICRNL). */
  readonly icrnl: boolean;
  readonly cc: {
    readonly intr: number;
    readonly quit: number;
    readonly susp: number;
    readonly eof: number;
    readonly erase: number;
    readonly kill: number;
    readonly werase: number;
    /** Non-canonical reads: minimum bytes and timeout in tenths of a second. */
    readonly min: number;
    readonly time: number;
  };
}

export type TcsetWhen = 'now' | 'drain' | 'flush';

export type OpenFlags = 'read' | 'write' | 'append' | 'readwrite' | 'create' | 'truncate';

export interface OpenOptions {
  readonly read?: boolean;
  readonly write?: boolean;
  readonly append?: boolean;
  readonly create?: boolean;
  readonly truncate?: boolean;
  readonly nonblock?: boolean;
  readonly noctty?: boolean;
}

/** One row of the process table, as /proc shows it to ps. */
export interface ProcInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly pgid: number;
  readonly sid: number;
  /** Name of the controlling terminal (e.g. 'pts/0'), or null. */
  readonly tty: string | null;
  /** The foreground group of the controlling terminal, or -1. */
  readonly tpgid: number;
  /** R S T Z, as the state letter of ps. */
  readonly state: 'R' | 'S' | 'T' | 'Z';
  readonly sessionLeader: boolean;
  readonly comm: string;
  readonly argv: readonly string[];
  /** What a sleeping process waits for (ps's WCHAN): 'tty_read', 'pipe_read', 'wait', 'sleep', ... */
  readonly wchan: string;
}

export interface Winsize {
  readonly rows: number;
  readonly cols: number;
}

/** System call requests. Each has a name (`call`) and its arguments. */
export type Syscall =
  | { readonly call: 'getpid' }
  | { readonly call: 'getppid' }
  | { readonly call: 'getpgrp' }
  | { readonly call: 'getpgid'; readonly pid: number }
  | { readonly call: 'getsid'; readonly pid: number }
  | { readonly call: 'setpgid'; readonly pid: number; readonly pgid: number }
  | { readonly call: 'setsid' }
  | { readonly call: 'fork'; readonly child: () => Code }
  | { readonly call: 'execve'; readonly path: string; readonly argv: readonly string[]; readonly env: readonly string[] | null }
  | { readonly call: 'exit'; readonly status: number }
  | { readonly call: 'waitpid'; readonly pid: number; readonly flags: WaitFlags }
  | { readonly call: 'kill'; readonly pid: number; readonly signal: number }
  | { readonly call: 'sigaction'; readonly signal: number; readonly action: SigAction | null }
  | { readonly call: 'sigprocmask'; readonly how: 'block' | 'unblock' | 'setmask'; readonly set: readonly number[] | null }
  | { readonly call: 'sigpending' }
  | { readonly call: 'pause' }
  | { readonly call: 'sleep'; readonly ms: number }
  | { readonly call: 'time' }
  | { readonly call: 'open'; readonly path: string; readonly options: OpenOptions }
  | { readonly call: 'close'; readonly fd: number }
  | { readonly call: 'dup'; readonly fd: number }
  | { readonly call: 'dup2'; readonly fd: number; readonly to: number }
  | { readonly call: 'pipe' }
  | { readonly call: 'read'; readonly fd: number; readonly count: number }
  | { readonly call: 'write'; readonly fd: number; readonly data: Uint8Array }
  | { readonly call: 'isatty'; readonly fd: number }
  | { readonly call: 'tcgetpgrp'; readonly fd: number }
  | { readonly call: 'tcsetpgrp'; readonly fd: number; readonly pgid: number }
  | { readonly call: 'tcgetsid'; readonly fd: number }
  | { readonly call: 'tcgetattr'; readonly fd: number }
  | { readonly call: 'tcsetattr'; readonly fd: number; readonly when: TcsetWhen; readonly termios: Termios }
  | { readonly call: 'tcflush'; readonly fd: number }
  | { readonly call: 'tiocgwinsz'; readonly fd: number }
  | { readonly call: 'tiocswinsz'; readonly fd: number; readonly size: Winsize }
  | { readonly call: 'tiocnotty'; readonly fd: number }
  | { readonly call: 'tiocsctty'; readonly fd: number }
  | { readonly call: 'ttyname'; readonly fd: number }
  | { readonly call: 'procs' }
  | { readonly call: 'getcwd' }
  | { readonly call: 'chdir'; readonly path: string }
  | { readonly call: 'stat'; readonly path: string }
  | { readonly call: 'fstat'; readonly fd: number }
  | { readonly call: 'readdir'; readonly path: string }
  | { readonly call: 'unlink'; readonly path: string }
  | { readonly call: 'getdispositions' }
  | { readonly call: 'unknown'; readonly name: string }
  /** Host processes only: sleeps until one of the caller's children changes (the shell's SIGCHLD). */
  | { readonly call: 'childevent'; readonly seen: number };

export type CallName = Syscall['call'];

export interface FileStat {
  readonly type: 'file' | 'directory' | 'program' | 'device' | 'fifo';
  readonly size: number;
  readonly executable: boolean;
}
