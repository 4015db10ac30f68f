// When is a shell ready for the next line, and when is a job really running? Conditions
// read from /proc and from the screen, never guessed from elapsed time.

import { escapeRegExp } from './regexp.js';
import type { Pattern } from '../match.js';
import { isAlive } from '../procsource.js';
import type { PtySession } from '../session.js';
import type { ProcessInfo } from '../types.js';

/** The shell's process group: its own pid, as the session leader node-pty made it. */
export function shellPgid(s: PtySession): number {
  const pid = s.view.shellPid;
  return s.view.process(pid)?.pgid ?? pid;
}

function foregroundOrNull(s: PtySession): number | null {
  try {
    return s.foregroundPgid();
  } catch {
    return null;
  }
}

/** The shell owns the terminal and sleeps reading input (true as well where /proc cannot tell). */
export function shellIdle(s: PtySession): boolean {
  return foregroundOrNull(s) === shellPgid(s) && s.view.waitingForInput(s.view.shellPid) !== false;
}

/**
 * The live processes of the foreground group when it is not the shell's and
 * all of them have exec'd (none still runs as a copy of the shell, with the
 * shell's signal handling); with `comm`, one of them must be called that.
 */
export function runningJob(s: PtySession, comm: string | null = null): ProcessInfo[] | null {
  const fg = foregroundOrNull(s);
  const shell = s.view.process(s.view.shellPid);
  if (fg === null || shell === null || fg === shell.pgid) return null;
  const group = s.processes().filter((p) => p.pgid === fg && isAlive(p));
  if (group.length === 0 || group.some((p) => p.comm === shell.comm)) return null;
  if (comm !== null && !group.some((p) => p.comm === comm)) return null;
  return group;
}

/** A regex that finds `prompt` right before the cursor on the screen, with only blank rows below. */
export function promptAtCursor(prompt: Pattern): RegExp {
  const source = typeof prompt === 'string' ? escapeRegExp(prompt) : prompt.source;
  const flags = typeof prompt === 'string' ? '' : prompt.flags.replace(/[gymd]/g, '');
  return new RegExp(`(?:${source})\\n*$`, flags);
}

/** Wait until the shell is idle at its prompt: owns the terminal, reads, and the prompt is at the cursor. */
export async function waitReady(s: PtySession, prompt: Pattern, timeout: number): Promise<void> {
  await s.waitUntil(() => shellIdle(s), { timeout, description: 'the shell to own the terminal and wait for input' });
  await s.expect(promptAtCursor(prompt), { on: 'screen', timeout });
}

/** Wait until nothing new has arrived for `quietMs` (fails after `timeout` of continuous output). */
export async function waitQuiet(s: PtySession, quietMs: number, timeout: number): Promise<void> {
  let length = -1;
  let since = 0;
  const quiet = (): boolean => {
    const now = Date.now();
    if (s.output.length !== length) {
      length = s.output.length;
      since = now;
      return false;
    }
    return now - since >= quietMs;
  };
  await s.waitUntil(quiet, { timeout, description: `${quietMs} ms without output` });
}

/** Move the stream cursor past everything received so far, so the next expect sees only new output. */
export async function skipReceived(s: PtySession): Promise<void> {
  await s.expect(/[\s\S]*$/, { timeout: 1000 });
}
