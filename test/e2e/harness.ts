// Starting jcsh (or bash, for comparison) in a pty for end-to-end tests: a fixed unusual
// prompt, no rc files, the C helpers on PATH, a private HOME, and cleanup after every test.

import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { closeAllSessions, spawnPty, type PtySession } from '../../src/ptytest/index.js';
import { pathWithHelpers } from '../helpers/paths.js';

export const PROMPT = 'jc$ ';
export const JCSH = path.resolve(import.meta.dirname, '..', '..', 'bin', 'jcsh.js');

afterEach(async () => {
  await closeAllSessions();
});

/**
 * Children started outside a pty (spawn with `detached: true`, so each leads its own group):
 * push them here and each group is killed, with whatever it started, after every test.
 */
export const detachedChildren: ChildProcess[] = [];

afterEach(() => {
  for (const child of detachedChildren.splice(0)) {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export interface ShellOptions {
  readonly env?: Record<string, string>;
  readonly args?: readonly string[];
  readonly cols?: number;
  readonly rows?: number;
  readonly home?: string;
  /** The prompt to wait for, when PS1 is not the default test prompt. */
  readonly prompt?: string | RegExp;
}

export function tempHome(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'jcsh-home-'));
}

/** jcsh --plain in a fresh pty, waiting for its first prompt. */
export async function startJcsh(o: ShellOptions = {}): Promise<PtySession> {
  const home = o.home ?? tempHome();
  const s = spawnPty(process.execPath, [JCSH, '--plain', '--norc', ...(o.args ?? [])], {
    cols: o.cols ?? 100, rows: o.rows ?? 30, prompt: o.prompt ?? PROMPT, timeout: 8000, cwd: home,
    env: { PS1: PROMPT, PATH: pathWithHelpers(), HOME: home, ...o.env },
  });
  await s.expectPrompt();
  return s;
}

/** bash with the same prompt and helpers, for comparison tests. */
export async function startBash(): Promise<PtySession> {
  const home = tempHome();
  const s = spawnPty('bash', ['--norc', '--noprofile', '-i'], {
    cols: 100, rows: 30, prompt: PROMPT, timeout: 8000, cwd: home,
    env: { PS1: PROMPT, PATH: pathWithHelpers(), HOME: home },
  });
  await s.expectPrompt();
  return s;
}

/** Types a command line and waits for the next prompt; returns what came in between. */
export async function run(s: PtySession, line: string): Promise<string> {
  s.sendLine(line);
  const m = await s.expectPrompt();
  return m.before;
}

/** Terminal control sequences (the line editor's redraws), which a person does not see as text. */
export function stripControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
}

/** The output of a command, without the echoed command line and the prompt. */
export async function outputOf(s: PtySession, line: string): Promise<string> {
  const text = stripControls(await run(s, line));
  const lines = text.split(/\r?\n/);
  return lines.slice(1).join('\n').replace(/\r/g, '').trimEnd();
}

/** Waits until the terminal's foreground group is `pgid`. */
export async function expectForeground(s: PtySession, pgid: number): Promise<void> {
  await s.waitUntil(() => s.foregroundPgid() === pgid, { description: `foreground pgid ${pgid}` });
}

/**
 * Runs a line that starts background jobs, waits for `settled`, then presses Enter and returns
 * everything printed from the launch on. A job that changes before the shell's next prompt is
 * reported before that prompt, otherwise before the one after: either way the notice is here.
 * The text starts with the echoed command line.
 */
export async function launchAndSettle(s: PtySession, line: string, settled: () => boolean): Promise<string> {
  const launch = await run(s, line);
  await s.waitUntil(settled);
  const after = await run(s, '');
  return stripControls(launch + after).replace(/\r/g, '');
}

/**
 * True when the terminal is in canonical mode with signals on, i.e. the shell has left its
 * line editor and a ^C typed now becomes SIGINT rather than a byte for the editor.
 */
export function terminalCooked(s: PtySession): boolean {
  const tty = fs.readlinkSync(`/proc/${s.pid}/fd/0`);
  const modes = execFileSync('stty', ['-a', '-F', tty], { encoding: 'utf8' });
  return / icanon/.test(modes) && !/-icanon/.test(modes) && !/-isig/.test(modes);
}
