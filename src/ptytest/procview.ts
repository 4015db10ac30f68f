// What /proc says about one pty session: its processes, the terminal's foreground group, zombies.

import { isAlive, isWaitingForInput, listProcesses, readProcess, sessionProcesses } from './procfs.js';
import type { KillTarget, ProcessSource } from './procsource.js';
import type { ProcessInfo } from './types.js';

export type { KillTarget } from './procsource.js';

/** The processes of the session led by `pid` (node-pty's forkpty makes the program a session leader). */
export class ProcessView implements ProcessSource {
  constructor(
    readonly pid: number,
    readonly sid: number,
  ) {}

  get shellPid(): number {
    return this.pid;
  }

  process(pid: number): ProcessInfo | null {
    return readProcess(pid);
  }

  waitingForInput(pid: number): boolean | null {
    return isWaitingForInput(pid);
  }

  /** All processes of the session, zombies included. */
  processes(): ProcessInfo[] {
    return sessionProcesses(this.sid);
  }

  /**
   * tcgetpgrp() of the terminal, read without the master fd: the tpgid field
   * of a live process of the session (they all share the terminal).
   */
  foregroundPgid(): number {
    const own = readProcess(this.pid);
    const witness = own && isAlive(own) ? own : this.processes().find(isAlive);
    if (!witness) throw new Error(`foregroundPgid: no live process left in session ${this.sid}`);
    return witness.tpgid;
  }

  /** {@link foregroundPgid}, or null once nothing of the session is left to ask. */
  foregroundPgidOrNull(): number | null {
    try {
      return this.foregroundPgid();
    } catch {
      return null;
    }
  }

  /** The live processes of the foreground group. */
  foregroundProcesses(): ProcessInfo[] {
    const pgid = this.foregroundPgid();
    return this.processes().filter((p) => p.pgid === pgid && isAlive(p));
  }

  /** Zombie children of `parent`, or every zombie of the session with 'any'. */
  zombies(parent: number | 'any'): ProcessInfo[] {
    if (parent === 'any') return this.processes().filter((p) => p.state === 'Z');
    return listProcesses((p) => p.ppid === parent && p.state === 'Z');
  }

  /**
   * True when the foreground group waits for input (see isWaitingForInput);
   * also true when /proc cannot tell for any of its processes.
   */
  foregroundIdle(): boolean {
    const states = this.foregroundProcesses().map((p) => isWaitingForInput(p.pid));
    return states.includes(true) || (states.length > 0 && states.every((s) => s === null));
  }

  /** The kill(2) argument for `target`. */
  killTarget(target: KillTarget): number {
    if (typeof target === 'number') return target;
    if (target === 'process') return this.pid;
    if (target === 'foreground-group') return -this.foregroundPgid();
    return -(readProcess(this.pid)?.pgid ?? this.pid);
  }
}
