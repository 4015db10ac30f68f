// The trap table (XCU 2.14 trap): what the shell does on each signal and on EXIT (0), and the
// signals caught but not yet handled. The table decides; the port sets the dispositions, and
// the actions run at the executor's safe points (trap-run.ts), never inside a signal handler.
//
// bash's rules kept here:
// - a non-interactive shell cannot trap or reset a signal ignored when it started; it still
//   lists it as ignored;
// - a subshell lists its parent's traps until it sets or resets one (POSIX 2024 asks for the
//   same); caught signals are back at their default there, ignored ones stay ignored;
// - with an EXIT trap, a non-interactive shell runs it before it dies of a signal;
// - SIGKILL, SIGSTOP and glibc's signals 32 and 33 can be "trapped" but nothing changes;
//   SIGCHLD keeps the shell's own disposition, which is how it learns of its children: its
//   action runs once for each child reaped.
//
// A copy of the shell run in the same process (`$(…)`, a builtin in a pipeline) stands for a
// child bash would fork. A signal sent to the process is sent to `$$`, the parent in bash, so
// only the table of the shell that owns the process (the root) sets dispositions and takes
// caught signals; a copy's traps are listed, passed on as ignored to its children, and run for
// its EXIT and its own children's SIGCHLD. A signal the root dies of (caught only for its
// EXIT trap) still ends the process at once while a copy runs, as bash's parent dies at once.

import type { OsPort } from '../os/port.js';
import { SIG } from '../os/signals.js';

export const EXIT = 0;
/**
 * The shell's own conditions, numbered after the signals as bash numbers them (NSIG and on),
 * so that `trap` lists them after the signals: DEBUG, ERR, RETURN.
 */
export const DEBUG = 65;
export const ERR = 66;
export const RETURN = 67;

/** A real signal, which has a disposition (not EXIT, DEBUG, ERR or RETURN). */
function isSignal(sig: number): boolean {
  return sig > EXIT && sig < DEBUG;
}

/**
 * Signals that end a shell by default and that a non-interactive shell with an EXIT trap
 * catches, so as to run the trap before it dies of them (bash's terminating signals, less
 * those that dump core and those Node itself handles).
 */
const TERMINATING: readonly number[] = [SIG.HUP, SIG.INT, 10, 12, 14, SIG.TERM, 24, 25, 26];

/** Signals whose disposition a trap leaves alone (see above; 32 and 33 are glibc's own). */
const UNTOUCHABLE: ReadonlySet<number> = new Set([SIG.KILL, SIG.STOP, SIG.CHLD, 32, 33]);

const NONE: readonly number[] = [];

/**
 * Caught signals waiting for a safe point. One per process: a copy of the shell running in the
 * same process (`$(…)`, a builtin in a pipeline) shares it with the shell it copies.
 */
class Inbox {
  private pending: number[] = [];
  private readonly listeners = new Set<() => void>();
  private listening = false;

  constructor(readonly port: OsPort) {}

  /** Wakes listeners once caught signals arrive (only needed once something is caught). */
  listen(): void {
    if (this.listening) return;
    this.listening = true;
    this.port.onCaught(() => {
      for (const listener of [...this.listeners]) listener();
    });
  }

  /** Calls `listener` whenever caught signals arrive, until the returned function is called. */
  onArrival(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The first pending signal `wanted` accepts, taken out; the others stay. */
  take(wanted: (sig: number) => boolean): number | undefined {
    const i = this.find(wanted);
    return i < 0 ? undefined : this.pending.splice(i, 1)[0];
  }

  /** The first pending signal `wanted` accepts, left pending. */
  peek(wanted: (sig: number) => boolean): number | undefined {
    const i = this.find(wanted);
    return i < 0 ? undefined : this.pending[i];
  }

  private find(wanted: (sig: number) => boolean): number {
    const caught = this.port.caughtSignals();
    if (caught.length > 0) this.pending.push(...caught);
    return this.pending.findIndex(wanted);
  }

  /** A signal the shell learnt of some other way than a handler (SIGCHLD by reaping). */
  add(sig: number): void {
    this.pending.push(sig);
  }

  /** Forgets pending signals nobody has an action for any more. */
  drop(unwanted: (sig: number) => boolean): void {
    this.pending = this.pending.filter((sig) => !unwanted(sig));
  }
}

/** The ERR and RETURN actions a function call set aside (Traps.enterFunction). */
export interface SetAside {
  readonly err: string | undefined;
  readonly ret: string | undefined;
}

export interface TrapSetup {
  readonly interactive: boolean;
  /** The parent's listing, for a shell started as a copy of another in a new process. */
  readonly parentTraps?: readonly (readonly [number, string])[];
}

export class Traps {
  /** The action of each trapped condition; '' ignores the signal. */
  private readonly actions = new Map<number, string>();
  /** What `trap` lists in a subshell that has not changed a trap yet: its parent's traps. */
  private listed: ReadonlyMap<number, string> | null = null;
  /** Ignored when a non-interactive shell started: they can be neither trapped nor reset. */
  private readonly locked: ReadonlySet<number>;
  /** Ignored by the parent's trap, so that resetting means the default, not ignoring. */
  private readonly parentIgnored = new Set<number>();
  /** Terminating signals caught only for the EXIT trap to run before the shell dies of them. */
  private readonly fatal = new Set<number>();
  /** Some signal has an action to run: the executor then looks for caught signals. */
  catching = false;
  /** Signals a trap ignores, which children and subshells start with ignored. */
  ignored: readonly number[] = NONE;
  /** A trap action is running: signals caught meanwhile wait for the next safe point. */
  running = false;
  /** The table of the shell that owns the process: this one, or the one a copy was made from. */
  private readonly root: Traps;
  /** A copy's children reaped, for its SIGCHLD action (the root's go through the inbox). */
  private reaped = 0;

  private constructor(
    private readonly port: OsPort,
    private readonly inbox: Inbox,
    locked: ReadonlySet<number>,
    root: Traps | null,
    private readonly interactive: boolean,
  ) {
    this.locked = locked;
    this.root = root ?? this;
  }

  /** The table of a shell process: empty, or its parent's when it is a subshell's copy. */
  static start(port: OsPort, setup: TrapSetup): Traps {
    const parent = new Map(setup.parentTraps ?? []);
    const locked = new Set<number>();
    for (const sig of port.inheritedIgnored()) {
      if (parent.get(sig) === '') continue;
      if (!setup.interactive) locked.add(sig);
    }
    const traps = new Traps(port, new Inbox(port), locked, null, setup.interactive);
    for (const sig of locked) traps.actions.set(sig, '');
    for (const [sig, action] of parent) {
      if (action !== '') continue;
      traps.actions.set(sig, '');
      traps.parentIgnored.add(sig);
    }
    if (setup.parentTraps) traps.listed = parent;
    traps.recount();
    return traps;
  }

  /**
   * The table of a subshell run in this same process: caught signals are its parent's (the
   * process still catches them for the root), ignored ones stay, and it lists the parent's.
   */
  copy(errtrace: boolean, functrace: boolean): Traps {
    const copy = new Traps(this.port, this.inbox, this.locked, this.root, false);
    for (const [sig, action] of this.actions) if (action === '' && isSignal(sig)) copy.actions.set(sig, '');
    copy.listed = new Map(this.listing());
    copy.inherit(this.actions, errtrace, functrace);
    copy.recount();
    return copy;
  }

  /**
   * A subshell gets its parent's ERR trap in force with errtrace on (`set -E`), and its RETURN
   * trap with functrace on (`set -T`); otherwise it only lists them.
   */
  inherit(parent: ReadonlyMap<number, string>, errtrace: boolean, functrace: boolean): void {
    if (errtrace) this.inheritOne(parent, ERR);
    if (functrace) this.inheritOne(parent, RETURN);
  }

  private inheritOne(parent: ReadonlyMap<number, string>, condition: number): void {
    const action = parent.get(condition);
    if (action !== undefined && !this.actions.has(condition)) this.actions.set(condition, action);
  }

  /** The ERR and RETURN traps in force here, for a subshell to inherit. */
  traced(): (readonly [number, string])[] {
    return [ERR, RETURN].flatMap((c) => {
      const action = this.actions.get(c);
      return action === undefined ? [] : [[c, action] as const];
    });
  }

  /**
   * A function call starts: bash sets aside the ERR trap without errtrace (`set -E`) and the
   * RETURN trap without functrace (`set -T`), so that the function neither runs nor lists
   * them. Returns what leaveFunction puts back; null when nothing was set aside.
   */
  enterFunction(errtrace: boolean, functrace: boolean): SetAside | null {
    const err = errtrace ? undefined : this.actions.get(ERR);
    const ret = functrace ? undefined : this.actions.get(RETURN);
    if (err === undefined && ret === undefined) return null;
    if (err !== undefined) this.actions.delete(ERR);
    if (ret !== undefined) this.actions.delete(RETURN);
    return { err, ret };
  }

  /** The call returned: what was set aside is back, unless the function set a trap of its own. */
  leaveFunction(aside: SetAside | null): void {
    if (aside === null) return;
    if (aside.err !== undefined && !this.actions.has(ERR)) this.actions.set(ERR, aside.err);
    if (aside.ret !== undefined && !this.actions.has(RETURN)) this.actions.set(RETURN, aside.ret);
  }

  /** The action for a condition, or undefined when it is at its default. */
  action(sig: number): string | undefined {
    return this.actions.get(sig);
  }

  /** True when this process has a trap on sig (the root's: a copy's traps catch nothing). */
  holds(sig: number): boolean {
    return this.root.actions.has(sig);
  }

  /** What `trap` lists: [condition, action] in bash's order (EXIT, the signals by number, DEBUG, ERR, RETURN). */
  listing(): (readonly [number, string])[] {
    const source = this.listed ?? this.actions;
    return [...source].sort(([a], [b]) => a - b);
  }

  /** `trap action sig`, `trap '' sig` (ignore) or `trap - sig` (null: the default). */
  set(sig: number, action: string | null): void {
    if (this.locked.has(sig)) return;
    this.listed = null;
    if (action === null) this.actions.delete(sig);
    else this.actions.set(sig, action);
    if (this.root === this) {
      if (isSignal(sig) && !UNTOUCHABLE.has(sig)) this.dispose(sig, action);
      this.armTerminating();
    }
    this.recount();
  }

  /** Catches the terminating signals without a trap of their own while there is an EXIT trap. */
  private armTerminating(): void {
    const exit = !this.interactive && !!this.actions.get(EXIT);
    for (const sig of TERMINATING) {
      const wanted = exit && !this.actions.has(sig) && !this.locked.has(sig);
      if (wanted === this.fatal.has(sig)) continue;
      if (wanted) {
        this.fatal.add(sig);
        this.port.trapSignal(sig, 'catch');
        this.inbox.listen();
      } else {
        this.fatal.delete(sig);
        // A trap of its own has just set its disposition; otherwise it goes back to the default.
        if (!this.actions.has(sig)) this.port.trapSignal(sig, 'release');
      }
    }
  }

  /** Terminating signals are caught for the root's EXIT trap: a wait must wake up for them. */
  get guardingExit(): boolean {
    return this.root.fatal.size > 0;
  }

  /** A terminating signal caught for the root's EXIT trap, left in the inbox. */
  pendingTerminating(): number | undefined {
    return this.guardingExit ? this.inbox.peek((s) => this.isTerminating(s)) : undefined;
  }

  /** The signal was caught only so that the root's EXIT trap runs before the process dies of it. */
  isTerminating(sig: number): boolean {
    const root = this.root;
    return root.fatal.has(sig) && !root.actions.has(sig);
  }

  private dispose(sig: number, action: string | null): void {
    if (action !== null) {
      this.port.trapSignal(sig, action === '' ? 'ignore' : 'catch');
      if (action !== '') this.inbox.listen();
      return;
    }
    this.port.trapSignal(sig, 'release');
    if (this.parentIgnored.delete(sig)) this.port.setSignalAction(sig, 'default');
  }

  private recount(): void {
    let catching = this.root !== this && !!this.actions.get(SIG.CHLD);
    const ignored: number[] = [];
    for (const [sig, action] of this.actions) {
      if (!isSignal(sig)) continue;
      if (action === '') ignored.push(sig);
      else if (this.root === this) catching = true;
    }
    this.catching = catching || this.root.fatal.size > 0;
    this.ignored = ignored.length === 0 ? NONE : ignored;
  }

  /** The EXIT action, taken out so that it runs once; undefined when there is none. */
  takeExit(): string | undefined {
    const action = this.actions.get(EXIT);
    this.actions.delete(EXIT);
    return action === '' ? undefined : action;
  }

  /** The next caught signal this table has an action for (or dies of), taken out of the inbox. */
  nextCaught(): number | undefined {
    const sig = this.inbox.take((s) => this.handles(s));
    if (sig !== undefined || this.root !== this) return sig ?? this.nextReaped();
    this.inbox.drop((s) => !this.handles(s));
    return undefined;
  }

  /** A copy's own child reaped, for its SIGCHLD action. */
  private nextReaped(): number | undefined {
    if (this.reaped === 0 || !this.actions.get(SIG.CHLD)) return undefined;
    this.reaped--;
    return SIG.CHLD;
  }

  private handles(sig: number): boolean {
    if (this.root !== this) return this.isTerminating(sig);
    return !!this.actions.get(sig) || this.fatal.has(sig);
  }

  /** The first caught signal among `sigs` that has an action, left in the inbox. */
  peekCaught(sigs: readonly number[]): number | undefined {
    return this.inbox.peek((s) => sigs.includes(s) && this.handles(s));
  }

  /**
   * A caught signal that ends a `wait` (left in the inbox for its action to run after it).
   * Not SIGCHLD: `wait` goes on while children end, and their actions run after it, as in bash.
   */
  interruptingSignal(): number | undefined {
    return this.inbox.peek((s) => s !== SIG.CHLD && this.handles(s));
  }

  /**
   * A child was reaped: with a trap on SIGCHLD, its action runs once for it, as bash runs it
   * for each child it reaps (the shell's own SIGCHLD disposition is left alone, see above).
   */
  childEnded(): void {
    if (!this.actions.get(SIG.CHLD)) return;
    if (this.root === this) this.inbox.add(SIG.CHLD);
    else this.reaped++;
  }

  /** Calls `listener` when caught signals arrive (to wake a waiting builtin). */
  onArrival(listener: () => void): () => void {
    return this.inbox.onArrival(listener);
  }
}
