// Ending every process of a pty session, including jobs the program left behind.

import { isAlive, listProcesses, readProcess } from './procfs.js';
import type { ProcessInfo } from './types.js';
import { waitUntil } from './wait.js';

/** Never signal our own session or init, whatever a caller passes. */
function isForeignSession(sid: number): boolean {
  return sid > 1 && sid !== readProcess(process.pid)?.sid;
}

/**
 * The live processes of session `sid`, plus its leader: right after the
 * spawn, the leader (our child, pid = sid) may not have called setsid() yet.
 */
function members(sid: number): ProcessInfo[] {
  const leader = (p: ProcessInfo) => p.pid === sid && p.ppid === process.pid;
  return listProcesses((p) => (p.sid === sid || leader(p)) && isAlive(p));
}

/**
 * Send `signal` to every live process of the session and to each of their
 * groups (the group kill also reaches a child forked a moment ago). Only
 * groups of processes already inside the session are signalled: a leader
 * that has not left our session yet still shares our own group.
 */
export function signalSession(sid: number, signal: NodeJS.Signals): void {
  if (!isForeignSession(sid)) return;
  const alive = members(sid);
  const groups = alive.filter((p) => p.sid === sid).map((p) => -p.pgid);
  const targets = new Set([...alive.map((p) => p.pid), ...groups]);
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
  return members(sid).length === 0;
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
