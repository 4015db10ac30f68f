// PtySession: one program in a pseudo-terminal, driven like a person at a keyboard.

import { terminateSession, signalSession } from './cleanup.js';
import { PtyConnection } from './connection.js';
import { defaultEnv } from './env.js';
import { PtyExpectError, type FailureReason } from './errors.js';
import { awaitCondition, type Condition } from './expect.js';
import { keyBytes, type KeyName } from './keys.js';
import { describePattern, findMatch, type Pattern } from './match.js';
import type { KillTarget, ProcessSource } from './procsource.js';
import { ProcessView } from './procview.js';
import { track, untrack } from './registry.js';
import { readTerminalModes, type TerminalModes } from './termios.js';
import { writeTrace } from './trace.js';
import type { ExitResult, ExitStatus, ExpectSource, Match, ProcessInfo, Screen, TraceEvent } from './types.js';
import { waitUntil, WaitTimeoutError } from './wait.js';

/** Options of {@link spawnPty}. */
export interface SpawnOptions {
  /** Terminal width (default 80). */
  cols?: number;
  /** Terminal height (default 24). */
  rows?: number;
  /** Added to (and overriding) the minimal default environment, see {@link defaultEnv}. */
  env?: Record<string, string>;
  /** Working directory (default: the current one). */
  cwd?: string;
  /** The program's prompt, for {@link PtySession.expectPrompt}; use a fixed, unusual one. */
  prompt?: Pattern;
  /** Default timeout of every wait, in ms (default 5000). */
  timeout?: number;
  /** Keep every I/O event for {@link PtySession.trace} (default false). */
  trace?: boolean;
  /** Answer terminal queries (cursor position, device attributes) as xterm would (default true). */
  answerQueries?: boolean;
  /**
   * Where process facts come from, given the spawned program's pid (default: /proc,
   * the session led by that pid). A simulated kernel's event stream for `jcsh --sim`.
   */
  processes?: (pid: number) => ProcessSource;
}

/** Options of {@link PtySession.expect}. */
export interface ExpectOptions {
  /** Milliseconds before giving up (default: the session's timeout). */
  timeout?: number;
  /** `stream` (default): the output since the previous stream match. `screen`: the rendered screen. */
  on?: ExpectSource;
}

/** Options of {@link PtySession.expectGone}. */
export interface GoneOptions {
  timeout?: number;
  /** `screen` (default) waits until the screen no longer shows it; `stream` checks the unmatched output once. */
  on?: ExpectSource;
}

/**
 * Start `command` in a new pseudo-terminal of a fixed size, as the leader of
 * a new session with the pty as its controlling terminal.
 */
export function spawnPty(command: string, args: readonly string[] = [], options: SpawnOptions = {}): PtySession {
  return new PtySession(command, args, options);
}

/** A program running in a pty, with a headless xterm rendering what it prints. */
export class PtySession {
  /** Pid of the spawned program. */
  readonly pid: number;
  /** Session id of everything it runs: node-pty's forkpty makes the program a session leader. */
  readonly sid: number;
  readonly command: string;
  readonly args: readonly string[];
  readonly #conn: PtyConnection;
  readonly #procs: ProcessSource;
  readonly #timeout: number;
  readonly #prompt: Pattern | undefined;
  #cursor = 0;
  #streamWaiting = false;
  #closing: Promise<void> | null = null;
  /** What the registry of open sessions may do with this one. */
  readonly #handle = { close: () => this.close(), killNow: () => signalSession(this.sid, 'SIGKILL') };

  constructor(command: string, args: readonly string[], options: SpawnOptions = {}) {
    this.command = command;
    this.args = [...args];
    this.#timeout = options.timeout ?? 5000;
    this.#prompt = options.prompt;
    this.#conn = new PtyConnection(command, args, {
      cols: options.cols ?? 80,
      rows: options.rows ?? 24,
      env: defaultEnv(options.env),
      cwd: options.cwd ?? process.cwd(),
      trace: options.trace ?? false,
      answerQueries: options.answerQueries ?? true,
    });
    this.pid = this.#conn.pid;
    this.sid = this.#conn.pid;
    this.#procs = options.processes?.(this.pid) ?? new ProcessView(this.pid, this.sid);
    track(this.#handle);
  }

  // ---- typing ----

  /** Type `text` as is. */
  send(text: string): void {
    this.#conn.write(text);
  }

  /** Type `text` and Enter (a carriage return, as a terminal sends it). */
  sendLine(text: string): void {
    this.#conn.write(`${text}\r`);
  }

  /** Press a named key, `times` times (default once). */
  press(key: KeyName, { times = 1 }: { times?: number } = {}): void {
    const bytes = keyBytes(key, this.#conn.screen.modes);
    this.#conn.write(bytes.repeat(times));
  }

  /**
   * Paste `text` as a terminal does: newlines become carriage returns, and the
   * whole is wrapped in bracketed-paste markers if the program enabled them
   * (override with `bracketed`).
   */
  paste(text: string, { bracketed }: { bracketed?: boolean } = {}): void {
    const body = text.replace(/\r?\n/g, '\r');
    const wrap = bracketed ?? this.#conn.screen.modes.bracketedPaste;
    this.#conn.write(wrap ? `\x1b[200~${body}\x1b[201~` : body);
  }

  /** Change the terminal size; the foreground group gets SIGWINCH. */
  resize(cols: number, rows: number): void {
    this.#conn.resize(cols, rows);
  }

  // ---- waiting ----

  /**
   * Wait for `pattern`. On the stream (default) it searches the output after
   * the previous stream match and moves past this one, like pexpect. On the
   * screen it searches the rendered rows joined by `\n` (trailing blanks
   * trimmed, except before the cursor on its row). Rejects with a
   * {@link PtyExpectError} after the timeout or as soon as the process exits
   * without a match.
   */
  expect(pattern: Pattern, { timeout = this.#timeout, on = 'stream' }: ExpectOptions = {}): Promise<Match> {
    const callSite = new Error();
    const awaited = `${describePattern(pattern)} on the ${on}`;
    if (on === 'screen') {
      return this.#wait({ awaited, source: 'screen', timeout, check: () => this.#findOnScreen(pattern) }, callSite);
    }
    if (this.#streamWaiting) {
      return Promise.reject(new Error(`expect(${awaited}): another stream expect is still waiting`));
    }
    this.#streamWaiting = true;
    const check = (): Match | undefined => {
      const match = findMatch(pattern, this.#conn.output, this.#cursor);
      if (match) this.#cursor = match.index + match.text.length;
      return match ?? undefined;
    };
    return this.#wait({ awaited, source: 'stream', timeout, check }, callSite).finally(() => {
      this.#streamWaiting = false;
    });
  }

  /** Wait for the prompt given to {@link spawnPty}. */
  expectPrompt(options: ExpectOptions = {}): Promise<Match> {
    if (this.#prompt === undefined) return Promise.reject(new Error('expectPrompt: spawnPty was given no prompt'));
    return this.expect(this.#prompt, options);
  }

  /**
   * Wait until the screen no longer shows `pattern` (fails after the timeout).
   * With `on: 'stream'` there is nothing to wait for (output cannot vanish):
   * it checks once that the output after the stream cursor lacks `pattern`.
   */
  expectGone(pattern: Pattern, { timeout = this.#timeout, on = 'screen' }: GoneOptions = {}): Promise<void> {
    const callSite = new Error();
    const awaited = `${describePattern(pattern)} to be absent from the ${on}`;
    const absent = on === 'screen'
      ? () => (this.#findOnScreen(pattern) ? undefined : true)
      : () => (findMatch(pattern, this.#conn.output, this.#cursor) ? undefined : true);
    const waitFor = on === 'screen' ? timeout : 0;
    return this.#wait({ awaited, source: on, timeout: waitFor, check: absent }, callSite).then(() => undefined);
  }

  /** Alias of {@link expectGone}. */
  not(pattern: Pattern, options: GoneOptions = {}): Promise<void> {
    return this.expectGone(pattern, options);
  }

  /**
   * Poll `condition` (for facts without an output event, such as process
   * states) until it returns a value other than undefined/null/false. Fails
   * with the same report as a failed expect.
   */
  async waitUntil<T>(
    condition: () => T | undefined | null | false,
    { timeout = this.#timeout, description = 'a condition' }: { timeout?: number; description?: string } = {},
  ): Promise<T> {
    const callSite = new Error();
    try {
      return await waitUntil(condition, { timeout, description });
    } catch (error) {
      if (!(error instanceof WaitTimeoutError)) throw error;
      throw await this.#failure(description, 'timeout', timeout, callSite);
    }
  }

  /**
   * Wait until a process of the terminal's foreground group sleeps in a
   * read/select/poll system call, e.g. a shell back at its prompt. Send ^C or
   * ^Z only then: a shell busy between reading keys may act on a signal only
   * at the next key (bash does), and a job that has not reached its own code
   * yet may still ignore it. Where /proc cannot tell, it resolves at once.
   */
  waitIdle({ timeout = this.#timeout }: { timeout?: number } = {}): Promise<void> {
    const description = 'the foreground group to wait for input';
    return this.waitUntil(() => this.#procs.foregroundIdle(), { timeout, description }).then(() => undefined);
  }

  /** Wait for the process to exit; the output is complete (read up to end of file). */
  waitExit({ timeout = this.#timeout }: { timeout?: number } = {}): Promise<ExitResult> {
    const check = (): ExitResult | undefined => {
      const exit = this.#conn.exitStatus;
      return exit ? { ...exit, output: this.#conn.output } : undefined;
    };
    return this.#wait({ awaited: 'the process to exit', source: 'stream', timeout, check }, new Error());
  }

  #wait<T>(condition: Condition<T>, callSite: Error): Promise<T> {
    return awaitCondition(this.#conn, condition, (awaited, reason, timeout) =>
      this.#failure(awaited, reason, timeout, callSite),
    );
  }

  #findOnScreen(pattern: Pattern): Match | undefined {
    return findMatch(pattern, this.#conn.screen.text()) ?? undefined;
  }

  async #failure(awaited: string, reason: FailureReason, timeout: number, callSite: Error): Promise<PtyExpectError> {
    await this.#conn.screen.flushed();
    const screen = this.#conn.screen;
    return new PtyExpectError(
      {
        awaited,
        reason,
        timeout,
        command: `${[this.command, ...this.args].join(' ')} (pid ${this.pid})`,
        exit: this.#conn.exitStatus,
        screen: screen.read(),
        snapshot: screen.snapshot(),
        output: this.#conn.output,
        streamCursor: this.#cursor,
        events: this.#conn.log.recent(),
        processes: this.processes(),
        foregroundPgid: this.#procs.foregroundPgidOrNull(),
      },
      callSite,
    );
  }

  // ---- looking ----

  /** Everything the program has written so far. */
  get output(): string {
    return this.#conn.output;
  }

  /** The exit status once the program has exited (and its output is read), else null. */
  get exitStatus(): ExitStatus | null {
    return this.#conn.exitStatus;
  }

  /** The screen, after everything received so far has been parsed. */
  async screen(): Promise<Screen> {
    await this.#conn.screen.flushed();
    return this.#conn.screen.read();
  }

  /** The screen in a box, trailing blank rows dropped: stable text for toMatchInlineSnapshot. */
  async snapshot(): Promise<string> {
    await this.#conn.screen.flushed();
    return this.#conn.screen.snapshot();
  }

  /**
   * Everything the terminal shows and has scrolled away, as text: the normal
   * screen buffer with its scrollback, wrapped rows joined, trailing blanks
   * removed. Still readable after {@link close}.
   */
  async transcript(): Promise<string> {
    await this.#conn.screen.flushed();
    return this.#conn.screen.transcript();
  }

  /** Path of the terminal's slave side (`/dev/pts/N`), or null if unknown. */
  get ttyPath(): string | null {
    return this.#conn.ttyPath;
  }

  /**
   * The terminal's current modes (`stty -a -F` on the slave): what the
   * foreground program has set, e.g. `flags.icanon` false in raw mode.
   */
  terminalModes(): Promise<TerminalModes> {
    const path = this.#conn.ttyPath;
    if (path === null) return Promise.reject(new Error('terminalModes: the pty\'s path is unknown'));
    return readTerminalModes(path);
  }

  /** Every I/O event so far; needs `trace: true`. */
  trace(): TraceEvent[] {
    const events = this.#conn.log.all();
    if (events === null) throw new Error('trace(): spawnPty was not given { trace: true }');
    return events;
  }

  /** Write {@link trace} to `path` as JSON lines. */
  writeTrace(path: string): void {
    writeTrace(path, this.trace());
  }

  // ---- processes ----

  /** Where this session's process facts come from: /proc, or a simulated kernel's events. */
  get view(): ProcessSource {
    return this.#procs;
  }

  /**
   * The terminal's foreground process group, as tcgetpgrp() on the master
   * would say (read from /proc, so no native code is needed).
   */
  foregroundPgid(): number {
    return this.#procs.foregroundPgid();
  }

  /** The live processes of the terminal's foreground process group. */
  foregroundProcesses(): ProcessInfo[] {
    return this.#procs.foregroundProcesses();
  }

  /** All processes of the session (same sid as the spawned program), zombies included. */
  processes(): ProcessInfo[] {
    return this.#procs.processes();
  }

  /**
   * Zombies (state Z) whose parent is `parent` (default: the spawned program, or the simulated shell),
   * or all of the session's zombies with `'any'`. Orphans reparented to an init
   * that does not reap them are not the program's fault, hence the default.
   */
  zombies({ parent = this.#procs.shellPid }: { parent?: number | 'any' } = {}): ProcessInfo[] {
    return this.#procs.zombies(parent);
  }

  /**
   * Send `signal`: to the program (default), its process group, the
   * terminal's foreground group, or a pid / -pgid of your choice.
   */
  kill(signal: NodeJS.Signals | number = 'SIGTERM', target: KillTarget = 'process'): void {
    process.kill(this.#procs.killTarget(target), signal);
  }

  // ---- ending ----

  /**
   * Close the pty master without killing anything, like closing a terminal
   * window: the kernel sends SIGHUP and SIGCONT to the session leader and the
   * foreground group, and what they do is up to them. Later output is lost;
   * {@link waitExit} still reports the exit.
   */
  hangup(): void {
    this.#conn.hangup();
  }

  /**
   * End the session: SIGHUP+SIGCONT to every process of the session, SIGKILL
   * to what is left after a grace period, then close the pty. Idempotent;
   * waits that are still pending fail with reason 'closed'.
   */
  close(): Promise<void> {
    this.#closing ??= this.#shutdown();
    return this.#closing;
  }

  async #shutdown(): Promise<void> {
    untrack(this.#handle);
    await terminateSession(this.sid);
    // node-pty reports the exit once the master reads EOF; a few seconds is a last resort only.
    let fallback: NodeJS.Timeout | undefined;
    await Promise.race([
      this.#conn.exited(),
      new Promise((resolve) => (fallback = setTimeout(resolve, 3000))),
    ]);
    clearTimeout(fallback);
    await this.#conn.screen.flushed();
    this.#conn.dispose();
  }
}
