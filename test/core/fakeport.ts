// A pretend kernel for unit tests of the shell core: only what builtins and the job table
// touch without real processes. Files are a map of absolute paths; children are pids whose
// status changes the test queues; signals are recorded (or refused). Anything else throws, so
// a test that strays into real process work fails loudly instead of passing by accident.

import {
  OsError, type CpuTimes, type FileDetails, type FileInfo, type OsPort, type SignalAction, type SignalCount, type SpawnRequest, type TermModes, type TrapHow, type WaitStatus,
} from '../../src/os/port.js';
import { FdTable } from '../../src/core/redirect.js';
import { FatalError } from '../../src/core/errors.js';
import { runBuiltinHere } from '../../src/core/builtins/run.js';
import { runList } from '../../src/core/execute.js';
import { parse } from '../../src/lang/parser.js';
import type { Builtin } from '../../src/core/builtins/types.js';
import { Shell, type ShellOptions } from '../../src/core/shell.js';
import type { Job } from '../../src/core/job.js';
import { RUNNING } from '../../src/core/job.js';
import { readRecordBytewise, readRecordNow } from '../../src/os/record.js';

const decoder = new TextDecoder();

const missing = (what: string): never => {
  throw new Error(`FakePort: ${what} is not part of this fake`);
};

export interface Sent {
  readonly pid: number;
  readonly signal: number;
}

export class FakePort implements OsPort {
  readonly features = { blockingWait: false };
  env: string[] = ['HOME=/home/user', 'PATH=/usr/bin:/bin', 'PWD=/home/user'];
  /** Absolute path -> what stat() says; add entries with dir()/file(). */
  readonly files = new Map<string, FileInfo>();
  /** Symbolic links for realpath(): link path -> target path. */
  readonly links = new Map<string, string>();
  readonly sent: Sent[] = [];
  /** Targets (pid, or -pgid) for which kill() fails with ESRCH. */
  readonly gone = new Set<number>();
  readonly chdirs: string[] = [];
  /** Everything written, per fd, in order. */
  readonly written = new Map<number, string>();
  /** Every spawn request, in order (spawn works only when onSpawn is set). */
  readonly spawned: SpawnRequest[] = [];
  /** Decides what spawn does: return a pid or throw. */
  onSpawn: ((req: SpawnRequest, index: number) => number) | undefined;
  /** Decides what pipe does (by default a fresh pair of fds); throw to make it fail. */
  onPipe: ((index: number) => void) | undefined;
  /** Called after each kill() that was recorded, e.g. to queue the death it causes. */
  onKill: ((pid: number, signal: number) => void) | undefined;
  /** fds handed out by pipe() or open() and not closed yet. */
  readonly openFds = new Set<number>();
  private nextFd = 10;
  private pipes = 0;
  private readonly queued = new Map<number, WaitStatus[]>();
  private waiters: (() => void)[] = [];
  private sleepWatchers: (() => void)[] = [];
  private readonly counts = new Map<number, () => void>();
  /** Dispositions the shell set for itself. */
  readonly actions = new Map<number, SignalAction>();

  constructor() {
    this.dir('/');
    this.dir('/home');
    this.dir('/home/user');
  }

  dir(path: string, executable = true): this {
    this.files.set(path, { type: 'directory', executable });
    return this;
  }

  file(path: string, executable = false): this {
    this.files.set(path, { type: 'file', executable });
    return this;
  }

  /** Queues a status change of a child and wakes whoever sleeps on child events. */
  change(pid: number, status: WaitStatus): void {
    const q = this.queued.get(pid) ?? [];
    q.push(status);
    this.queued.set(pid, q);
    for (const wake of this.waiters.splice(0)) wake();
  }

  output(fd: number): string {
    return this.written.get(fd) ?? '';
  }

  clearOutput(): void {
    this.written.clear();
  }

  getpid(): number { return 4000; }
  getppid(): number { return 1; }
  getpgrp(): number { return 4000; }
  setpgid(): void { missing('setpgid'); }
  spawn(req: SpawnRequest): number {
    if (!this.onSpawn) return missing('spawn');
    for (const fd of req.fds) if (fd >= 10 && !this.openFds.has(fd)) throw new Error(`FakePort: spawn with closed fd ${fd}`);
    this.spawned.push(req);
    return this.onSpawn(req, this.spawned.length - 1);
  }

  kill(pid: number, signal: number): void {
    if (this.gone.has(pid)) throw new OsError('ESRCH', 'No such process', 'kill');
    this.sent.push({ pid, signal });
    this.onKill?.(pid, signal);
  }

  /** How many waitpid calls the shell made. */
  waitpidCalls = 0;
  waitpid(pid: number): WaitStatus | null {
    this.waitpidCalls++;
    return this.queued.get(pid)?.shift() ?? null;
  }

  waitpidBlocking(): WaitStatus { return missing('waitpidBlocking'); }

  /** How often the shell asked which child has a change pending. */
  pendingChecks = 0;
  pendingChild(): number {
    this.pendingChecks++;
    for (const [pid, q] of this.queued) if (q.length > 0) return pid;
    return 0;
  }

  signalsDelivered(): Promise<void> {
    return Promise.resolve();
  }

  childEvent(): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      for (const notice of this.sleepWatchers.splice(0)) notice();
    });
  }

  /**
   * Resolves once someone sleeps on child events (a builtin or a foreground wait that has
   * reaped all there was): the condition a test waits for before it makes the next change.
   */
  asleep(): Promise<void> {
    if (this.waiters.length > 0) return Promise.resolve();
    return new Promise((resolve) => this.sleepWatchers.push(resolve));
  }

  setSignalAction(signal: number, action: SignalAction): void {
    this.actions.set(signal, action);
  }
  onSignal(): () => void { return missing('onSignal'); }
  /** Signals the shell "started with" ignored. */
  readonly startIgnored = new Set<number>();
  inheritedIgnored(): ReadonlySet<number> { return this.startIgnored; }
  countSignal(signal: number): SignalCount {
    if (this.counts.has(signal)) throw new OsError('EBUSY', 'Device or resource busy', 'sigaction');
    let arrived = 0;
    this.counts.set(signal, () => arrived++);
    return {
      count: () => arrived,
      stop: () => {
        this.counts.delete(signal);
      },
    };
  }

  /** What traps did to each signal ('release' removes the entry). */
  readonly trapped = new Map<number, 'catch' | 'ignore'>();
  private caught: number[] = [];
  private caughtListener: (() => void) | undefined;
  trapSignal(signal: number, how: TrapHow): void {
    if (signal === 9 || signal === 19) throw new OsError('EINVAL', 'Invalid argument', 'sigaction');
    if (how === 'release') this.trapped.delete(signal);
    else this.trapped.set(signal, how);
  }
  caughtSignals(): number[] {
    return this.caught.splice(0);
  }
  onCaught(listener: () => void): void {
    this.caughtListener = listener;
  }

  /**
   * The shell receives a signal: recorded if a trap catches it, counted if it is being
   * counted, else an error of the test.
   */
  raise(signal: number): void {
    const trap = this.trapped.get(signal);
    if (trap === 'ignore') return;
    if (trap === 'catch') {
      this.caught.push(signal);
      const listener = this.caughtListener;
      if (listener) setImmediate(listener);
      return;
    }
    const count = this.counts.get(signal);
    if (!count) throw new Error(`FakePort: signal ${signal} is neither counted nor handled here`);
    count();
  }
  openTerminal(): number | null { return null; }
  isatty(): boolean { return false; }
  tcgetpgrp(): number { return missing('tcgetpgrp'); }
  tcsetpgrp(_fd: number, _pgid: number): void { missing('tcsetpgrp'); }
  tcgetattr(): TermModes { return missing('tcgetattr'); }
  tcsetattr(_fd: number, _modes: TermModes): void { missing('tcsetattr'); }
  /** Paths open() was asked for, in order; only /dev/null can be opened. */
  readonly opened: string[] = [];
  open(path: string): number {
    if (path !== '/dev/null') return missing(`open of ${path}`);
    this.opened.push(path);
    const fd = this.nextFd++;
    this.openFds.add(fd);
    return fd;
  }
  close(fd: number): void {
    // FdTable closes what it opened (nothing, here); pipe ends must be closed exactly once.
    if (fd < 10) return;
    if (!this.openFds.delete(fd)) throw new Error(`FakePort: close of fd ${fd}, which is not open`);
  }

  pipe(): [number, number] {
    if (!this.onPipe) return missing('pipe');
    this.onPipe(this.pipes++);
    const ends: [number, number] = [this.nextFd++, this.nextFd++];
    ends.forEach((fd) => this.openFds.add(fd));
    return ends;
  }

  writeNow(): boolean {
    return false;
  }

  async write(fd: number, data: string | Uint8Array): Promise<void> {
    const text = typeof data === 'string' ? data : decoder.decode(data);
    this.written.set(fd, this.output(fd) + text);
  }

  /** What read() returns per fd: the bytes still to be read (set with feed()). */
  readonly input = new Map<number, Uint8Array>();
  /** Fds fed as regular files: a record of them is read at once, as from a file on Linux. */
  readonly regularFiles = new Set<number>();
  /** Largest count each read() asked for, in order (read must take one byte at a time from a pipe). */
  readonly readSizes: number[] = [];
  feed(fd: number, text: string, regularFile = false): void {
    this.input.set(fd, new TextEncoder().encode(text));
    if (regularFile) this.regularFiles.add(fd);
  }
  readRecord(fd: number, delimiter: number, max: number, cancel?: AbortSignal): Uint8Array | Promise<Uint8Array> {
    if (this.regularFiles.has(fd)) return readRecordNow((count) => this.take(fd, count), delimiter, max);
    return readRecordBytewise(this, fd, delimiter, max, cancel);
  }

  async read(fd: number, max = 65536): Promise<Uint8Array | null> {
    return this.take(fd, max);
  }

  private take(fd: number, max: number): Uint8Array | null {
    const rest = this.input.get(fd);
    if (rest === undefined) return missing(`read of fd ${fd}`);
    this.readSizes.push(max);
    if (rest.length === 0) return null;
    this.input.set(fd, rest.subarray(max));
    return rest.subarray(0, max);
  }
  isOpen(fd: number): boolean { return fd >= 0 && fd <= 2; }

  stat(path: string): FileInfo | null {
    const resolved = this.resolve(path);
    return resolved === null ? null : this.files.get(resolved) ?? null;
  }

  /** Paths with full details for inspect(); anything else is made from files. */
  readonly details = new Map<string, FileDetails>();
  inspect(path: string): FileDetails | null {
    const found = this.details.get(path);
    if (found) return found;
    const info = this.stat(path);
    if (!info) return null;
    return {
      type: info.type === 'other' ? 'char' : info.type, size: 0, readable: true, writable: true, executable: info.executable,
      mtime: 0, identity: path, setuid: false, setgid: false, sticky: false, owned: true, groupOwned: true,
    };
  }
  mask = 0o022;
  umask(mask?: number): number {
    const old = this.mask;
    if (mask !== undefined) this.mask = mask;
    return old;
  }
  cpu: CpuTimes = { user: 0, system: 0, childUser: 0, childSystem: 0 };
  times(): CpuTimes { return this.cpu; }
  readdir(): string[] { return missing('readdir'); }
  /** File contents for readFile(), by absolute path. */
  readonly texts = new Map<string, string>();
  readFile(path: string): string {
    const text = this.texts.get(path);
    if (text === undefined) throw new OsError('ENOENT', 'No such file or directory', 'open');
    return text;
  }
  writeFile(): void { missing('writeFile'); }
  homeOf(): string | null { return null; }

  realpath(path: string): string {
    const resolved = this.resolve(path);
    if (resolved === null || !this.files.has(resolved)) throw new OsError('ENOENT', 'No such file or directory', 'realpath');
    return resolved;
  }

  chdir(path: string): void {
    this.chdirs.push(path);
  }

  environ(): readonly string[] { return this.env; }
  hostname(): string { return 'host'; }
  username(): string { return 'user'; }
  getuid(): number { return 1000; }
  exit(status: number): never { throw new Error(`FakePort: exit(${status})`); }
  execve(): never { throw new OsError('ENOSYS', 'Function not implemented', 'execve'); }

  /** Physical path: symbolic links followed, "." and ".." applied after each step. */
  private resolve(path: string): string | null {
    const out: string[] = [];
    for (const part of path.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') {
        out.pop();
        continue;
      }
      out.push(part);
      const link = this.links.get(`/${out.join('/')}`);
      if (link !== undefined) out.splice(0, out.length, ...link.split('/').filter(Boolean));
    }
    return `/${out.join('/')}`;
  }
}

export interface Run {
  readonly status: number;
  readonly out: string;
  readonly err: string;
}

/** An interactive job-control shell over a FakePort, as the builtins see it at a prompt. */
export function fakeShell(o: Partial<ShellOptions> = {}): { shell: Shell; port: FakePort } {
  const port = (o.port as FakePort | undefined) ?? new FakePort();
  const shell = new Shell({ port, name: 'jcsh', interactive: true, monitor: true, cwd: '/home/user', ...o });
  return { shell, port };
}

/** Runs a builtin the way the executor runs one in the shell itself, and collects its output. */
export async function runIn(shell: Shell, builtin: Builtin, ...argv: string[]): Promise<Run> {
  const port = shell.port as FakePort;
  port.clearOutput();
  const status = await runBuiltinHere(shell, builtin, argv, new FdTable(shell.stdio));
  await shell.out.drain();
  return { status, out: port.output(1), err: port.output(2) };
}

/**
 * Runs a builtin that must fail with an error ending a non-interactive shell (FatalError):
 * its status, the shell's exit status, and what it wrote.
 */
export async function runFatal(shell: Shell, builtin: Builtin, ...argv: string[]): Promise<Run & { exitStatus: number }> {
  const port = shell.port as FakePort;
  port.clearOutput();
  try {
    await runBuiltinHere(shell, builtin, argv, new FdTable(shell.stdio));
  } catch (e) {
    if (!(e instanceof FatalError)) throw e;
    await shell.out.drain();
    return { status: e.status, exitStatus: e.exitStatus, out: port.output(1), err: port.output(2) };
  }
  throw new Error(`${argv.join(' ')}: no FatalError`);
}

/** Adds a background job of the given pipeline stages; the first pid leads the group. */
export function addJob(shell: Shell, pids: number[], commands: string[], foreground = false): Job {
  const processes = pids.map((pid, i) => ({ pid, command: commands[i]!, status: RUNNING }));
  return shell.control.jobs.add({ pgid: pids[0]!, processes, foreground, jobControl: true, wd: shell.cwd });
}

/** Spawns succeed with pids first, first+1, …; the programs are executables in /bin. */
export function spawnsFrom(port: FakePort, first: number, ...programs: string[]): void {
  for (const name of programs) port.file(`/bin/${name}`, true);
  port.onSpawn = (_req, i) => first + i;
}

/**
 * Runs a command line through the executor, as typed at a prompt. Resolves with `$?` and what
 * was written, or rejects with what unwound the executor (ExitRequest, LineAbandoned, …).
 */
export async function runLine(shell: Shell, line: string): Promise<Run> {
  const port = shell.port as FakePort;
  port.clearOutput();
  const status = await runList(shell, parse(line));
  await shell.out.drain();
  return { status, out: port.output(1), err: port.output(2) };
}
