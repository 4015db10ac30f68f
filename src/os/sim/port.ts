// SimPort: the OS interface for a process of the simulated kernel whose code is the host's own
// (the shell core). Synchronous calls run at once in the kernel; calls that may sleep are
// promises the kernel settles when they finish. The shell cannot tell this kernel from Linux.

import type {
  CpuTimes, FileDetails, FileInfo, OpenMode, OsPort, SignalAction, SignalCount, SpawnRequest, TermModes, TrapHow, WaitOptions, WaitStatus,
} from '../port.js';
import { OsError } from '../port.js';
import { exited } from '../status.js';
import { SysError } from './errno.js';
import { doExit } from './exit.js';
import { allocFd, closeFd, fileAt } from './files.js';
import { setpgid } from './groups.js';
import type { Kernel } from './kernel.js';
import { normalize } from './memfs.js';
import { BLOCK, RESTART } from './outcome.js';
import type { Call, Proc } from './process.js';
import { hostCall } from './run.js';
import { deliverHost } from './signal.js';
import { spawnFor, type SubshellRunner } from './spawn.js';
import { signalCalls, kill } from './syscalls/signals.js';
import { openPath } from './syscalls/io.js';
import { ttyCalls } from './syscalls/tty.js';
import { decodeTermios, encodeTermios } from './tty/termios.js';
import type { Syscall, Termios } from './types.js';
import { lookForChild } from './wait.js';
import { readRecordBytewise, readRecordNow } from '../record.js';

/** Thrown by a synchronous call of a process that no longer exists: its code goes no further. */
export class ProcessGone extends Error {
  constructor(readonly pid: number) {
    super(`process ${pid} has exited`);
  }
}

export interface SimPortOptions {
  readonly hostname: string;
  readonly username: string;
  readonly uid: number;
  readonly home: string;
  /** Signals the process started with ignored (they stay ignored in children). */
  readonly inheritedIgnored?: ReadonlySet<number>;
  readonly subshell?: SubshellRunner;
}

/** A catch-all handler marker: the disposition is "caught", the host's code does the work. */
function* hostHandler(): Generator<never, void, unknown> {}

const never = new Promise<never>(() => {});
const SIGCHLD = 17;

export class SimPort implements OsPort {
  readonly features = { blockingWait: false } as const;
  private seenChanges = 0;
  private readonly ignoredAtStart: ReadonlySet<number>;
  /** The disposition each trapped signal had before its first trap. */
  private readonly beforeTrap = new Map<number, Proc['actions'][number]>();
  private caught: number[] = [];
  private caughtListener: (() => void) | undefined;
  private wakePending = false;

  constructor(
    readonly kernel: Kernel,
    readonly proc: Proc,
    private readonly o: SimPortOptions,
  ) {
    this.ignoredAtStart = o.inheritedIgnored ?? new Set();
    // Like Node (libuv) on Linux, the shell catches SIGCHLD: it learns of child changes through it.
    proc.actions[SIGCHLD] = { handler: hostHandler, flags: { restart: true }, mask: [] };
  }

  private get k(): Kernel {
    return this.kernel;
  }

  /** Runs a call that never sleeps; SysError becomes OsError. */
  private sync<T>(req: Syscall): T {
    const p = this.live();
    const call: Call = { req, phase: 'entry', queue: null, proc: p };
    const r = this.k.execute(call);
    if (r === BLOCK || r === RESTART) {
      // Only a terminal call from the background of a shell that does not ignore SIGTTOU gets here.
      deliverHost(this.k, p);
      throw new OsError('EINTR', 'Interrupted system call', req.call);
    }
    return unwrap(r as T | SysError);
  }

  /**
   * Starts a call that may sleep. An abort of `cancel` before it finished takes it back, as a
   * signal interrupts a sleeping call: it gives EINTR, having done nothing.
   */
  private async(req: Syscall, cancel?: AbortSignal): Promise<unknown> {
    if (!this.proc.alive) return never;
    return new Promise((resolve) => {
      const call: Call = { req, phase: 'entry', queue: null, proc: this.proc, resolve };
      hostCall(this.k, this.proc, call);
      if (!cancel) return;
      const onAbort = (): void => {
        if (this.takeBack(call)) resolve(new SysError('EINTR', req.call));
      };
      if (cancel.aborted) return onAbort();
      cancel.addEventListener('abort', onAbort, { once: true });
      call.resolve = (r) => {
        cancel.removeEventListener('abort', onAbort);
        resolve(r);
      };
    });
  }

  /** Withdraws a call that has not finished; false when it has. */
  private takeBack(call: Call): boolean {
    const p = this.proc;
    if (p.thread.kind !== 'host' || !p.thread.calls.delete(call)) return false;
    this.k.unqueue(call);
    this.k.makeRunnable(p);
    return true;
  }

  private live(): Proc {
    if (!this.proc.alive) throw new ProcessGone(this.proc.pid);
    return this.proc;
  }

  // --- processes ---------------------------------------------------------------------------
  getpid(): number { return this.live().pid; }
  getppid(): number { return this.live().ppid; }
  getpgrp(): number { return this.live().pgid; }
  setpgid(pid: number, pgid: number): void { unwrap(setpgid(this.k, this.live(), pid, pgid)); }
  spawn(req: SpawnRequest): number { return unwrap(spawnFor(this.k, this.live(), req, this.ignoredAtStart, this.o.subshell)); }
  kill(pid: number, signal: number): void {
    unwrap(kill(this.k, this.live(), pid, signal));
    // A signal a process sends itself is taken before kill() returns.
    if (this.proc.alive) deliverHost(this.k, this.proc);
    this.live();
  }

  waitpid(pid: number, options: WaitOptions): WaitStatus | null {
    const r = unwrap(lookForChild(this.k, this.live(), pid, { nohang: true, untraced: options.untraced, continued: options.continued }));
    return r === 0 ? null : r.status;
  }

  waitpidBlocking(): WaitStatus {
    throw new OsError('ENOSYS', 'Function not implemented', 'waitpid');
  }

  pendingChild(): number {
    const r = lookForChild(this.k, this.live(), -1, { untraced: true, continued: true }, false);
    return r instanceof SysError || r === 0 ? 0 : r.pid;
  }

  async childEvent(): Promise<void> {
    const p = this.proc;
    if (!p.alive) return never;
    this.seenChanges = (await this.async({ call: 'childevent', seen: this.seenChanges })) as number;
  }

  signalsDelivered(): Promise<void> {
    this.k.schedule();
    return new Promise((resolve) => setImmediate(resolve));
  }

  // --- signals of the shell itself ----------------------------------------------------------
  setSignalAction(signal: number, action: SignalAction): void {
    const p = this.live();
    if (p.thread.kind === 'host') p.thread.handlers.delete(signal);
    unwrap(signalCalls.sigaction(this.k, { req: { call: 'getpid' }, phase: 'entry', queue: null, proc: p }, {
      call: 'sigaction', signal, action: { handler: action, flags: {}, mask: [] },
    }));
  }

  onSignal(signal: number, handler: () => void): () => void {
    const p = this.live();
    if (p.thread.kind !== 'host') throw new OsError('EINVAL', 'Invalid argument', 'sigaction');
    const handlers = p.thread.handlers;
    let set = handlers.get(signal);
    const before = p.action(signal)?.handler === 'ignore' ? 'ignore' : 'default';
    if (!set) handlers.set(signal, (set = new Set()));
    set.add(handler);
    p.actions[signal] = { handler: hostHandler, flags: { restart: true }, mask: [] };
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      set.delete(handler);
      if (set.size === 0 && p.alive) {
        handlers.delete(signal);
        this.setSignalAction(signal, before);
      }
    };
  }

  inheritedIgnored(): ReadonlySet<number> {
    return this.ignoredAtStart;
  }

  countSignal(signal: number): SignalCount {
    const p = this.live();
    if (p.thread.kind !== 'host') throw new OsError('EINVAL', 'Invalid argument', 'sigaction');
    const counts = p.thread.counts;
    const before = p.action(signal);
    const count = { n: 0 };
    counts.set(signal, count);
    p.actions[signal] = { handler: hostHandler, flags: { restart: true }, mask: [] };
    let active = true;
    return {
      count: () => count.n,
      stop: () => {
        if (!active) return;
        active = false;
        counts.delete(signal);
        p.actions[signal] = before;
      },
    };
  }

  trapSignal(signal: number, how: TrapHow): void {
    const p = this.live();
    if (p.thread.kind !== 'host' || signal < 1 || signal > 31 || signal === 9 || signal === 19) {
      throw new OsError('EINVAL', 'Invalid argument', 'sigaction');
    }
    if (how === 'release') {
      if (!this.beforeTrap.has(signal)) return;
      p.thread.traps.delete(signal);
      p.actions[signal] = this.beforeTrap.get(signal);
      this.beforeTrap.delete(signal);
      return;
    }
    if (!this.beforeTrap.has(signal)) this.beforeTrap.set(signal, p.action(signal));
    if (how === 'ignore') {
      p.thread.traps.delete(signal);
      p.actions[signal] = { handler: 'ignore', flags: {}, mask: [] };
      return;
    }
    p.thread.traps.set(signal, () => this.recordCaught(signal));
    p.actions[signal] = { handler: hostHandler, flags: { restart: true }, mask: [] };
  }

  /** At arrival, like the addon's handler: recorded at once, and the listener woken once. */
  private recordCaught(signal: number): void {
    this.caught.push(signal);
    if (this.wakePending) return;
    this.wakePending = true;
    setImmediate(() => {
      this.wakePending = false;
      this.caughtListener?.();
    });
  }

  caughtSignals(): number[] {
    return this.caught.length === 0 ? [] : this.caught.splice(0).sort((a, b) => a - b);
  }

  onCaught(listener: () => void): void {
    this.caughtListener = listener;
  }

  // --- the terminal -------------------------------------------------------------------------
  openTerminal(): number | null {
    const p = this.live();
    if (!p.ctty) return null;
    const f = openPath(this.k, p, '/dev/tty', { read: true, write: true });
    if (f instanceof SysError) return null;
    const fd = unwrap(allocFd(p, f, 10));
    p.fds[fd]!.cloexec = true;
    return fd;
  }

  isatty(fd: number): boolean { return fileAt(this.live(), fd)?.tty !== undefined; }
  tcgetpgrp(fd: number): number { return this.sync<number>({ call: 'tcgetpgrp', fd }); }
  tcsetpgrp(fd: number, pgid: number): void { this.sync({ call: 'tcsetpgrp', fd, pgid }); }

  tcgetattr(fd: number): TermModes {
    const t = unwrap(ttyCalls.tcgetattr(this.k, this.callOf({ call: 'tcgetattr', fd }), { fd }) as Termios | SysError);
    return { snapshot: encodeTermios(t), tostop: t.tostop, icanon: t.icanon, echo: t.echo, isig: t.isig };
  }

  tcsetattr(fd: number, modes: TermModes): void {
    const termios = decodeTermios(modes.snapshot);
    if (!termios) throw new OsError('EINVAL', 'Invalid argument', 'tcsetattr');
    this.sync({ call: 'tcsetattr', fd, when: 'drain', termios });
  }

  private callOf(req: Syscall): Call {
    return { req, phase: 'entry', queue: null, proc: this.live() };
  }

  // --- files ----------------------------------------------------------------------------------
  open(path: string, mode: OpenMode): number {
    const p = this.live();
    const options = {
      read: mode === 'read' || mode === 'readwrite', write: mode !== 'read', append: mode === 'append',
      create: mode !== 'read', truncate: mode === 'write',
    };
    const f = unwrap(openPath(this.k, p, path, options));
    return unwrap(allocFd(p, f, 3));
  }

  close(fd: number): void { unwrap(closeFd(this.k, this.live(), fd)); }

  pipe(): [number, number] {
    const p = this.live();
    const fds = this.sync<[number, number]>({ call: 'pipe' });
    for (const fd of fds) p.fds[fd]!.cloexec = true;
    return fds;
  }

  /** Every write of the simulated kernel takes its turn on the virtual clock. */
  writeNow(): boolean {
    return false;
  }

  async write(fd: number, data: string | Uint8Array): Promise<void> {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    if (bytes.length === 0) return;
    const r = await this.async({ call: 'write', fd, data: bytes });
    unwrap(r as number | SysError);
  }

  /** A regular file never makes its reader wait: its record is read at once. */
  readRecord(fd: number, delimiter: number, max: number, cancel?: AbortSignal): Uint8Array | Promise<Uint8Array> {
    if (fileAt(this.live(), fd)?.ops.kind === 'file') return readRecordNow((count) => this.readNow(fd, count), delimiter, max);
    return readRecordBytewise(this, fd, delimiter, max, cancel);
  }

  private readNow(fd: number, count: number): Uint8Array | null {
    const r = this.sync<Uint8Array>({ call: 'read', fd, count });
    return r.length === 0 ? null : r;
  }

  async read(fd: number, max = 65536, cancel?: AbortSignal): Promise<Uint8Array | null> {
    const r = unwrap((await this.async({ call: 'read', fd, count: max }, cancel)) as Uint8Array | SysError);
    return r.length === 0 ? null : r;
  }

  isOpen(fd: number): boolean { return this.proc.alive && fileAt(this.proc, fd) !== null; }

  // --- the file system ------------------------------------------------------------------------
  stat(path: string): FileInfo | null {
    const st = this.k.fs.stat(normalize(path));
    if (!st) return null;
    return { type: st.type === 'directory' ? 'directory' : st.type === 'device' || st.type === 'fifo' ? 'other' : 'file', executable: st.executable };
  }

  inspect(path: string, _follow: boolean): FileDetails | null {
    const st = this.k.fs.stat(normalize(path));
    if (!st) return null;
    const type = st.type === 'directory' ? 'directory' : st.type === 'device' ? 'char' : 'file';
    return {
      type, size: st.size, readable: true, writable: st.type !== 'program', executable: st.executable, mtime: 0, identity: normalize(path),
      setuid: false, setgid: false, sticky: false, owned: true, groupOwned: true,
    };
  }

  /** The simulated machine has no permission bits: the mask is only remembered. */
  private mask = 0o022;
  umask(mask?: number): number {
    const old = this.mask;
    if (mask !== undefined) this.mask = mask & 0o777;
    return old;
  }

  times(): CpuTimes { return { user: 0, system: 0, childUser: 0, childSystem: 0 }; }

  readdir(path: string): string[] {
    const abs = normalize(path);
    const list = this.k.fs.readdir(abs);
    if (!list) throw this.k.fs.get(abs) ? new OsError('ENOTDIR', 'Not a directory', 'scandir') : new OsError('ENOENT', 'No such file or directory', 'scandir');
    return list;
  }

  readFile(path: string): string {
    const node = this.k.fs.get(normalize(path));
    if (!node) throw new OsError('ENOENT', 'No such file or directory', 'open');
    if (node.type === 'dir') throw new OsError('EISDIR', 'Is a directory', 'read');
    return node.type === 'file' ? new TextDecoder().decode(node.data) : '';
  }

  writeFile(path: string, data: string, append: boolean): void {
    const fd = this.open(path, append ? 'append' : 'write');
    const f = fileAt(this.proc, fd)!;
    f.ops.write(this.k, this.callOf({ call: 'getpid' }), f, new TextEncoder().encode(data));
    this.close(fd);
  }

  homeOf(user: string): string | null {
    return user === this.o.username ? this.o.home : user === 'root' ? '/root' : null;
  }

  realpath(path: string): string {
    const abs = normalize(path, this.live().cwd);
    if (!this.k.fs.get(abs)) throw new OsError('ENOENT', 'No such file or directory', 'realpath');
    return abs;
  }

  chdir(path: string): void {
    const p = this.live();
    unwrap(signalCallsChdir(this.k, p, path));
  }

  // --- the shell's own lifetime ---------------------------------------------------------------
  environ(): readonly string[] { return this.live().env; }
  hostname(): string { return this.o.hostname; }
  username(): string { return this.o.username; }
  getuid(): number { return this.o.uid; }

  /** The shell core runs in a host thread, which no program of this kernel can replace. */
  execve(): never {
    throw new OsError('ENOSYS', 'Function not implemented', 'execve');
  }

  exit(status: number): never {
    doExit(this.k, this.proc, exited(status));
    throw new ProcessGone(this.proc.pid);
  }
}

function signalCallsChdir(k: Kernel, p: Proc, path: string): 0 | SysError {
  const abs = normalize(path, p.cwd);
  const st = k.fs.stat(abs);
  if (!st) return new SysError('ENOENT', 'chdir');
  if (st.type !== 'directory') return new SysError('ENOTDIR', 'chdir');
  p.cwd = abs;
  return 0;
}

function unwrap<T>(r: T | SysError): T {
  if (r instanceof SysError) throw new OsError(r.errno, r.reason, r.call);
  return r;
}
