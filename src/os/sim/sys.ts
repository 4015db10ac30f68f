// The C library of simulated programs: one generator per system call, used as
// `const n = yield* read(0, 4096)`. Each returns its result or a SysError (never throws), the
// way a C call returns -1 and sets errno.

import type { SysError } from './errno.js';
import type {
  Code, Disposition, FileStat, Handler, OpenOptions, ProcInfo, Reaped, SigAction, SigFlags, Syscall, TcsetWhen, Termios,
  WaitFlags, Winsize,
} from './types.js';

export { SysError, isError } from './errno.js';

function* call<T>(req: Syscall): Code<T> {
  return (yield req) as T;
}

const encoder = new TextEncoder();

export const getpid = () => call<number>({ call: 'getpid' });
export const getppid = () => call<number>({ call: 'getppid' });
export const getpgrp = () => call<number>({ call: 'getpgrp' });
export const getpgid = (pid: number) => call<number | SysError>({ call: 'getpgid', pid });
export const getsid = (pid: number) => call<number | SysError>({ call: 'getsid', pid });
export const setpgid = (pid: number, pgid: number) => call<0 | SysError>({ call: 'setpgid', pid, pgid });
export const setsid = () => call<number | SysError>({ call: 'setsid' });

/** fork(2): returns the child's pid in the parent; the child runs `child` (its return is its exit status). */
export const fork = (child: () => Code) => call<number | SysError>({ call: 'fork', child });
/** execve(2): does not return on success. A null env keeps the current environment. */
export const execve = (path: string, argv: readonly string[], env: readonly string[] | null = null) =>
  call<SysError>({ call: 'execve', path, argv, env });
/** _exit(2): never returns. */
export function* exit(status: number): Code<never> {
  yield { call: 'exit', status };
  throw new Error('exit returned');
}

export const waitpid = (pid: number, flags: WaitFlags = {}) => call<Reaped | 0 | SysError>({ call: 'waitpid', pid, flags });
export const wait = () => waitpid(-1);
export const kill = (pid: number, signal: number) => call<0 | SysError>({ call: 'kill', pid, signal });

/** sigaction(2); a null action only reads the current one. */
export const sigaction = (signal: number, action: SigAction | null) =>
  call<SigAction | SysError>({ call: 'sigaction', signal, action });
/** signal(2) with BSD semantics (SA_RESTART for handlers), as glibc's signal() has them. */
export function* signal(sig: number, handler: Disposition, flags: SigFlags = { restart: true }): Code<SigAction | SysError> {
  return yield* sigaction(sig, { handler, flags, mask: [] });
}
export const sigprocmask = (how: 'block' | 'unblock' | 'setmask', set: readonly number[] | null) =>
  call<number[]>({ call: 'sigprocmask', how, set });
export const sigpending = () => call<number[]>({ call: 'sigpending' });
export const pause = () => call<SysError>({ call: 'pause' });
/** nanosleep: 0 when the time has passed, or EINTR (the remaining time is lost, as sleep(3) reports it). */
export const sleep = (ms: number) => call<0 | SysError>({ call: 'sleep', ms });
/** Virtual time in milliseconds since boot. */
export const time = () => call<number>({ call: 'time' });

export const open = (path: string, options: OpenOptions) => call<number | SysError>({ call: 'open', path, options });
export const close = (fd: number) => call<0 | SysError>({ call: 'close', fd });
export const dup = (fd: number) => call<number | SysError>({ call: 'dup', fd });
export const dup2 = (fd: number, to: number) => call<number | SysError>({ call: 'dup2', fd, to });
export const pipe = () => call<[number, number] | SysError>({ call: 'pipe' });
/** read(2): the bytes read; an empty array is end of file. */
export const read = (fd: number, count = 4096) => call<Uint8Array | SysError>({ call: 'read', fd, count });
/** write(2): the number of bytes written. */
export const write = (fd: number, data: Uint8Array | string) =>
  call<number | SysError>({ call: 'write', fd, data: typeof data === 'string' ? encoder.encode(data) : data });
export const isatty = (fd: number) => call<boolean>({ call: 'isatty', fd });

export const tcgetpgrp = (fd: number) => call<number | SysError>({ call: 'tcgetpgrp', fd });
export const tcsetpgrp = (fd: number, pgid: number) => call<0 | SysError>({ call: 'tcsetpgrp', fd, pgid });
export const tcgetsid = (fd: number) => call<number | SysError>({ call: 'tcgetsid', fd });
export const tcgetattr = (fd: number) => call<Termios | SysError>({ call: 'tcgetattr', fd });
export const tcsetattr = (fd: number, when: TcsetWhen, termios: Termios) => call<0 | SysError>({ call: 'tcsetattr', fd, when, termios });
export const tcflush = (fd: number) => call<0 | SysError>({ call: 'tcflush', fd });
export const tiocgwinsz = (fd: number) => call<Winsize | SysError>({ call: 'tiocgwinsz', fd });
export const tiocswinsz = (fd: number, size: Winsize) => call<0 | SysError>({ call: 'tiocswinsz', fd, size });
export const tiocnotty = (fd: number) => call<0 | SysError>({ call: 'tiocnotty', fd });
export const tiocsctty = (fd: number) => call<0 | SysError>({ call: 'tiocsctty', fd });
export const ttyname = (fd: number) => call<string | SysError>({ call: 'ttyname', fd });

/** The process table, as reading /proc gives it. */
export const procs = () => call<ProcInfo[]>({ call: 'procs' });
export const getcwd = () => call<string>({ call: 'getcwd' });
export const chdir = (path: string) => call<0 | SysError>({ call: 'chdir', path });
export const stat = (path: string) => call<FileStat | SysError>({ call: 'stat', path });
/** fstat(2): what an open descriptor refers to (a regular file's size, or a pipe, terminal, device). */
export const fstat = (fd: number) => call<FileStat | SysError>({ call: 'fstat', fd });
export const readdir = (path: string) => call<string[] | SysError>({ call: 'readdir', path });
export const unlink = (path: string) => call<0 | SysError>({ call: 'unlink', path });
/** Which signals are ignored, caught and blocked (what /proc/self/status shows as SigIgn, SigCgt, SigBlk). */
export const dispositions = () => call<{ ignored: number[]; caught: number[]; blocked: number[] }>({ call: 'getdispositions' });
/** A system call the simulator does not model: always ENOSYS with its name. */
export const unknown = (name: string) => call<SysError>({ call: 'unknown', name });

export type { Code, Handler, Reaped, SigAction, Termios, WaitFlags };
