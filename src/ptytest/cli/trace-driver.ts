// Playing a trace's items into a shell in a pty, the way a careful person at the keyboard
// would: a command line only once the shell is back at its prompt, a ^C only once the job
// it is meant for is running. (sdriver just wrote into a pipe and relied on SLEEPs.) With
// type-ahead, a line goes as soon as the terminal is in a line editor's mode, as a quick
// typist's would, and only the end of the trace waits for every line to be answered.

import { findMatch } from '../match.js';
import { isAlive } from '../procsource.js';
import type { PtySession } from '../session.js';
import type { KeyName } from '../keys.js';
import { runningJob, shellIdle, skipReceived, waitQuiet, waitReady } from './ready.js';
import { lineEditorOn, waitAnswered } from './typeahead.js';
import type { ShellRun } from './target.js';
import type { TraceSignal } from './trace-parse.js';

/** What the shell still owes before it can take a line: a new prompt, a moment of quiet, or nothing. */
type Owed = 'prompt' | 'quiet' | 'nothing';

const KEYS: Record<Exclude<TraceSignal, 'KILL'>, KeyName> = { INT: 'Ctrl+C', TSTP: 'Ctrl+Z', QUIT: 'Ctrl+\\' };

/** A key at an idle prompt may or may not make the shell print something; this long without output ends the wait. */
const QUIET_MS = 150;

export class TraceDriver {
  readonly #run: ShellRun;
  readonly #s: PtySession;
  readonly #signalShell: boolean;
  readonly #typeAhead: boolean;
  /** Every command line typed so far. */
  readonly #typed: string[] = [];
  #owed: Owed = 'prompt';
  /** Where the output stood when we last typed a line. */
  #mark = 0;

  constructor(run: ShellRun, signalShell: boolean, typeAhead = false) {
    this.#run = run;
    this.#s = run.session;
    this.#signalShell = signalShell;
    this.#typeAhead = typeAhead;
  }

  /**
   * Wait until the shell can take a line: what it owes has come and it is
   * idle reading input. After a key at an idle prompt there is no fresh prompt
   * on the output to go by, so the prompt must be at the cursor; otherwise it
   * need not be (a background job may have written after it).
   */
  async ready(): Promise<void> {
    const { timeout } = this.#run;
    const owed = this.#owed;
    if (this.#typeAhead && owed === 'prompt') await waitAnswered(this.#s, this.#run.prompt, this.#typed, timeout);
    if (owed === 'prompt') await this.#s.expectPrompt({ timeout });
    else if (owed === 'quiet') await waitQuiet(this.#s, QUIET_MS, timeout);
    this.#owed = 'nothing';
    if (owed === 'quiet') await waitReady(this.#s, this.#run.prompt, timeout);
    else await this.#s.waitUntil(() => shellIdle(this.#s), { timeout, description: 'the shell to own the terminal and wait for input' });
  }

  async command(text: string): Promise<void> {
    if (this.#typeAhead) await lineEditorOn(this.#s, this.#run.timeout);
    else await this.ready();
    this.#typed.push(text);
    await this.#type(`${text}\r`);
    this.#owed = 'prompt';
  }

  /** CLOSE: end of file, as ^D at the start of an empty line. */
  async close(): Promise<void> {
    await this.ready();
    await this.#type('\x04');
    this.#owed = 'prompt';
  }

  async wait(): Promise<void> {
    await this.#s.waitExit({ timeout: this.#run.timeout });
    this.#owed = 'nothing';
  }

  /** INT/TSTP/QUIT: the key on the terminal, or (--signal-shell) the signal to the shell's pid as sdriver does. */
  async signal(signal: TraceSignal): Promise<void> {
    if (signal === 'KILL') {
      this.#s.kill('SIGKILL');
      this.#owed = 'nothing';
      return;
    }
    await this.#settleForKey();
    const jobRunning = !shellIdle(this.#s);
    await skipReceived(this.#s);
    if (this.#signalShell) this.#s.kill(`SIG${signal}` as NodeJS.Signals);
    else this.#s.press(KEYS[signal]);
    // A job that ends or stops gives the prompt back; at an idle prompt the shell may print nothing.
    this.#owed = jobRunning ? 'prompt' : 'quiet';
  }

  async #type(bytes: string): Promise<void> {
    await skipReceived(this.#s);
    this.#mark = this.#s.output.length;
    this.#s.send(bytes);
  }

  /**
   * Before a key: the job meant to get it has exec'd (a child that is still a
   * copy of the shell would handle the signal as the shell does), or the shell
   * is idle at its prompt after the last line. Best effort: a shell we cannot
   * read this way just gets the key after the timeout.
   */
  async #settleForKey(): Promise<void> {
    const s = this.#s;
    const answered = () => this.#owed !== 'prompt' || findMatch(this.#run.prompt, s.output, this.#mark) !== null;
    const settled = () => s.exitStatus !== null || runningJob(s) !== null || tshStyleJob(s) || (answered() && shellIdle(s));
    try {
      await s.waitUntil(settled, { timeout: this.#run.timeout, description: 'a running job or an idle shell' });
    } catch {
      // Unreadable shell: send the key anyway, as sdriver would.
    }
  }
}

/**
 * A shell that never hands the terminal over (the lab's tsh forwards ^C
 * itself): it is busy, and a child of its has exec'd.
 */
function tshStyleJob(s: PtySession): boolean {
  const shell = s.view.process(s.view.shellPid);
  if (shell === null || !isAlive(shell) || shell.tpgid !== shell.pgid || s.view.waitingForInput(shell.pid) !== false) return false;
  return s.processes().some((p) => p.ppid === shell.pid && isAlive(p) && p.comm !== shell.comm);
}
