// The process table of a simulated kernel (`jcsh --sim --events FILE`), rebuilt from its event
// stream: simulated processes are not in /proc. The file grows while the shell runs; every
// question first reads what was appended since the last one. The event types are the
// simulator's (src/os/sim/events.ts); the toolkit must not import the shell, so only the
// fields used here are declared, and unknown kinds are skipped.

import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { isAlive, type KillTarget, type ProcessSource } from './procsource.js';
import type { ProcessInfo } from './types.js';

interface Who {
  readonly pid: number;
  readonly pgid: number;
  readonly comm: string;
}

/** The event kinds the table needs (a subset of the simulator's SimEvent). */
type Event =
  | { readonly kind: 'fork'; readonly child: Who; readonly ppid: number; readonly sid: number }
  | { readonly kind: 'exec'; readonly who: Who; readonly argv: readonly string[] }
  | { readonly kind: 'state'; readonly who: Who; readonly to: string; readonly wchan: string }
  | { readonly kind: 'setpgid'; readonly who: Who; readonly pgid: number }
  | { readonly kind: 'setsid'; readonly who: Who }
  | { readonly kind: 'exit'; readonly who: Who }
  | { readonly kind: 'reparent'; readonly who: Who; readonly to: number }
  | { readonly kind: 'reaped'; readonly who: Who }
  | { readonly kind: 'tty'; readonly what: string; readonly who: Who | null; readonly pgid: number | null }
  | { readonly kind: 'syscall'; readonly who: Who; readonly call: string };

/** The wait channel of a simulated read of the terminal: a process there is idle at input. */
export const TTY_READ = 'tty_read';

/** Linux keeps 15 characters of the executable's name (TASK_COMM_LEN). */
const COMM_MAX = 15;

interface Row {
  pid: number;
  ppid: number;
  pgid: number;
  sid: number;
  state: string;
  wchan: string;
  comm: string;
  args: readonly string[];
  /** A read of the terminal is under way (it began sleeping in tty_read and has not returned). */
  ttyRead: boolean;
}

/** A simulated process, as /proc would describe it, plus the wait channel it sleeps in. */
export interface SimProcessInfo extends ProcessInfo {
  readonly wchan: string;
  /** It sleeps with a read of the terminal under way. */
  readonly readingTty: boolean;
}

/** Lines appended to a file since the last call; a partial last line waits for its end. */
class LineFollower {
  #offset = 0;
  #partial = '';

  constructor(readonly path: string) {}

  read(): string[] {
    let fd: number;
    try {
      fd = openSync(this.path, 'r');
    } catch {
      return []; // not created yet: the shell has not started its kernel
    }
    const chunks: Buffer[] = [];
    try {
      const buffer = Buffer.alloc(64 * 1024);
      for (;;) {
        const n = readSync(fd, buffer, 0, buffer.length, this.#offset);
        if (n === 0) break;
        chunks.push(Buffer.from(buffer.subarray(0, n)));
        this.#offset += n;
      }
    } finally {
      closeSync(fd);
    }
    // Bytes, then text: a multi-byte character may straddle two reads only inside a line.
    const text = this.#partial + Buffer.concat(chunks).toString('utf8');
    const lines = text.split('\n');
    this.#partial = lines.pop() ?? '';
    return lines.filter((line) => line.trim() !== '');
  }
}

/** The table the events describe; {@link apply} one event at a time. */
export class SimTable {
  readonly rows = new Map<number, Row>();
  /** The terminal's foreground group as the driver last set it (may name a group that is gone). */
  foreground: number | null = null;
  /** The process that acquired the controlling terminal: the session's leader, i.e. the shell. */
  cttyLeader: number | null = null;
  /** Every pid and pgid that ever existed, for normalizing transcripts. */
  readonly seen = new Set<number>();

  apply(e: Event): void {
    switch (e.kind) {
      case 'fork': {
        const parent = this.rows.get(e.ppid);
        this.add({ pid: e.child.pid, ppid: e.ppid, pgid: e.child.pgid, sid: e.sid, state: 'R', wchan: '', comm: e.child.comm, args: parent?.args ?? [], ttyRead: false });
        return;
      }
      case 'exec':
        this.update(e.who, (r) => {
          r.comm = basename(e.argv[0] ?? r.comm).slice(0, COMM_MAX);
          r.args = [...e.argv];
        });
        return;
      case 'state':
        this.update(e.who, (r) => {
          r.state = e.to;
          r.wchan = e.wchan;
          if (e.to === 'S' && e.wchan === TTY_READ) r.ttyRead = true;
        });
        return;
      case 'syscall':
        // A call is logged when it returns: a read that returned is no longer under way.
        if (e.call === 'read') this.update(e.who, (r) => (r.ttyRead = false));
        return;
      case 'setpgid':
        this.update(e.who, (r) => (r.pgid = e.pgid));
        this.seen.add(e.pgid);
        return;
      case 'setsid':
        this.update(e.who, (r) => (r.sid = r.pgid = r.pid));
        return;
      case 'exit':
        this.update(e.who, (r) => {
          r.state = 'Z';
          r.wchan = '';
          r.ttyRead = false;
        });
        return;
      case 'reparent':
        this.update(e.who, (r) => (r.ppid = e.to));
        return;
      case 'reaped':
        this.rows.delete(e.who.pid);
        return;
      case 'tty':
        // Acquiring the terminal makes the leader's group the foreground (rule C6.1); losing it leaves none.
        if (e.what === 'foreground' || e.what === 'ctty') this.foreground = e.pgid;
        if (e.what === 'lost-ctty') this.foreground = null;
        if (e.what === 'ctty' && e.who !== null && this.cttyLeader === null) this.cttyLeader = e.who.pid;
        return;
    }
  }

  add(row: Row): void {
    this.rows.set(row.pid, row);
    this.seen.add(row.pid);
    this.seen.add(row.pgid);
  }

  /** A process the table has not heard of yet (booted before the stream began) joins as it is named. */
  update(who: Who, change: (r: Row) => void): void {
    let row = this.rows.get(who.pid);
    if (row === undefined) {
      row = { pid: who.pid, ppid: 0, pgid: who.pgid, sid: 0, state: 'R', wchan: '', comm: who.comm, args: [], ttyRead: false };
      this.add(row);
    }
    change(row);
  }
}

function parseEvent(line: string): Event | null {
  try {
    const value = JSON.parse(line) as { kind?: unknown };
    return typeof value === 'object' && value !== null && typeof value.kind === 'string' ? (value as Event) : null;
  } catch {
    return null; // not an event line: ignore it rather than stop following the stream
  }
}

/**
 * The simulated session of a pty whose program is `jcsh --sim --events FILE`. The shell is
 * the process that acquired the controlling terminal (else the first session leader after
 * init); `realPid` is the node process in the pty, the only one a real signal can reach.
 */
export class SimView implements ProcessSource {
  readonly #follower: LineFollower;
  readonly #table = new SimTable();

  constructor(
    readonly eventsFile: string,
    readonly realPid: number,
  ) {
    this.#follower = new LineFollower(eventsFile);
  }

  /** Read what the kernel logged since the last question. */
  refresh(): SimTable {
    for (const line of this.#follower.read()) {
      const event = parseEvent(line);
      if (event !== null) this.#table.apply(event);
    }
    return this.#table;
  }

  get shellPid(): number {
    const table = this.refresh();
    if (table.cttyLeader !== null) return table.cttyLeader;
    const leader = [...table.rows.values()].filter((r) => r.pid !== 1 && r.pid === r.sid).sort((a, b) => a.pid - b.pid)[0];
    return leader?.pid ?? -1;
  }

  /** Pids and pgids that ever existed in the simulation. */
  seenPids(): ReadonlySet<number> {
    return this.refresh().seen;
  }

  #info(r: Row): SimProcessInfo {
    const tpgid = this.#table.foreground ?? -1;
    const readingTty = r.state === 'S' && (r.wchan === TTY_READ || r.ttyRead);
    return { pid: r.pid, ppid: r.ppid, pgid: r.pgid, sid: r.sid, tpgid, state: r.state, comm: r.comm, args: r.args, wchan: r.wchan, readingTty };
  }

  processes(): SimProcessInfo[] {
    const shell = this.shellPid;
    const sid = this.#table.rows.get(shell)?.sid;
    return [...this.#table.rows.values()]
      .filter((r) => sid === undefined || r.sid === sid)
      .sort((a, b) => a.pid - b.pid)
      .map((r) => this.#info(r));
  }

  process(pid: number): SimProcessInfo | null {
    const row = this.refresh().rows.get(pid);
    return row === undefined ? null : this.#info(row);
  }

  foregroundPgid(): number {
    const fg = this.foregroundPgidOrNull();
    if (fg === null) throw new Error('foregroundPgid: the simulated terminal has no foreground group (yet)');
    return fg;
  }

  foregroundPgidOrNull(): number | null {
    return this.refresh().foreground;
  }

  foregroundProcesses(): SimProcessInfo[] {
    const fg = this.foregroundPgidOrNull();
    return this.processes().filter((p) => p.pgid === fg && isAlive(p));
  }

  zombies(parent: number | 'any'): SimProcessInfo[] {
    const all = [...this.refresh().rows.values()].map((r) => this.#info(r));
    return all.filter((p) => p.state === 'Z' && (parent === 'any' || p.ppid === parent));
  }

  /**
   * Asleep with a read of the terminal under way. Usually its wait channel says tty_read; the
   * shell may also wait for child events at the same time (as a real one sits in epoll_wait),
   * and then its wait channel names the last sleep it went into.
   */
  waitingForInput(pid: number): boolean | null {
    const p = this.process(pid);
    return p === null ? null : p.readingTty;
  }

  /** Every process of the foreground group sleeps reading the terminal. */
  foregroundIdle(): boolean {
    const group = this.foregroundProcesses();
    return group.length > 0 && group.every((p) => p.readingTty);
  }

  killTarget(target: KillTarget): number {
    if (target === 'process') return this.realPid;
    throw new Error(`cannot send a real signal to ${typeof target === 'number' ? target : `the ${target}`}: its processes are simulated`);
  }
}
