// Where a session's process facts come from: /proc for real processes (procview.ts), or the
// event stream of a simulated kernel (simview.ts). The waiting steps ask only this.

import type { ProcessInfo } from './types.js';

/** Who {@link ProcessSource.killTarget} (and `PtySession.kill`) signals. A number goes to kill(2) as is (negative: a group). */
export type KillTarget = 'process' | 'process-group' | 'foreground-group' | number;

/** The processes of one pty session, in the pid space of whatever kernel runs them. */
export interface ProcessSource {
  /** The spawned program's pid as this source numbers it (a simulated shell has a simulated pid). */
  readonly shellPid: number;
  /** All processes of the session, zombies included, sorted by pid. */
  processes(): ProcessInfo[];
  /** One process, or null if it does not exist (any more). */
  process(pid: number): ProcessInfo | null;
  /** tcgetpgrp() of the terminal; throws once nothing of the session is left to ask. */
  foregroundPgid(): number;
  foregroundPgidOrNull(): number | null;
  /** The live processes of the foreground group. */
  foregroundProcesses(): ProcessInfo[];
  /** Zombie children of `parent`, or every zombie of the session with 'any'. */
  zombies(parent: number | 'any'): ProcessInfo[];
  /** True when `pid` sleeps waiting for input; null when the source cannot tell. */
  waitingForInput(pid: number): boolean | null;
  /** True when the foreground group waits for input. */
  foregroundIdle(): boolean;
  /** The real kill(2) argument for `target`; throws where the target is not a real process. */
  killTarget(target: KillTarget): number;
}

/** Zombies only keep their slot until reaped; they cannot run, hold files or be signalled. */
export function isAlive(p: ProcessInfo): boolean {
  return p.state !== 'Z' && p.state !== 'X';
}
