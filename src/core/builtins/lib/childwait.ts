// Waiting inside a builtin must stay interruptible: ^C at the keyboard makes the interactive
// shell call shell.control.interrupt(), which wakes shell.control.nextEvent(); bash's wait then gives up with
// status 130 and abandons the rest of the command line.

import { abandonIfInterrupted } from '../../interrupt.js';
import type { Shell } from '../../shell.js';

/**
 * Reaps until `done()` holds. Throws Interrupted(130) (with `$?` set) when the shell got SIGINT
 * meanwhile, as bash's wait does.
 */
export async function waitUntil(shell: Shell, done: () => boolean): Promise<void> {
  shell.control.update();
  while (!done()) {
    await shell.control.nextEvent();
    shell.control.update();
    await abandonIfInterrupted(shell);
  }
}
