// A disowned job leaves the job table but its processes are still this shell's children:
// until someone waits for them they stay zombies once they exit. The core polls only the pids
// of jobs in the table (it never waits for "any child"), so the pids of disowned jobs are kept
// here and polled whenever a child changes state (as the interactive loop's reaper does for
// the job table), and forgotten once they are gone.

import type { OsPort } from '../../../os/port.js';
import { isFinished } from '../../../os/status.js';

/** Keyed by port, not by shell: a builtin may run on a copy of the shell in the same process. */
const orphans = new WeakMap<OsPort, Set<number>>();

export function adoptDisowned(port: OsPort, pids: readonly number[]): void {
  if (pids.length === 0) return;
  let set = orphans.get(port);
  if (!set) {
    set = new Set();
    orphans.set(port, set);
  }
  const idle = set.size === 0;
  for (const pid of pids) set.add(pid);
  reapDisowned(port);
  if (idle && set.size > 0) void reapUntilGone(port, set);
}

/** Sleeps on child events until every disowned process has been reaped. */
async function reapUntilGone(port: OsPort, set: Set<number>): Promise<void> {
  while (set.size > 0) {
    await port.childEvent();
    reapDisowned(port);
  }
}

/** Reaps whatever disowned processes have ended; never blocks. */
export function reapDisowned(port: OsPort): void {
  const set = orphans.get(port);
  if (!set) return;
  for (const pid of set) {
    try {
      for (let s = port.waitpid(pid, { untraced: false, continued: false }); s; s = port.waitpid(pid, { untraced: false, continued: false })) {
        if (isFinished(s)) {
          set.delete(pid);
          break;
        }
      }
    } catch {
      // ECHILD: reaped elsewhere or never ours; nothing left to collect.
      set.delete(pid);
    }
  }
}

/** Pids of disowned processes not yet reaped (for tests and for the core's reaper). */
export function disownedPids(port: OsPort): number[] {
  return [...(orphans.get(port) ?? [])];
}
