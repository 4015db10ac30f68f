// The simulated kernel: the process table, groups and sessions, the run queue, virtual time and
// the event stream. Everything is deterministic: processes run one at a time in a fixed order,
// timers fire in (time, creation) order, and nothing depends on the wall clock except, by
// choice, the realtime clock policy.

import { ClockPolicy, TimerQueue, type Timer } from './clock.js';
import type { EventListener, ProcState, SimEvent } from './events.js';
import type { MemFs } from './memfs.js';
import { BLOCK, type Outcome } from './outcome.js';
import type { Call, Proc } from './process.js';
import { runProcess } from './run.js';
import { dispatch } from './syscalls/index.js';
import { SyscallEvent } from './syscalls/describe.js';
import type { Tty } from './tty/tty.js';

export interface KernelOptions {
  readonly clock: ClockPolicy;
  readonly fs: MemFs;
  /** RLIMIT_CORE is not 0: core-class deaths report a core dump (0x80 in the status). */
  readonly dumpsCore: boolean;
  /** First pid handed out after init. */
  readonly firstPid?: number;
}

/** Processes run at most this many system calls before the next one gets a turn. */
const SLICE = 256;
/** How many idle turns time waits for busy host code before it jumps anyway (it may be waiting on something else). */
const MAX_BUSY_TURNS = 1000;

export class Kernel {
  readonly procs = new Map<number, Proc>();
  readonly groups = new Map<number, Set<Proc>>();
  readonly sessions = new Map<number, Set<Proc>>();
  readonly timers = new TimerQueue();
  readonly ttys = new Map<string, Tty>();
  readonly fs: MemFs;
  readonly dumpsCore: boolean;
  clock: ClockPolicy;
  now = 0;
  /** Counts system calls and wake-ups: the kernel is idle when a full turn changes nothing. */
  activity = 0;
  private nextPid: number;
  private readonly queue: Proc[] = [];
  private head = 0;
  private listeners: EventListener[] = [];
  tracing = false;
  private scheduled = false;
  private idleCheck = false;
  /** Idle turns in a row in which a host process was still on its way to its next call. */
  private busyTurns = 0;
  private realTimer: ReturnType<typeof setTimeout> | null = null;
  private realBase = { wall: 0, virtual: 0 };
  private paused = false;
  /** Host processes whose handlers must run after this turn. */
  readonly hostDeliveries = new Set<Proc>();
  private readonly idleWaiters: (() => void)[] = [];

  constructor(options: KernelOptions) {
    this.clock = options.clock;
    this.fs = options.fs;
    this.dumpsCore = options.dumpsCore;
    this.nextPid = options.firstPid ?? 2;
    this.realBase = { wall: Date.now(), virtual: 0 };
  }

  // --- events -----------------------------------------------------------------------------

  listen(listener: EventListener): () => void {
    this.listeners.push(listener);
    this.tracing = true;
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
      this.tracing = this.listeners.length > 0;
    };
  }

  emit(e: SimEvent): void {
    for (const l of this.listeners) l(e);
  }

  // --- the table --------------------------------------------------------------------------

  allocPid(): number {
    while (this.procs.has(this.nextPid) || this.groups.has(this.nextPid) || this.sessions.has(this.nextPid)) this.nextPid++;
    return this.nextPid++;
  }

  addProc(p: Proc): void {
    this.procs.set(p.pid, p);
    this.join(this.groups, p.pgid, p);
    this.join(this.sessions, p.sid, p);
  }

  setGroup(p: Proc, pgid: number): void {
    this.leave(this.groups, p.pgid, p);
    p.pgid = pgid;
    this.join(this.groups, pgid, p);
  }

  setSession(p: Proc, sid: number): void {
    this.leave(this.sessions, p.sid, p);
    p.sid = sid;
    this.join(this.sessions, sid, p);
  }

  /** Takes a reaped process out of every table. */
  removeProc(p: Proc): void {
    p.gone = true;
    this.procs.delete(p.pid);
    this.leave(this.groups, p.pgid, p);
    this.leave(this.sessions, p.sid, p);
  }

  members(pgid: number): readonly Proc[] {
    const set = this.groups.get(pgid);
    return set ? [...set] : [];
  }

  private join(map: Map<number, Set<Proc>>, id: number, p: Proc): void {
    let set = map.get(id);
    if (!set) map.set(id, (set = new Set()));
    set.add(p);
  }

  private leave(map: Map<number, Set<Proc>>, id: number, p: Proc): void {
    const set = map.get(id);
    if (!set) return;
    set.delete(p);
    if (set.size === 0) map.delete(id);
  }

  // --- states -----------------------------------------------------------------------------

  setState(p: Proc, to: ProcState, wchan = ''): void {
    const from = p.state;
    if (from === to && p.wchan === wchan) return;
    p.state = to;
    p.wchan = wchan;
    if (this.tracing) this.emit({ kind: 'state', t: this.now, who: p.who, from, to, wchan });
  }

  /** Puts a call to sleep on a wait queue until wake(). */
  sleepOn(call: Call, queue: Set<Call>, wchan: string): typeof BLOCK {
    call.queue = queue;
    call.wchan = wchan;
    call.phase = 'sleep';
    queue.add(call);
    const p = call.proc;
    if (p.thread.kind === 'host') this.settleHost(p);
    else if (p.state === 'R') this.setState(p, 'S', wchan);
    return BLOCK;
  }

  /**
   * A host process (the shell's own code) is asleep when every call it has made sleeps; ps then
   * shows the most telling wait (reading the terminal, before waiting for a child).
   */
  settleHost(p: Proc): void {
    if (p.thread.kind !== 'host' || !p.alive || p.state === 'T' || p.thread.calls.size === 0) return;
    let wchan = '';
    for (const c of p.thread.calls) {
      if (!c.queue) return;
      if (!wchan || c.wchan === 'tty_read') wchan = c.wchan ?? 'wait';
    }
    this.setState(p, 'S', wchan);
  }

  /** Takes a call off its queue (a signal or a timer woke it) without running it yet. */
  unqueue(call: Call): void {
    call.queue?.delete(call);
    call.queue = null;
    if (call.timer) call.timer.cancelled = true;
  }

  wake(queue: Set<Call>): void {
    if (queue.size === 0) return;
    for (const call of [...queue]) {
      this.unqueue(call);
      this.makeRunnable(call.proc);
    }
  }

  makeRunnable(p: Proc): void {
    if (!p.alive || p.state === 'T') return;
    if (p.state === 'S') this.setState(p, 'R');
    this.enqueue(p);
  }

  enqueue(p: Proc): void {
    this.activity++;
    if (!p.queued) {
      p.queued = true;
      this.queue.push(p);
    }
    this.schedule();
  }

  // --- system calls -----------------------------------------------------------------------

  execute(call: Call): Outcome<unknown> {
    this.activity++;
    const result = dispatch(this, call);
    if (this.tracing && result !== BLOCK && typeof result !== 'symbol') {
      const p = call.proc;
      this.emit(new SyscallEvent(this.now, p.who, call.req, result));
    }
    return result;
  }

  // --- time -------------------------------------------------------------------------------

  addTimer(ms: number, fire: () => void): Timer {
    return this.timers.add(this.now + Math.max(0, ms), fire);
  }

  /** Manual clock: moves time forward by ms, firing the timers on the way and letting everything settle after each. */
  async advance(ms: number): Promise<void> {
    const target = this.now + ms;
    await this.settle();
    for (let t = this.timers.peek(); t && t.at <= target; t = this.timers.peek()) {
      this.fireDue(t.at);
      await this.settle();
    }
    this.now = Math.max(this.now, target);
    await this.settle();
  }

  pause(paused: boolean): void {
    if (this.clock.kind !== 'realtime' || paused === this.paused) return;
    this.realBase = { wall: Date.now(), virtual: this.wallVirtual() };
    this.paused = paused;
    if (this.realTimer) clearTimeout(this.realTimer);
    this.realTimer = null;
    if (!paused) this.schedule();
  }

  /**
   * The paused realtime clock moves to the next timer's deadline and fires what is due then
   * (the UI's single step); the processes it wakes run at once. Returns the new time, or null
   * when the clock is not paused or no timer is set.
   */
  stepClock(): number | null {
    if (this.clock.kind !== 'realtime' || !this.paused) return null;
    const next = this.timers.peek();
    if (!next) return null;
    this.fireDue(next.at);
    this.realBase = { wall: Date.now(), virtual: this.now };
    this.runNow();
    this.schedule();
    return this.now;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Realtime clock: where virtual time stood at the last base, plus wall time since, times the scale. */
  private wallVirtual(): number {
    if (this.clock.kind !== 'realtime' || this.paused) return this.realBase.virtual;
    return this.realBase.virtual + (Date.now() - this.realBase.wall) * this.clock.scale;
  }

  /**
   * Realtime clock: an outside event happens now. Virtual time moves only here and when a
   * timer fires (to the timer's own time), so a session replays from its recorded keystrokes.
   */
  syncRealtime(): void {
    if (this.clock.kind !== 'realtime') return;
    const v = Math.floor(this.wallVirtual());
    if (v > this.now) this.now = v;
  }

  // --- the run loop -----------------------------------------------------------------------

  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.turn());
  }

  /** Resolves when nothing can run and no host code is busy (a full turn passed without activity). */
  settle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.schedule();
    });
  }

  /**
   * Runs what can run now, without waiting for the next turn: keys typed on the real keyboard
   * reach a sleeping reader before the next key arrives, as a real terminal's reader wakes at
   * once (a ^C right after a word would otherwise flush the word before anyone read it).
   */
  runNow(): void {
    this.runQueued();
    this.runHostHandlers();
  }

  private turn(): void {
    this.scheduled = false;
    this.runQueued();
    this.runHostHandlers();
    if (this.head < this.queue.length) return this.schedule();
    this.whenIdle();
  }

  /** Runs every runnable process until none is left (processes that used their slice go to the back). */
  runQueued(): void {
    while (this.head < this.queue.length) {
      const p = this.queue[this.head++]!;
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue.splice(0, this.head);
        this.head = 0;
      }
      p.queued = false;
      if (p.alive && p.state !== 'T') runProcess(this, p, SLICE);
    }
    this.queue.length = 0;
    this.head = 0;
  }

  private runHostHandlers(): void {
    for (const p of [...this.hostDeliveries]) {
      this.hostDeliveries.delete(p);
      if (p.thread.kind !== 'host' || !p.alive) continue;
      const sigs = p.thread.queued;
      p.thread.queued = [];
      for (const sig of sigs) for (const h of [...(p.thread.handlers.get(sig) ?? [])]) h();
    }
  }

  /** Nothing is runnable: after one more turn with no activity, let the clock policy move time. */
  private whenIdle(): void {
    if (this.idleCheck) return;
    this.idleCheck = true;
    const mark = this.activity;
    setImmediate(() => {
      this.idleCheck = false;
      if (this.activity !== mark || this.scheduled || this.head < this.queue.length) return this.schedule();
      this.quiescent();
    });
  }

  private quiescent(): void {
    for (const resolve of this.idleWaiters.splice(0)) resolve();
    const next = this.timers.peek();
    if (!next) return;
    if (this.clock.kind === 'jump') {
      // The shell's own code may be a few promises away from its next call (it reaped one job
      // and is about to start the next): on Linux it runs meanwhile, so time waits for it.
      if (this.hostBusy() && this.busyTurns++ < MAX_BUSY_TURNS) return this.whenIdle();
      this.busyTurns = 0;
      this.fireDue(next.at);
      this.schedule();
    } else if (this.clock.kind === 'realtime' && !this.paused) {
      this.armRealTimer(next);
    }
  }

  /** Whether a host process is alive, not stopped, and has no call in the kernel: it is running. */
  private hostBusy(): boolean {
    for (const p of this.procs.values()) {
      if (p.thread.kind === 'host' && p.alive && p.state !== 'T' && p.thread.calls.size === 0) return true;
    }
    return false;
  }

  /**
   * Fires every timer due at or before `at`, in order, before any process runs: sleepers with
   * the same deadline wake together, as one timer tick wakes them on Linux.
   */
  private fireDue(at: number): void {
    for (let t = this.timers.peek(); t && t.at <= at; t = this.timers.peek()) {
      this.timers.pop();
      this.now = Math.max(this.now, t.at);
      t.fire();
    }
  }

  private armRealTimer(next: Timer): void {
    if (this.realTimer) clearTimeout(this.realTimer);
    const scale = this.clock.kind === 'realtime' ? this.clock.scale : 1;
    const delay = Math.max(0, (next.at - this.wallVirtual()) / scale);
    this.realTimer = setTimeout(() => {
      this.realTimer = null;
      // Only the earliest deadline's timers: later ones fire after the processes they woke have
      // run, as a replay on the manual clock does it.
      const first = this.timers.peek();
      if (first && first.at <= this.wallVirtual()) this.fireDue(first.at);
      this.schedule();
    }, delay);
  }

  /** Called when an outside event (keyboard input) arrives: stamp it with the current time. */
  external(): void {
    this.syncRealtime();
    if (this.realTimer) {
      clearTimeout(this.realTimer);
      this.realTimer = null;
    }
    this.activity++;
    this.schedule();
  }
}
