// Ending every process of a pty session, including jobs the program left behind.

import { isAlive, readProcess, sessionProcesses } from './procfs.js';
import { waitUntil } from './wait.js';

/** Never signal our own session or init, whatever a caller passes. */
function isForeignSession(sid: number): boolean {
  return sid > 1 && sid !== readProcess(process.pid)?.sid;
}

/**
 * Send `signal` to every live process of the session and to each of their
 * groups (the group kill also reaches a child forked a moment ago).
 */
export function signalSession(sid: number, signal: NodeJS.Signals): void {
  if (!isForeignSession(sid)) return;
  const alive = sessionProcesses(sid).filter(isAlive);
  const targets = new Set([...alive.map((p) => p.pid), ...new Set(alive.map((p) => -p.pgid))]);
  for (const target of targets) {
    try {
      process.kill(target, signal);
    } catch {
      // Already gone: that is the goal.
    }
  }
}

/** True when nothing of the session can run any more (zombies await a parent that may never reap). */
export function sessionGone(sid: number): boolean {
  return !sessionProcesses(sid).some(isAlive);
}

async function goneWithin(sid: number, timeout: number): Promise<boolean> {
  try {
    await waitUntil(() => sessionGone(sid), { timeout, description: `session ${sid} to end` });
    return true;
  } catch {
    return false;
  }
}

/**
 * End session `sid`: SIGHUP (with SIGCONT, so stopped processes act on it),
 * then SIGKILL whatever is left after `grace` ms, repeated in case something
 * was forking. Resolves once no live process of the session remains, or
 * after a few seconds of trying.
 */
export async function terminateSession(sid: number, grace = 500): Promise<void> {
  if (sessionGone(sid)) return;
  signalSession(sid, 'SIGHUP');
  signalSession(sid, 'SIGCONT');
  if (await goneWithin(sid, grace)) return;
  for (let attempt = 0; attempt < 3; attempt++) {
    signalSession(sid, 'SIGKILL');
    if (await goneWithin(sid, 1000)) return;
  }
}
