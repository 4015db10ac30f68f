// LinuxPort: the OS interface on the real kernel, through the native addon (native/) for
// what Node lacks (process groups, the terminal's foreground group, waitpid of one child
// with WUNTRACED/WCONTINUED, clone+exec with an exact fd map) and node:fs for the rest.
// It never touches process.stdin/stdout (trap 3) and never waits for "any child" (trap 4).

import { hostname } from 'node:os';
import type {
  CpuTimes, ExecRequest, FileDetails,
  FileInfo, OpenMode, OsPort, SignalAction, SignalCount, SpawnRequest, TermModes, TrapHow, WaitOptions, WaitStatus,
} from '../port.js';
import { decodeWaitStatus, isFinished } from '../status.js';
import { ChildEvents } from './child-events.js';
import { Dispositions } from './dispositions.js';
import { makeOsError, sys } from './errors.js';
import * as files from './files.js';
import * as reading from './reading.js';
import { inspectFile, processTimes } from './inspect.js';
import { loadNative, packagePaths, type NativeAddon } from './native.js';
import { envBlock, prepareSpawn, type SpawnPaths } from './spawn.js';
import { openControllingTerminal } from './terminal.js';
import { currentUsername, homeOf } from './users.js';

export interface LinuxPortOptions {
  /** Offer waitpidBlocking (only for hosts where nothing else must run while a job runs). */
  readonly blockingWait: boolean;
  /**
   * Start children with the addon's fallback: clone on a stack mapped for that spawn, with the
   * shell's dispositions queried signal by signal rather than read from /proc/self/status.
   * The addon takes it by itself for a spawn from a second thread (the shared stack is taken)
   * or where /proc cannot be read; this forces it, to test that path.
   */
  readonly forkFallback?: boolean;
}

/**
 * Node resets inherited SIG_IGN dispositions before any JS runs, so bin/jcsh.js starts as a
 * sh script that passes the SigIgn mask it inherited in JCSH_SIGIGN (hex, from /proc). The
 * variable is removed so that children never see it.
 */
export const SIGIGN_VARIABLE = 'JCSH_SIGIGN';

/**
 * bin/jcsh.js (spawn.ts for a copy of the shell) sets libuv's thread pool size when the user
 * did not (JCSH_POOL names it ours): pipes are read and written on the event loop
 * (reading.ts, files.ts), but a write to a terminal, and a read of one, still hold a thread of
 * the pool while they last. The pool exists by now; the variables leave so children never see them.
 */
function takeThreadPoolSize(): void {
  if (process.env.JCSH_POOL === undefined) return;
  if (process.env.UV_THREADPOOL_SIZE === process.env.JCSH_POOL) delete process.env.UV_THREADPOOL_SIZE;
  delete process.env.JCSH_POOL;
}

function takeInheritedIgnored(): number[] {
  const mask = process.env[SIGIGN_VARIABLE];
  delete process.env[SIGIGN_VARIABLE];
  if (!mask || !/^[0-9a-fA-F]{1,16}$/.test(mask)) return [];
  const bits = BigInt(`0x${mask}`);
  const signals: number[] = [];
  for (let sig = 1; sig <= 64; sig++) if ((bits >> BigInt(sig - 1)) & 1n) signals.push(sig);
  return signals;
}

const SIGUSR1 = 10;

export class LinuxPort implements OsPort {
  readonly features: { readonly blockingWait: boolean };
  private readonly native: NativeAddon;
  private readonly paths: SpawnPaths;
  /** Children spawned and not yet reaped through this port. */
  private readonly live = new Set<number>();
  private readonly children = new ChildEvents(() => this.live.size > 0);
  private readonly dispositions: Dispositions;
  private readonly initialEnv: readonly string[];
  private readonly ignoredAtStart: ReadonlySet<number>;
  private readonly forkFallback: boolean;

  constructor(options: LinuxPortOptions) {
    this.features = { blockingWait: options.blockingWait };
    this.forkFallback = options.forkFallback ?? false;
    this.native = loadNative();
    this.paths = packagePaths();
    this.dispositions = new Dispositions(this.native);
    // Node catches SIGUSR1 to start its inspector; to a shell it is a signal like any other,
    // whose default action ends it (unless the shell was started with it ignored, just below).
    this.native.setSignalAction(SIGUSR1, 'default');
    this.native.keepIgnored(takeInheritedIgnored());
    takeThreadPoolSize();
    this.initialEnv = Object.entries(process.env).map(([k, v]) => `${k}=${v ?? ''}`);
    this.ignoredAtStart = new Set(this.native.inheritedIgnored());
  }

  // --- processes -------------------------------------------------------------------------------

  getpid(): number { return this.native.getpid(); }
  getppid(): number { return this.native.getppid(); }
  getpgrp(): number { return this.native.getpgrp(); }

  setpgid(pid: number, pgid: number): void {
    sys('setpgid', () => this.native.setpgid(pid, pgid));
  }

  spawn(req: SpawnRequest): number {
    if (!this.features.blockingWait) this.children.install();
    const prepared = sys('spawn', () => prepareSpawn(req, this.native, this.paths, this.forkFallback));
    const fg = req.foregroundOn === undefined ? undefined : this.foregroundOf(req.foregroundOn);
    try {
      const pid = sys('spawn', () => this.native.spawn(prepared.options));
      this.live.add(pid);
      this.children.childrenChanged();
      return pid;
    } catch (err) {
      // The child may have taken the terminal before its exec failed: give it back.
      if (fg !== undefined && req.foregroundOn !== undefined) this.restoreForeground(req.foregroundOn, fg);
      throw err;
    } finally {
      prepared.release();
    }
  }

  execve(req: ExecRequest): never {
    const options = { path: req.path, argv: req.argv, envp: envBlock(req.env), fds: req.fds, cwd: req.cwd };
    sys('execve', () => this.native.exec(options));
    throw makeOsError('EINVAL', 'execve');
  }

  kill(pid: number, signal: number): void {
    sys('kill', () => this.native.kill(pid, signal));
  }

  waitpid(pid: number, options: WaitOptions): WaitStatus | null {
    const raw = this.reaping(pid, () => this.native.waitpid(pid, this.waitFlags(options)));
    return raw === null ? null : this.reaped(pid, decodeWaitStatus(raw));
  }

  waitpidBlocking(pid: number, options: WaitOptions): WaitStatus {
    if (!this.features.blockingWait) throw makeOsError('ENOSYS', 'waitpid');
    const raw = this.reaping(pid, () => this.native.waitpidBlocking(pid, this.waitFlags(options)));
    return this.reaped(pid, decodeWaitStatus(raw));
  }

  /** A waitpid; ECHILD means the pid is no child of ours (any more). */
  private reaping<T>(pid: number, wait: () => T): T {
    try {
      return sys('waitpid', wait);
    } catch (err) {
      if (err instanceof Error && (err as { code?: string }).code === 'ECHILD') this.forget(pid);
      throw err;
    }
  }

  private reaped(pid: number, status: WaitStatus): WaitStatus {
    if (isFinished(status)) this.forget(pid);
    return status;
  }

  private forget(pid: number): void {
    if (this.live.delete(pid)) this.children.childrenChanged();
  }

  pendingChild(): number {
    return sys('waitid', () => this.native.pendingChild());
  }

  signalsDelivered(): Promise<void> {
    // libuv reads its signal pipe in the poll phase, and setImmediate runs right after it.
    return new Promise((resolve) => setImmediate(resolve));
  }

  childEvent(): Promise<void> {
    return this.children.next();
  }

  private waitFlags(options: WaitOptions): number {
    const n = this.native;
    return (options.untraced ? n.WUNTRACED : 0) | (options.continued ? n.WCONTINUED : 0);
  }

  // --- signals of the shell itself --------------------------------------------------------------

  setSignalAction(signal: number, action: SignalAction): void {
    this.dispositions.set(signal, action);
  }

  onSignal(signal: number, handler: () => void): () => void {
    return this.dispositions.on(signal, handler);
  }

  inheritedIgnored(): ReadonlySet<number> {
    return this.ignoredAtStart;
  }

  countSignal(signal: number): SignalCount {
    // Natively: a JS listener runs only on a later turn of the event loop, and adding and
    // removing one around every command costs tens of microseconds.
    sys('sigaction', () => this.native.startCounting(signal));
    let counting = true;
    return {
      count: () => this.native.signalCount(signal),
      stop: () => {
        if (!counting) return;
        counting = false;
        sys('sigaction', () => this.native.stopCounting(signal));
      },
    };
  }

  trapSignal(signal: number, how: TrapHow): void {
    sys('sigaction', () => this.native.trapSignal(signal, how));
  }

  caughtSignals(): number[] {
    return this.native.caughtSignals();
  }

  onCaught(listener: () => void): void {
    this.native.onCaught(listener);
  }

  // --- the terminal ------------------------------------------------------------------------------

  openTerminal(): number | null { return openControllingTerminal(); }
  isatty(fd: number): boolean { return this.native.isatty(fd); }

  tcgetpgrp(fd: number): number {
    return sys('tcgetpgrp', () => this.native.tcgetpgrp(fd));
  }

  tcsetpgrp(fd: number, pgid: number): void {
    sys('tcsetpgrp', () => this.native.tcsetpgrp(fd, pgid));
  }

  tcgetattr(fd: number): TermModes {
    return sys('tcgetattr', () => this.native.tcgetattr(fd));
  }

  tcsetattr(fd: number, modes: TermModes): void {
    sys('tcsetattr', () => this.native.tcsetattr(fd, modes.snapshot));
  }

  private foregroundOf(fd: number): number | undefined {
    try {
      return this.native.tcgetpgrp(fd);
    } catch {
      return undefined;
    }
  }

  private restoreForeground(fd: number, pgid: number): void {
    try {
      if (this.native.tcgetpgrp(fd) !== pgid) this.native.tcsetpgrp(fd, pgid);
    } catch {
      // The old group is gone too; the shell takes the terminal back itself.
    }
  }

  // --- files ---------------------------------------------------------------------------------------

  open(path: string, mode: OpenMode): number { return files.openFile(path, mode); }
  close(fd: number): void { files.closeFd(fd); }
  pipe(): [number, number] { return sys('pipe', () => this.native.pipe()); }
  write(fd: number, data: string | Uint8Array): Promise<void> { return files.writeAll(this.native, fd, data); }
  writeNow(fd: number, data: string | Uint8Array): boolean {
    return sys('write', () => this.native.writeNow(fd, typeof data === 'string' ? Buffer.from(data) : data));
  }
  readRecord(fd: number, delimiter: number, max: number, cancel?: AbortSignal): Uint8Array | Promise<Uint8Array> {
    return reading.readRecord(this.native, fd, delimiter, max, cancel);
  }
  read(fd: number, max?: number, cancel?: AbortSignal): Promise<Uint8Array | null> {
    return reading.readChunk(this.native, fd, max, cancel);
  }
  isOpen(fd: number): boolean { return files.isOpen(fd); }

  // --- the file system -------------------------------------------------------------------------------

  stat(path: string): FileInfo | null { return files.statFile(path); }
  inspect(path: string, follow: boolean): FileDetails | null { return inspectFile(path, follow); }
  umask(mask?: number): number { return mask === undefined ? process.umask() : process.umask(mask); }
  times(): CpuTimes { return processTimes(); }
  readdir(path: string): string[] { return files.readDir(path); }
  readFile(path: string): string { return files.readText(path); }
  writeFile(path: string, data: string, append: boolean): void { files.writeText(path, data, append); }
  homeOf(user: string): string | null { return homeOf(user); }
  realpath(path: string): string { return files.realPath(path); }
  chdir(path: string): void { files.changeDir(path); }

  // --- the shell's own lifetime ----------------------------------------------------------------------

  environ(): readonly string[] { return this.initialEnv; }
  hostname(): string { return hostname(); }
  username(): string { return currentUsername(); }
  getuid(): number { return process.getuid?.() ?? 0; }

  exit(status: number): never {
    process.exit(status);
  }
}

export function createLinuxPort(options: LinuxPortOptions = { blockingWait: false }): LinuxPort {
  return new LinuxPort(options);
}
