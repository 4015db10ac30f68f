// Waiting inside a builtin must stay interruptible: ^C at the keyboard makes the interactive
// shell call shell.control.interrupt(), which wakes shell.control.nextEvent(); bash's wait then gives up with
// status 130 and abandons the rest of the command line. A signal a trap catches ends the wait
// too (XCU 2.11): `wait` returns 128+signal, and the trap runs after it.

import { abandonIfInterrupted } from '../../interrupt.js';
import type { Shell } from '../../shell.js';

/** A caught signal with a trap ended a wait. */
export class TrapInterrupt extends Error {
  constructor(readonly signal: number) {
    super('trapped signal');
    this.name = 'TrapInterrupt';
  }
}

/**
 * Reaps until `done()` holds. Throws Interrupted(130) (with `$?` set) when the shell got SIGINT
 * meanwhile, as bash's wait does, and TrapInterrupt when a signal with a trap came.
 */
export async function waitUntil(shell: Shell, done: () => boolean): Promise<void> {
  const traps = shell.traps;
  const stop = traps.catching ? traps.onArrival(() => shell.control.wake()) : null;
  try {
    await sleepUntil(shell, done);
  } finally {
    stop?.();
  }
}

async function sleepUntil(shell: Shell, done: () => boolean): Promise<void> {
  shell.control.update();
  while (!done()) {
    trapped(shell);
    await shell.control.nextEvent();
    shell.control.update();
    await abandonIfInterrupted(shell);
  }
}

function trapped(shell: Shell): void {
  if (!shell.traps.catching) return;
  const sig = shell.traps.interruptingSignal();
  if (sig !== undefined) throw new TrapInterrupt(sig);
}
