// Type-ahead for trace runs: when a line may be typed (the terminal is in a line editor's
// mode, whatever the shell is still doing), and when every line typed has been answered.

import { execFileSync } from 'node:child_process';
import type { Pattern } from '../match.js';
import type { PtySession } from '../session.js';
import { parseStty } from '../termios.js';
import { escapeRegExp } from './regexp.js';

/** The terminal is non-canonical: some line editor (the shell's, at or near a prompt) has it. */
function editing(s: PtySession): boolean {
  if (s.ttyPath === null) return true;
  try {
    return parseStty(execFileSync('stty', ['-a', '-F', s.ttyPath], { encoding: 'utf8' })).flags.icanon === false;
  } catch {
    return false;
  }
}

/** Wait until a line typed now goes to a line editor rather than a job's canonical read. */
export async function lineEditorOn(s: PtySession, timeout: number): Promise<void> {
  await s.waitUntil(() => s.exitStatus !== null || editing(s), { timeout, description: 'the terminal in a line editor\'s mode' });
}

/**
 * Wait until the last line typed shows after a prompt as many times as it was typed (or the
 * shell has exited): the shell has read every line typed ahead.
 */
export async function waitAnswered(s: PtySession, prompt: Pattern, typed: readonly string[], timeout: number): Promise<void> {
  const last = typed.at(-1);
  if (last === undefined) return;
  const times = typed.filter((t) => t === last).length;
  const promptSource = typeof prompt === 'string' ? escapeRegExp(prompt) : prompt.source;
  const echoed = new RegExp(`^(?:${promptSource})${escapeRegExp(last)}$`, 'gm');
  const deadline = Date.now() + timeout;
  for (;;) {
    if (s.exitStatus !== null) return;
    const seen = (await s.transcript()).match(echoed)?.length ?? 0;
    if (seen >= times) return;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeout} ms waiting for ${JSON.stringify(last)} to be read (${seen} of ${times} times)`);
    // Polled, as waitUntil polls /proc: nothing signals "this line was echoed".
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
