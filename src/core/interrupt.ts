// ^C while the interactive shell is itself busy (a loop of builtins, `wait`). The host's SIGINT
// handler only notes it (shell.control.interrupt()); whoever is busy acts on it at a safe point
// by abandoning the command line with status 130, as bash's QUIT check does.

import { Interrupted } from './errors.js';
import type { Shell } from './shell.js';

/** Abandons the command line (Interrupted, `$?` 130) if the shell got SIGINT meanwhile. */
export async function abandonIfInterrupted(shell: Shell): Promise<void> {
  if (!shell.control.interrupted) return;
  shell.control.interrupted = false;
  shell.lastStatus = 130;
  // The terminal echoed ^C; bash ends that line before its next prompt.
  if (shell.interactive) await shell.out.write(shell.stdio[2], '\n');
  throw new Interrupted(130);
}

/**
 * Lets the event loop turn, so that signals reach their handlers, then acts on a ^C. Code that
 * runs without waiting for anything (a loop of builtins) never lets it turn otherwise.
 */
export async function breathe(shell: Shell): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  await abandonIfInterrupted(shell);
}
