// What the shell does to its children and what it learns of them, reported as it happens,
// without a line of src/core knowing: the shell's OsPort is wrapped in one that passes every
// call through unchanged and tells a sink about the ones that matter for job control (a
// spawn, a signal it sends, the terminal it hands over, each status waitpid collects). Only
// what the shell itself did or saw is reported: a signal the kernel sent (the SIGTTIN that
// stopped `cat &`) shows in the stop status waitpid returns, never as an invented send.
//
// The job table is compared with the last one sent soon after each call that can change it,
// and sent when it differs. An idle shell calls nothing, so nothing runs.

import type { JobTable } from '../../core/jobtable.js';
import type {
  CpuTimes, ExecRequest, FileDetails, FileInfo, OpenMode, OsPort, SignalAction, SignalCount, SpawnRequest, TermModes, TrapHow, WaitOptions, WaitStatus,
} from '../../os/port.js';
import type { JobRow, TimelineEntry, TimelineKind } from '../../ui/model.js';
import { jobRows } from './jobrows.js';
import { describeSpawn, describeStatus, describeTarget, signalLabel, type Names } from './words.js';

/** Where the observations go: the channel on Linux, the UI itself on the simulator. */
export interface ObservationSink {
  event(entry: TimelineEntry): void;
  jobs(rows: readonly JobRow[]): void;
}

export interface ObserveOptions {
  /** An entry's time; by default milliseconds since observePort was called. */
  readonly now?: () => number;
  /** Runs the job-table comparison after the current burst of calls; by default setImmediate. */
  readonly defer?: (run: () => void) => void;
}

export interface PortObserver {
  /** The shell's port, reporting: give this one to the Shell. */
  readonly port: OsPort;
  /** The shell's job table, from now on: names jobs in entries and is sent after each change. */
  attach(table: () => JobTable): void;
  /** The shell was sent SIGCHLD (the host's own listener says so; the port cannot see it). */
  childSignal(): void;
  /** Sends the job table if it changed since it was last sent. */
  checkJobs(): void;
}

/** Wraps `port` so that `sink` hears what the shell does and sees through it. */
export function observePort(port: OsPort, sink: ObservationSink, options: ObserveOptions = {}): PortObserver {
  const origin = performance.now();
  const now = options.now ?? (() => Math.round(performance.now() - origin));
  const defer = options.defer ?? ((run: () => void) => void setImmediate(run));
  const observed = new ObservedPort(port, sink, now, defer);
  return {
    port: observed,
    attach: (table) => observed.attach(table),
    childSignal: () => observed.note('signal', 'SIGCHLD → jcsh'),
    checkJobs: () => observed.checkJobs(),
  };
}

/** Commands of spawned pids not yet reaped, for naming a target the table does not know. */
const MAX_REMEMBERED = 4096;

class ObservedPort implements OsPort {
  readonly features: OsPort['features'];
  private table: (() => JobTable) | null = null;
  private lastSent = '';
  private checkQueued = false;
  private readonly spawned = new Map<number, string>();
  private readonly names: Names;

  constructor(
    private readonly inner: OsPort,
    private readonly sink: ObservationSink,
    private readonly now: () => number,
    private readonly defer: (run: () => void) => void,
  ) {
    this.features = inner.features;
    let shellPid: number | undefined;
    this.names = {
      // Asked when first needed: a simulated shell may have no process yet when it is wrapped.
      get shellPid() {
        shellPid ??= inner.getpid();
        return shellPid;
      },
      ofPid: (pid) => this.table?.().findByPid(pid)?.processes.find((p) => p.pid === pid)?.command ?? this.spawned.get(pid),
      ofGroup: (pgid) => this.table?.().all().find((j) => j.pgid === pgid)?.command ?? this.spawned.get(pgid),
    };
  }

  attach(table: () => JobTable): void {
    this.table = table;
    this.lastSent = '';
    this.checkJobs();
  }

  note(kind: TimelineKind, text: string): void {
    this.sink.event({ time: this.now(), kind, text });
  }

  checkJobs(): void {
    this.checkQueued = false;
    if (!this.table) return;
    const rows = jobRows(this.table());
    const text = JSON.stringify(rows);
    if (text === this.lastSent) return;
    this.lastSent = text;
    this.sink.jobs(rows);
  }

  /** The table can only have changed around a call about children or the terminal. */
  private soon(): void {
    if (this.checkQueued || !this.table) return;
    this.checkQueued = true;
    this.defer(() => this.checkJobs());
  }

  // --- the calls that are reported ----------------------------------------------------------------

  spawn(req: SpawnRequest): number {
    let pid: number;
    try {
      pid = this.inner.spawn(req);
    } catch (err) {
      this.note('spawn', `spawn failed (${(err as { code?: string }).code ?? 'error'}): ${describeSpawn(req)}`);
      throw err;
    }
    if (this.spawned.size >= MAX_REMEMBERED) this.spawned.delete(this.spawned.keys().next().value!);
    this.spawned.set(pid, describeSpawn(req));
    const pgid = req.group.kind === 'lead' ? pid : req.group.kind === 'join' ? req.group.pgid : null;
    this.note('spawn', `spawn ${pid}${pgid === null ? '' : ` (pgrp ${pgid})`}: ${describeSpawn(req)}`);
    // The child takes the terminal itself before exec, at the shell's request.
    if (req.foregroundOn !== undefined && pgid !== null) {
      this.note('terminal', `terminal → ${describeTarget(-pgid, this.names)}`);
    }
    this.soon();
    return pid;
  }

  kill(pid: number, signal: number): void {
    // Signal 0 only asks whether the target exists: nothing is sent.
    if (signal === 0) return this.inner.kill(pid, signal);
    const what = `${signalLabel(signal)} → ${describeTarget(pid, this.names)}`;
    try {
      this.inner.kill(pid, signal);
    } catch (err) {
      this.note('signal', `${what}: ${(err as { code?: string }).code ?? 'failed'}`);
      throw err;
    } finally {
      this.soon();
    }
    this.note('signal', what);
  }

  waitpid(pid: number, options: WaitOptions): WaitStatus | null {
    const s = this.inner.waitpid(pid, options);
    if (s) this.collected(pid, s);
    return s;
  }

  waitpidBlocking(pid: number, options: WaitOptions): WaitStatus {
    const s = this.inner.waitpidBlocking(pid, options);
    this.collected(pid, s);
    return s;
  }

  private collected(pid: number, s: WaitStatus): void {
    const finished = s.kind === 'exited' || s.kind === 'signaled';
    this.note(finished ? 'reap' : 'state', describeStatus(pid, s));
    if (finished) this.spawned.delete(pid);
    this.soon();
  }

  tcsetpgrp(fd: number, pgid: number): void {
    try {
      this.inner.tcsetpgrp(fd, pgid);
    } catch (err) {
      this.note('terminal', `terminal → ${describeTarget(-pgid, this.names)}: ${(err as { code?: string }).code ?? 'failed'}`);
      throw err;
    }
    this.note('terminal', `terminal → ${describeTarget(-pgid, this.names)}`);
    this.soon();
  }

  tcgetpgrp(fd: number): number {
    // The shell asks before every prompt: the moment a job it just removed leaves the panel.
    this.soon();
    return this.inner.tcgetpgrp(fd);
  }

  write(fd: number, data: string | Uint8Array): Promise<void> {
    // Job notices (`[1]+  Done`) are written as the job leaves the table.
    this.soon();
    return this.inner.write(fd, data);
  }

  writeNow(fd: number, data: string | Uint8Array): boolean {
    this.soon();
    return this.inner.writeNow(fd, data);
  }

  // --- the rest passes through ------------------------------------------------------------------

  getpid(): number { return this.inner.getpid(); }
  getppid(): number { return this.inner.getppid(); }
  getpgrp(): number { return this.inner.getpgrp(); }
  setpgid(pid: number, pgid: number): void { this.inner.setpgid(pid, pgid); }
  pendingChild(): number { return this.inner.pendingChild(); }
  childEvent(): Promise<void> { return this.inner.childEvent(); }
  signalsDelivered(): Promise<void> { return this.inner.signalsDelivered(); }
  setSignalAction(signal: number, action: SignalAction): void { this.inner.setSignalAction(signal, action); }
  onSignal(signal: number, handler: () => void): () => void { return this.inner.onSignal(signal, handler); }
  inheritedIgnored(): ReadonlySet<number> { return this.inner.inheritedIgnored(); }
  countSignal(signal: number): SignalCount { return this.inner.countSignal(signal); }
  trapSignal(signal: number, how: TrapHow): void { this.inner.trapSignal(signal, how); }
  caughtSignals(): number[] { return this.inner.caughtSignals(); }
  onCaught(listener: () => void): void { this.inner.onCaught(listener); }
  openTerminal(): number | null { return this.inner.openTerminal(); }
  isatty(fd: number): boolean { return this.inner.isatty(fd); }
  tcgetattr(fd: number): TermModes { return this.inner.tcgetattr(fd); }
  tcsetattr(fd: number, modes: TermModes): void { this.inner.tcsetattr(fd, modes); }
  open(path: string, mode: OpenMode): number { return this.inner.open(path, mode); }
  close(fd: number): void { this.inner.close(fd); }
  pipe(): [number, number] { return this.inner.pipe(); }
  read(fd: number, max?: number, cancel?: AbortSignal): Promise<Uint8Array | null> { return this.inner.read(fd, max, cancel); }
  readRecord(fd: number, delimiter: number, max: number, cancel?: AbortSignal): Uint8Array | Promise<Uint8Array> {
    return this.inner.readRecord(fd, delimiter, max, cancel);
  }
  isOpen(fd: number): boolean { return this.inner.isOpen(fd); }
  stat(path: string): FileInfo | null { return this.inner.stat(path); }
  inspect(path: string, follow: boolean): FileDetails | null { return this.inner.inspect(path, follow); }
  umask(mask?: number): number { return this.inner.umask(mask); }
  times(): CpuTimes { return this.inner.times(); }
  readdir(path: string): string[] { return this.inner.readdir(path); }
  readFile(path: string): string { return this.inner.readFile(path); }
  writeFile(path: string, data: string, append: boolean): void { this.inner.writeFile(path, data, append); }
  homeOf(user: string): string | null { return this.inner.homeOf(user); }
  realpath(path: string): string { return this.inner.realpath(path); }
  chdir(path: string): void { this.inner.chdir(path); }
  environ(): readonly string[] { return this.inner.environ(); }
  hostname(): string { return this.inner.hostname(); }
  username(): string { return this.inner.username(); }
  getuid(): number { return this.inner.getuid(); }
  exit(status: number): never { return this.inner.exit(status); }
  execve(req: ExecRequest): never { return this.inner.execve(req); }
}
