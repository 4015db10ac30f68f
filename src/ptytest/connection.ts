// The wire: a node-pty process, its output (as text and as a screen), its I/O log and its exit.

import { constants } from 'node:os';
import pty from 'node-pty';
import type { IPty } from 'node-pty';
import { onChildExit } from './childwatch.js';
import { PtyDrain } from './drain.js';
import { EndMarker } from './endmarker.js';
import { IoLog } from './iolog.js';
import { VirtualScreen } from './screen.js';
import type { ExitStatus } from './types.js';

/** Changes a waiter can subscribe to: new output, newly parsed output, and the end (exit or close). */
export type Change = 'stream' | 'screen' | 'end';

/** How to start the program; {@link PtySession} fills in the defaults. */
export interface ConnectionOptions {
  cols: number;
  rows: number;
  env: Record<string, string>;
  cwd: string;
  trace: boolean;
  answerQueries: boolean;
}

/** Last resort if the end marker never comes back (say, output stopped with ^S for good). */
const DRAIN_TIMEOUT_MS = 2000;

function signalName(signal: number): NodeJS.Signals | null {
  if (signal === 0) return null;
  const entry = Object.entries(constants.signals).find(([, n]) => n === signal);
  return (entry?.[0] as NodeJS.Signals | undefined) ?? null;
}

/**
 * Owns the node-pty process. When the program exits, the output still in the
 * pty is drained (see drain.ts) before node-pty may report the exit; the 'end'
 * change fires after that and after the screen has parsed it all.
 */
export class PtyConnection {
  readonly pid: number;
  /** The slave side's path (`/dev/pts/N`), or null if node-pty does not say. */
  readonly ttyPath: string | null;
  readonly log: IoLog;
  readonly screen: VirtualScreen;
  readonly #pty: IPty;
  readonly #drain: PtyDrain;
  readonly #marker = new EndMarker();
  readonly #unwatch: () => void;
  #drainTimer: NodeJS.Timeout | undefined;
  #output = '';
  #exit: ExitStatus | null = null;
  #ended = false;
  readonly #exited: Promise<ExitStatus>;
  readonly #listeners: Record<Change, Set<() => void>> = { stream: new Set(), screen: new Set(), end: new Set() };

  constructor(command: string, args: readonly string[], options: ConnectionOptions) {
    this.log = new IoLog(options.trace);
    const answer = options.answerQueries
      ? (data: string) => {
          if (!this.#ended) this.write(data);
        }
      : undefined;
    this.screen = new VirtualScreen(options.cols, options.rows, () => this.#emit('screen'), answer);
    try {
      this.#pty = pty.spawn(command, [...args], {
        name: options.env.TERM ?? 'xterm-256color',
        cols: options.cols,
        rows: options.rows,
        cwd: options.cwd,
        env: options.env,
      });
    } catch (error) {
      this.screen.dispose();
      throw error;
    }
    this.pid = this.#pty.pid;
    // Not in node-pty's typings, but set by its UnixTerminal (drain.ts relies on it too).
    this.ttyPath = (this.#pty as IPty & { ptsName?: string }).ptsName ?? null;
    if (options.trace) this.log.record('resize', `${options.cols}x${options.rows}`);
    this.#drain = new PtyDrain(this.#pty);
    this.#pty.onData((data) => this.#receive(data));
    this.#unwatch = onChildExit(this.pid, () => this.#startDrain());
    this.#exited = new Promise((resolve) => {
      this.#pty.onExit(({ exitCode, signal }) => {
        const name = signalName(signal ?? 0);
        resolve({ exitCode: name === null ? exitCode : null, signal: name });
      });
    });
    void this.#exited.then((status) => this.#finish(status));
  }

  #receive(chunk: string): void {
    this.#deliver(this.#marker.filter(chunk));
    if (this.#marker.seen) this.#stopDrain();
  }

  #deliver(data: string): void {
    if (data === '') return;
    this.#output += data;
    this.log.record('out', data);
    this.screen.write(data);
    this.#emit('stream');
  }

  /** The program exited: whatever it wrote is in the pty before the marker we write now. */
  #startDrain(): void {
    if (!this.#drain.holding) return;
    this.#marker.arm();
    this.#drain.send(this.#marker.token);
    this.#drainTimer = setTimeout(() => this.#stopDrain(), DRAIN_TIMEOUT_MS);
  }

  /** Everything is read (or we gave up): let the stream end, so node-pty reports the exit. */
  #stopDrain(): void {
    clearTimeout(this.#drainTimer);
    this.#unwatch();
    this.#deliver(this.#marker.flush());
    this.#drain.release();
  }

  async #finish(status: ExitStatus): Promise<void> {
    this.#stopDrain();
    await this.screen.flushed();
    this.#exit = status;
    this.#end();
  }

  #end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#emit('end');
  }

  #emit(change: Change): void {
    for (const listener of [...this.#listeners[change]]) listener();
  }

  /** Call `listener` on every `change` until the returned function is called. */
  on(change: Change, listener: () => void): () => void {
    this.#listeners[change].add(listener);
    return () => this.#listeners[change].delete(listener);
  }

  /** Everything read from the pty so far. */
  get output(): string {
    return this.#output;
  }

  /** Set once the process has exited and its output is fully read and parsed. */
  get exitStatus(): ExitStatus | null {
    return this.#exit;
  }

  /** True after the exit or after {@link dispose}: nothing will change any more. */
  get ended(): boolean {
    return this.#ended;
  }

  /** Resolves with the exit status once the process has exited and its output was read. */
  exited(): Promise<ExitStatus> {
    return this.#exited;
  }

  /** Write to the pty master, i.e. type. */
  write(data: string): void {
    // After the drain let go, the master fd is closed and its number may already be another
    // session's: a late keystroke must fail, not land in a stranger's terminal.
    if (this.#ended || this.#drain.released) throw new Error(`cannot write to the pty: the session has ended (${JSON.stringify(data)})`);
    this.log.record('in', data);
    this.#pty.write(data);
  }

  /** Change the window size: the kernel sends SIGWINCH to the foreground group. */
  resize(cols: number, rows: number): void {
    if (this.#ended) return;
    this.#pty.resize(cols, rows);
    this.screen.resize(cols, rows);
    this.log.record('resize', `${cols}x${rows}`);
  }

  /**
   * Close the master now, as a terminal window closing does: the kernel hangs
   * up the terminal (SIGHUP, then SIGCONT, to the session leader and the
   * foreground group). Output from then on is lost; the exit is still reported.
   */
  hangup(): void {
    clearTimeout(this.#drainTimer);
    this.#drain.release();
  }

  /** Close the master and release the screen; wakes every waiter with 'end'. */
  dispose(): void {
    this.#stopDrain();
    this.screen.dispose();
    this.#end();
  }
}
