// The backend on the real kernel: the engine (jcsh's plain shell) runs in node-pty, its output
// goes to the terminal pane, and the panels are drawn from three sources that each know their
// part: the engine's private channel (the job table and what the shell did and saw), /proc
// (every process of the session) and the pty master (the terminal's modes).
//
// Snapshots are rebuilt after each channel message and each burst of output, at most every
// SNAPSHOT_MS, and every POLL_MS only while the session has processes besides the engine (a
// job can change without telling the shell, say a `sleep` turning into a zombie's parent):
// an idle prompt costs nothing. Finding the session's processes means reading every process's
// stat; output alone (a big `cat`) brings no new process, so between two such full reads at
// most FULL_SCAN_MS apart only the known members are read again.

import { createRequire } from 'node:module';
import type { IPty } from 'node-pty';
import { packagePaths } from '../../os/linux/native.js';
import { signalName } from '../../os/signals.js';
import type { Backend, BackendListeners, Size } from '../../ui/backend.js';
import type { JobRow, ProcRow, Snapshot, TimelineEntry } from '../../ui/model.js';
import { AdoptedPty } from './adopted.js';
import { ChannelServer } from './channel.js';
import type { LaunchedEngine } from './launched.js';
import { readSession, rereadSession, terminalInfo } from './procfs.js';
import { CHANNEL_VARIABLE, type EngineMessage } from './protocol.js';
import { hangUpSession } from './session.js';
import { Throttle } from './throttle.js';

/** node-pty, loaded when an engine is started here: an adopted one (jcsh-launch) needs none of it. */
let nodePty: typeof import('node-pty') | undefined;
function loadNodePty(): typeof import('node-pty') {
  nodePty ??= createRequire(import.meta.url)('node-pty') as typeof import('node-pty');
  return nodePty;
}

const SNAPSHOT_MS = 50;
/** Output alone (a `cat` flooding the pane) changes little in the panels: a slower refresh. */
const OUTPUT_SNAPSHOT_MS = 250;
const POLL_MS = 1000;
const FULL_SCAN_MS = 250;

export interface RealBackendOptions {
  /** Arguments after `--plain` (tests pass `--norc`). */
  readonly args?: readonly string[];
  /** Variables added to the user's environment for the engine. */
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
  /** The engine jcsh-launch started, used as the first engine instead of starting one. */
  readonly launched?: LaunchedEngine | null;
}

/** What the backend uses of an engine's terminal: node-pty's (IPty, its master fd, a destroy that closes it) or an adopted one. */
type UnixPty = Pick<IPty, 'pid' | 'onData' | 'onExit' | 'write' | 'resize' | 'pause' | 'resume'> & { readonly _fd?: number; destroy(): void };

export class RealBackend implements Backend {
  readonly kernel = 'linux' as const;
  readonly clock = null;
  private listeners: BackendListeners | null = null;
  private size: Size = { cols: 80, rows: 24 };
  private engine: UnixPty | null = null;
  private server: ChannelServer | null = null;
  /** The last engine's pid: the session's id, also after the engine died. */
  private sid = 0;
  private jobs: readonly JobRow[] = [];
  /** Wall-clock start of the UI's session, and of the engine's clock (its hello). */
  private sessionStart = Date.now();
  private engineStart: number | null = null;
  private pending: TimelineEntry[] = [];
  private lastSnapshot = '';
  private processes: ProcRow[] = [];
  /** Something may have started a process: the next snapshot reads every process's stat. */
  private fullWanted = true;
  private lastFull = -Infinity;
  private readonly refresh = new Throttle(() => this.pushSnapshot(), SNAPSHOT_MS);
  private readonly outputRefresh = new Throttle(() => this.refresh.request(), OUTPUT_SNAPSHOT_MS);
  private poll: NodeJS.Timeout | undefined;
  private closed = false;
  private launched: LaunchedEngine | null;

  constructor(private readonly options: RealBackendOptions = {}) {
    this.launched = options.launched ?? null;
  }

  /** The engine's pid while it runs. */
  get enginePid(): number | null {
    return this.engine?.pid ?? null;
  }

  start(size: Size, listeners: BackendListeners): void {
    this.size = size;
    this.listeners = listeners;
    this.sessionStart = Date.now();
    this.server = new ChannelServer({
      message: (m) => this.message(m),
      note: (text) => this.note(text),
      // Only the engine of the moment may speak: not a job, not an engine that was replaced.
      accept: (peer) => peer.pid === this.engine?.pid,
    }, this.launched ? { listening: { fd: this.launched.listener, path: this.launched.path } } : {});
    this.spawnEngine();
  }

  private spawnEngine(): void {
    const engine = this.launched ? this.adopt(this.launched) : this.spawnInPty();
    if (engine === null) return;
    this.engine = engine;
    this.sid = engine.pid;
    this.note(`engine ${engine.pid} started`);
    this.jobs = [];
    this.engineStart = null;
    engine.onData((data) => {
      this.listeners?.output(data);
      this.outputRefresh.request();
    });
    engine.onExit(({ exitCode, signal }) => this.ended(engine, exitCode, signal ?? 0));
    this.refreshAll();
  }

  /** The engine jcsh-launch started, at the size the UI chose (the same, unless the rules differ). */
  private adopt(launched: LaunchedEngine): UnixPty {
    this.launched = null;
    const engine = new AdoptedPty(launched);
    if (launched.cols !== this.size.cols || launched.rows !== this.size.rows) engine.resize(this.size.cols, this.size.rows);
    return engine;
  }

  private spawnInPty(): UnixPty | null {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...process.env, ...this.options.env })) if (v !== undefined) env[k] = v;
    // The pane's size is the terminal's: stale values would mislead programs that read them.
    delete env.COLUMNS;
    delete env.LINES;
    // A new terminal's shell starts with every signal at its default (node-pty resets them):
    // what the UI inherited as ignored is not the engine's.
    // (JCSH_SIGIGN: src/os/linux/port.ts, which the UI does not load.)
    delete env.JCSH_SIGIGN;
    env.TERM = 'xterm-256color';
    env[CHANNEL_VARIABLE] = this.server!.path;
    // utf8: node-pty then sets IUTF8 on the terminal (the kernel's line editing erases whole
    // characters), and its decoder keeps a character split across two reads whole; bytes that
    // are not UTF-8 become U+FFFD, as any UTF-8 terminal shows them.
    try {
      return loadNodePty().spawn(process.execPath, [packagePaths().shell, '--plain', ...(this.options.args ?? [])], {
        name: 'xterm-256color', cols: this.size.cols, rows: this.size.rows, cwd: this.options.cwd ?? process.cwd(),
        env, encoding: 'utf8',
      }) as unknown as UnixPty;
    } catch (err) {
      // No pty left, or no such directory: said in the Timeline, and restart() may try again.
      this.note(`cannot start the engine: ${err instanceof Error ? err.message : String(err)}`);
      this.listeners?.exit({ code: 127, signal: null });
      return null;
    }
  }

  private ended(engine: UnixPty, exitCode: number, signal: number): void {
    if (this.engine !== engine || this.closed) return;
    this.engine = null;
    this.jobs = [];
    const name = signal > 0 ? `SIG${signalName(signal) ?? signal}` : null;
    this.note(`engine ${engine.pid} ended: ${name ? `killed by ${name}` : `exit ${exitCode}`}`);
    this.listeners?.exit({ code: name ? null : exitCode, signal: name });
    this.refreshAll();
  }

  private message(m: EngineMessage): void {
    switch (m.t) {
      case 'hello':
        this.engineStart = m.start;
        break;
      case 'jobs':
        this.jobs = m.jobs;
        break;
      case 'event':
        // The engine counts from its own start; the Timeline from the UI's.
        this.timeline({ ...m.entry, time: m.entry.time + (this.engineStart ?? this.sessionStart) - this.sessionStart });
        break;
    }
    this.refreshAll();
  }

  private refreshAll(): void {
    this.fullWanted = true;
    this.refresh.request();
  }

  private note(text: string): void {
    this.timeline({ time: Date.now() - this.sessionStart, kind: 'note', text });
  }

  /** Entries that arrive together (one read of the channel) reach the UI together. */
  private timeline(entry: TimelineEntry): void {
    this.pending.push(entry);
    if (this.pending.length > 1) return;
    queueMicrotask(() => {
      const entries = this.pending;
      this.pending = [];
      this.listeners?.timeline(entries);
    });
  }

  private pushSnapshot(): void {
    if (this.closed) return;
    const full = this.fullWanted || performance.now() - this.lastFull >= FULL_SCAN_MS;
    const session = full ? readSession(this.sid) : rereadSession(this.sid, this.processes);
    if (full) {
      this.fullWanted = false;
      this.lastFull = performance.now();
    }
    this.processes = session.processes;
    const master = this.engine?._fd ?? null;
    const snapshot: Snapshot = {
      jobs: this.jobs,
      processes: session.processes,
      sid: this.sid,
      terminal: terminalInfo(master, session.leader, this.size),
    };
    this.pollWhile(session.processes.some((p) => p.pid !== this.engine?.pid));
    const text = JSON.stringify(snapshot);
    if (text === this.lastSnapshot) return;
    this.lastSnapshot = text;
    this.listeners?.snapshot(snapshot);
  }

  private pollWhile(needed: boolean): void {
    if (!needed) {
      clearTimeout(this.poll);
      this.poll = undefined;
    } else if (this.poll === undefined) {
      this.poll = setTimeout(() => {
        this.poll = undefined;
        this.refreshAll();
      }, POLL_MS);
    }
  }

  input(data: string): void {
    this.engine?.write(data);
  }

  pauseOutput(): void {
    this.engine?.pause();
  }

  resumeOutput(): void {
    this.engine?.resume();
  }

  resize(size: Size): void {
    this.size = size;
    this.engine?.resize(size.cols, size.rows);
    this.refresh.request();
  }

  restart(): void {
    if (this.engine !== null || this.closed || this.server === null) return;
    this.spawnEngine();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.refresh.cancel();
    this.outputRefresh.cancel();
    this.pollWhile(false);
    const engine = this.engine;
    this.engine = null;
    // As a terminal emulator closing: the master goes, the kernel hangs up the terminal, the
    // engine gets SIGHUP and passes it on to its jobs (bash's hangup_all_jobs). With no engine
    // left to pass it on, the session's groups are hung up here.
    if (engine !== null) engine.destroy();
    else hangUpSession(this.sid);
    this.server?.close();
    this.server = null;
  }
}
