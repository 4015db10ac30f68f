// Hanging up a session whose shell is already dead. Closing the terminal makes the kernel
// signal only the session leader and the foreground group; the leader (the engine) passes
// SIGHUP on to its jobs. When the engine died first, its background jobs would outlive the
// window, so the UI sends each remaining group of the session what the shell would have sent:
// SIGHUP, then SIGCONT so a stopped group sees it.

import { readSession, readStat } from './procfs.js';

/** Sends SIGHUP and SIGCONT to every process group of session `sid` (never the UI's own). */
export function hangUpSession(sid: number): void {
  // A session the UI did not start (its own, or init's) is never touched.
  const self = readStat(process.pid);
  if (sid <= 1 || self === null || sid === self.sid) return;
  const groups = new Set(readSession(sid).processes.map((p) => p.pgid).filter((g) => g > 1 && g !== self.pgid));
  for (const pgid of groups) {
    for (const signal of ['SIGHUP', 'SIGCONT'] as const) {
      try {
        process.kill(-pgid, signal);
      } catch {
        // The group ended meanwhile.
      }
    }
  }
}
