// suspend-check: does ^Z suspend a program cleanly under a shell, and does fg bring it back?
// Start it as a foreground job, press ^Z, check the stop and the terminal left behind, fg it,
// check it runs and redraws, quit it, check the prompt is back.

import { basename } from 'node:path';
import { isAlive } from '../procfs.js';
import type { PtySession } from '../session.js';
import { isCooked } from '../termios.js';
import type { Screen } from '../types.js';
import { Checklist } from './checklist.js';
import { describeModes, probeModes } from './modes-probe.js';
import { endGroup, escalation } from './program-exit.js';
import { runningJob, shellPgid, skipReceived, waitQuiet, waitReady } from './ready.js';
import { quoteWord } from './shellwords.js';
import { launchShell, type LaunchOptions, type ShellRun, type ShellSpec } from './target.js';

/** Output must pause this long before a program counts as drawn. */
const QUIET_MS = 150;
/** How long each way of quitting gets. */
const QUIT_PATIENCE_MS = 2000;
const STOPPED_LINE = /[^\r\n]*\bstopped\b[^\r\n]*/i;

export interface SuspendOptions {
  readonly launch: LaunchOptions;
  /** Keys that quit the program (default `q`). */
  readonly quit: string;
}

function groupOf(s: PtySession, pgid: number) {
  return s.processes().filter((p) => p.pgid === pgid && isAlive(p));
}

function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').trim();
}

/** One run of the checks; each phase returns false when the rest cannot be checked. */
class SuspendCheck {
  readonly list = new Checklist();
  readonly #run: ShellRun;
  readonly #s: PtySession;
  readonly #name: string;
  readonly #quit: string;
  #pgid = 0;
  #job = '';
  #before: Screen | null = null;
  #stopped: Screen | null = null;

  constructor(run: ShellRun, program: readonly string[], quit: string) {
    this.#run = run;
    this.#s = run.session;
    this.#name = basename(program[0]!);
    this.#quit = quit;
  }

  get #timeout(): number {
    return this.#run.timeout;
  }

  async start(line: string): Promise<boolean> {
    const s = this.#s;
    if (!(await this.list.check('the shell shows its prompt', () => waitReady(s, this.#run.prompt, this.#timeout)))) return false;
    await skipReceived(s);
    s.sendLine(line);
    return this.list.check(`${this.#name} starts and owns the terminal`, async () => {
      const group = await s.waitUntil(() => runningJob(s), { timeout: this.#timeout, description: `${this.#name} to own the terminal` });
      this.#pgid = group[0]!.pgid;
      await s.waitIdle({ timeout: this.#timeout });
      await waitQuiet(s, QUIET_MS, this.#timeout);
      this.#before = await s.screen();
      return `process group ${this.#pgid}${this.#before.altScreen ? ', alternate screen' : ''}`;
    });
  }

  async stop(): Promise<boolean> {
    const s = this.#s;
    await skipReceived(s);
    s.press('Ctrl+Z');
    const stopped = await this.list.check('^Z stops it (every process of its group in state T)', async () => {
      await s.waitUntil(() => groupOf(s, this.#pgid).every((p) => p.state === 'T'), { timeout: this.#timeout, description: `group ${this.#pgid} to stop` });
    });
    if (!stopped) return false;
    await this.list.check('the shell reports it stopped', async () => {
      const line = plain((await s.expect(STOPPED_LINE, { timeout: this.#timeout })).text);
      this.#job = /\[(\d+)\]/.exec(line)?.[1] ?? '';
      return JSON.stringify(line);
    });
    await this.list.check('the shell owns the terminal again', () =>
      s.waitUntil(() => s.foregroundPgid() === shellPgid(s), { timeout: this.#timeout, description: 'the shell to own the terminal' }).then(() => undefined),
    );
    return this.list.check('the prompt is back', () => waitReady(s, this.#run.prompt, this.#timeout));
  }

  async terminalLeft(): Promise<void> {
    const screen = await this.#s.screen();
    this.#stopped = screen;
    await this.list.check('the alternate screen was left', () => {
      if (screen.altScreen) throw new Error('still on the alternate screen');
    });
    await this.list.check('the cursor is visible', () => {
      if (!screen.cursorVisible) throw new Error('the cursor is still hidden');
    });
    await this.list.check('the next command gets a cooked terminal (icanon echo isig)', async () => {
      const modes = await probeModes(this.#run);
      const shown = describeModes(modes, ['icanon', 'echo', 'isig']);
      if (!isCooked(modes)) throw new Error(`cat got ${shown}`);
      return shown;
    });
  }

  async resume(): Promise<boolean> {
    const s = this.#s;
    await skipReceived(s);
    s.sendLine(this.#job === '' ? 'fg' : `fg %${this.#job}`);
    const back = await this.list.check(`fg${this.#job === '' ? '' : ` %${this.#job}`}: it owns the terminal again`, () =>
      s.waitUntil(() => s.foregroundPgid() === this.#pgid, { timeout: this.#timeout, description: `group ${this.#pgid} to own the terminal` }).then(() => undefined),
    );
    if (!back) return false;
    await this.list.check('fg: it runs again (no process in state T)', () =>
      s.waitUntil(() => groupOf(s, this.#pgid).every((p) => p.state !== 'T'), { timeout: this.#timeout, description: `group ${this.#pgid} to continue` }).then(() => undefined),
    );
    await this.list.check('fg: it redraws', () => this.#redrawn());
    return true;
  }

  /** A full-screen program must be back on the alternate screen with something new drawn. */
  async #redrawn(): Promise<string> {
    const s = this.#s;
    if (!this.#before?.altScreen) return 'not a full-screen program: nothing to redraw';
    const stoppedText = this.#stopped?.lines.join('\n') ?? '';
    const redrawn = async (): Promise<boolean> => {
      const now = await s.screen();
      return now.altScreen && now.lines.join('\n') !== stoppedText && now.lines.some((l) => l.trim() !== '');
    };
    const deadline = Date.now() + this.#timeout;
    while (!(await redrawn())) {
      if (Date.now() > deadline) throw new Error(`the screen was not redrawn on the alternate screen within ${this.#timeout} ms\n${await s.snapshot()}`);
      await waitQuiet(s, 20, this.#timeout);
    }
    await s.waitIdle({ timeout: this.#timeout });
    return 'alternate screen re-entered';
  }

  async quit(): Promise<void> {
    const s = this.#s;
    const first = { label: `typing ${JSON.stringify(this.#quit)}`, act: (t: PtySession) => t.send(this.#quit) };
    const quit = await this.list.check('it quits', () => endGroup(s, this.#pgid, escalation([first]), QUIT_PATIENCE_MS));
    if (!quit) return;
    await this.list.check('the shell prompt is back', async () => {
      await waitReady(s, this.#run.prompt, this.#timeout);
      if (s.foregroundPgid() !== shellPgid(s)) throw new Error('the shell does not own the terminal');
    });
  }
}

/** Run every check; the checklist says what passed. */
export async function suspendCheck(program: readonly string[], spec: ShellSpec, options: SuspendOptions): Promise<Checklist> {
  const run = launchShell(spec, options.launch);
  const check = new SuspendCheck(run, program, options.quit);
  try {
    if (!(await check.start(program.map(quoteWord).join(' ')))) {
      check.list.skip('^Z stops it', 'fg continues it', 'it quits');
    } else if (!(await check.stop())) {
      check.list.skip('the terminal is usable', 'fg continues it', 'it quits');
    } else {
      await check.terminalLeft();
      if (await check.resume()) await check.quit();
      else check.list.skip('it quits');
    }
  } finally {
    await run.close();
  }
  return check.list;
}
