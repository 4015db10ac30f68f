// Typed loader of the native addon (native/, built by node-gyp into build/Release). The
// addon is loaded once, on first use; loading it takes the snapshot of the signals that were
// ignored when the shell started, so a port loads it as soon as it is constructed.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface NativeSpawnOptions {
  readonly path: string;
  readonly argv: readonly string[];
  /** The environment, or the same as one block of NUL-terminated strings (see envBlock). */
  readonly envp: readonly string[] | Uint8Array;
  /** Child fd i <- parent fd fds[i]; -1 leaves it closed. The child has no other fds. */
  readonly fds: readonly number[];
  readonly cwd: string;
  /** Absent or null: stay in the caller's group; 0: lead a new group; N: join group N. */
  readonly pgid?: number | null;
  /** Make the child's group the foreground group of this terminal before it execs. */
  readonly ttyfd?: number;
  /** Signals the child starts with ignored, besides those the shell inherited as ignored. */
  readonly ignore?: readonly number[];
  /** Force the fallback: a child stack mapped for this spawn, dispositions queried one by one. */
  readonly useFork?: boolean;
}

export interface NativeTermModes {
  readonly snapshot: Buffer;
  readonly tostop: boolean;
  readonly icanon: boolean;
  readonly echo: boolean;
  readonly isig: boolean;
}

/** Errors thrown by the addon carry the errno name and number. */
export interface NativeError extends Error {
  readonly code: string;
  readonly errno: number;
  readonly syscall: string;
}

export interface NativeAddon {
  spawn(opts: NativeSpawnOptions): number;
  /** execve in this process (native/exec.c); returns only by throwing, with everything put back. */
  exec(opts: NativeSpawnOptions): void;
  /** What a plain request uses; 'fork' is the clone+exec path of native/child.c. */
  spawnMethod(withTty?: boolean): 'clone';
  getpid(): number;
  getppid(): number;
  getpgrp(): number;
  setpgid(pid: number, pgid: number): void;
  kill(pid: number, signal: number): void;
  /** waitpid(pid, flags | WNOHANG): the raw status, or null when there is nothing to report. */
  waitpid(pid: number, flags: number): number | null;
  /** waitpid(pid, flags) without WNOHANG; blocks the thread, retries on EINTR. */
  waitpidBlocking(pid: number, flags: number): number;
  /** waitid(P_ALL, WNOHANG|WNOWAIT): the pid of a child with a change waiting, or 0. Collects nothing. */
  pendingChild(): number;
  setSignalAction(signal: number, action: 'ignore' | 'default'): void;
  getSignalAction(signal: number): 'ignore' | 'default' | 'handler';
  /** Signals that were SIG_IGN when the addon loaded, without SIGPIPE and SIGXFSZ. */
  inheritedIgnored(): number[];
  /** Ignores these again in the shell and keeps them ignored in every child. */
  keepIgnored(signals: readonly number[]): void;
  /** Catches a signal with a handler that only counts it (SA_RESTART); EBUSY if already counting. */
  startCounting(signal: number): void;
  /** How many times it arrived since startCounting. */
  signalCount(signal: number): number;
  /** Puts back the disposition startCounting replaced. */
  stopCounting(signal: number): void;
  /** A trap's disposition: a handler that only records and wakes, SIG_IGN, or the one before. */
  trapSignal(signal: number, how: 'catch' | 'ignore' | 'release'): void;
  /** Signals caught since the last call, one entry per arrival. */
  caughtSignals(): number[];
  /** The listener the event loop runs after caught signals arrive. */
  onCaught(listener: () => void): void;
  isatty(fd: number): boolean;
  tcgetpgrp(fd: number): number;
  /** tcsetpgrp with SIGTTOU, SIGTTIN and SIGTSTP blocked around it. */
  tcsetpgrp(fd: number, pgid: number): void;
  tcgetattr(fd: number): NativeTermModes;
  /** tcsetattr(fd, TCSADRAIN, snapshot), retried on EINTR. */
  tcsetattr(fd: number, snapshot: Uint8Array): void;
  /** TIOCSWINSZ on a pty master: the terminal's size in cells. */
  setWindowSize(fd: number, cols: number, rows: number): void;
  /** Sets FD_CLOEXEC on an fd inherited without it. */
  closeOnExec(fd: number): void;
  /** pipe2(O_CLOEXEC): [read end, write end]. */
  pipe(): [number, number];
  /** memfd_create(MFD_CLOEXEC) holding bytes, offset rewound to 0. */
  memfd(bytes: Uint8Array): number;
  /**
   * Calls back once, on the event loop, when fd is ready to read or write (or hung up); no
   * thread waits meanwhile. 0, and no call, for an fd that is always ready (a regular file).
   */
  watchFd(fd: number, direction: 'read' | 'write', callback: () => void): number;
  /** Calls a watch off: true when it was still waiting (its callback will not run). */
  unwatchFd(id: number): boolean;
  /**
   * One read(2) that never blocks (RWF_NOWAIT): the bytes, null at end of file, 'wait' when
   * there is nothing yet, 'blocking' when this fd cannot be read so (a terminal).
   */
  readNow(fd: number, max: number): Uint8Array | null | 'wait' | 'blocking';
  /**
   * One write(2) to a pipe or a socket that never blocks (RWF_NOWAIT): how many bytes it
   * took, 'wait' when it is full; 'blocking' for anything else (a terminal, a file).
   */
  writeSome(fd: number, bytes: Uint8Array): number | 'wait' | 'blocking';
  strerror(errno: number): string;
  /** write(2) of all of bytes now if fd is a regular file or a device but a terminal; else false. */
  writeNow(fd: number, bytes: Uint8Array): boolean;
  /**
   * Up to and including the delimiter, at most max bytes, nothing after, without blocking:
   * the record from a seekable fd (sought back) or one that had it all; else the bytes so far
   * and whether to wait for more or read the rest with readRecordBlocking once ready.
   */
  readRecord(fd: number, delimiter: number, max: number): Uint8Array | { bytes: Uint8Array; next: 'wait' | 'blocking' };
  /** The same a byte at a time through the thread pool (for a terminal, once it is ready). */
  readRecordBlocking(fd: number, delimiter: number, max: number): Promise<Uint8Array>;
  readonly WNOHANG: number;
  readonly WUNTRACED: number;
  readonly WCONTINUED: number;
}

let root: string | undefined;

/** The package's root folder (where package.json is), from src/ and from dist/ alike. */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'jcsh') {
      root = dir;
      return dir;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('jcsh: cannot find the package root above ' + import.meta.url);
    dir = up;
  }
}

/** Files the Linux back end runs or loads, all relative to the package root. */
export function packagePaths() {
  const top = packageRoot();
  return {
    addon: join(top, 'build', 'Release', 'jcsh_native.node'),
    emit: join(top, 'build', 'Release', 'jcsh-emit'),
    gate: join(top, 'build', 'Release', 'jcsh-gate'),
    shell: join(top, 'bin', 'jcsh.js'),
  };
}

let addon: NativeAddon | undefined;

export function loadNative(): NativeAddon {
  if (addon === undefined) {
    const require = createRequire(import.meta.url);
    addon = require(packagePaths().addon) as NativeAddon;
  }
  return addon;
}
