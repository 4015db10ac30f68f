// Sessions the pty tests start again and again.

import { spawnPty, type PtySession, type SpawnOptions } from '../../src/ptytest/index.js';
import { pathWithHelpers } from './paths.js';

/** bash's prompt in the tests: fixed and unusual, so it cannot be mistaken for output. */
export const PROMPT = 'jc$ ';

/**
 * An interactive bash without rc files, prompt {@link PROMPT}, the helper
 * programs on PATH and no history file written into HOME.
 */
export function spawnBash(options: SpawnOptions = {}): PtySession {
  return spawnPty('bash', ['--norc', '--noprofile', '-i'], {
    prompt: PROMPT,
    ...options,
    env: { PS1: PROMPT, PATH: pathWithHelpers(), HISTFILE: '/dev/null', ...options.env },
  });
}

/** Run one command line at a bash prompt and wait for the next prompt; returns the output in between. */
export async function run(session: PtySession, line: string): Promise<string> {
  session.sendLine(line);
  const match = await session.expectPrompt();
  return match.before;
}
