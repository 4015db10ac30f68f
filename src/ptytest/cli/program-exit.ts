// Ending a foreground program politely first: its own quit keys, then ^C, then SIGTERM to
// its process group, SIGKILL as the last resort. Used by suspend-check and its mode probe.

import { isAlive } from '../procfs.js';
import type { PtySession } from '../session.js';

/** One way to try to end the program. */
export interface Attempt {
  readonly label: string;
  act(s: PtySession, pgid: number): void;
}

/** The usual escalation after the program's own way of quitting. */
export function escalation(first: Attempt[]): Attempt[] {
  return [
    ...first,
    { label: '^C', act: (s) => s.press('Ctrl+C') },
    { label: 'SIGTERM to its process group', act: (s, pgid) => s.kill('SIGTERM', -pgid) },
    { label: 'SIGKILL to its process group', act: (s, pgid) => s.kill('SIGKILL', -pgid) },
  ];
}

function groupGone(s: PtySession, pgid: number): boolean {
  return !s.processes().some((p) => p.pgid === pgid && isAlive(p));
}

/**
 * Try `attempts` in order until no live process of group `pgid` is left;
 * each gets `patience` ms. Returns the label of the one that worked;
 * throws when none did.
 */
export async function endGroup(s: PtySession, pgid: number, attempts: readonly Attempt[], patience: number): Promise<string> {
  const tried: string[] = [];
  for (const attempt of attempts) {
    if (groupGone(s, pgid)) break;
    attempt.act(s, pgid);
    try {
      await s.waitUntil(() => groupGone(s, pgid), { timeout: patience, description: `process group ${pgid} to end` });
      return tried.length === 0 ? attempt.label : `${attempt.label} (${tried.join(', ')} did not end it)`;
    } catch {
      tried.push(attempt.label);
    }
  }
  if (groupGone(s, pgid)) return 'it had already ended';
  throw new Error(`process group ${pgid} survived ${tried.join(', ')}`);
}
