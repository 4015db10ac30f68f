// Helpers for the OS-interface contract: waiting on children with deadlines (never fixed
// sleeps), draining pipes, and a tracker that kills and reaps whatever a test left behind.

import type { OsPort, Program, SpawnRequest, WaitOptions, WaitStatus } from '../../src/os/port.js';
import { OsError } from '../../src/os/port.js';
import { isFinished } from '../../src/os/status.js';

/** What a kernel's test fixture provides to the contract. */
export interface ContractFixture {
  /** Shown in test names. */
  readonly name: string;
  makePort(): OsPort;
  /** A utility by name, with its arguments. The contract uses: sleep N, cat, yes, head -n N. */
  exec(argv: readonly string[], env?: readonly string[]): Program;
  /** A fresh, empty, absolute scratch directory. */
  tmpdir(): string;
  /** A child's state in the kernel's process table. */
  processState(pid: number): 'alive' | 'stopped' | 'zombie' | 'gone';
}

export const ALL: WaitOptions = { untraced: true, continued: true };
export const EXITS: WaitOptions = { untraced: false, continued: false };

export const TIMEOUT_MS = 10_000;

/** Polls `check` until it returns a value other than undefined, or fails after the deadline. */
export async function until<T>(what: string, check: () => T | undefined, timeoutMs = TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let delay = 1; ; delay = Math.min(delay * 2, 50)) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** The next status change of pid, woken by childEvent(), failing after the deadline. */
export async function nextStatus(port: OsPort, pid: number, options: WaitOptions = ALL): Promise<WaitStatus> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const status = port.waitpid(pid, options);
    if (status !== null) return status;
    if (Date.now() > deadline) throw new Error(`timed out waiting for child ${pid}`);
    await port.childEvent();
  }
}

/** Reads fd until end of file and returns the text. */
export async function readAll(port: OsPort, fd: number): Promise<string> {
  const parts: Uint8Array[] = [];
  for (let chunk = await port.read(fd); chunk !== null; chunk = await port.read(fd)) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
}

export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Calls fn and returns the OsError code it throws (fails if it does not throw one). */
export function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof OsError) return err.code;
    throw err;
  }
  throw new Error('expected an OsError');
}

/** Spawns through the port and remembers children and fds to clean up after each test. */
export class Tracker {
  private readonly pids = new Set<number>();
  private readonly fds = new Set<number>();

  constructor(readonly port: OsPort) {}

  spawn(req: SpawnRequest): number {
    const pid = this.port.spawn(req);
    this.pids.add(pid);
    return pid;
  }

  /** A pipe whose ends are closed at cleanup unless closed earlier with close(). */
  pipe(): [number, number] {
    const [r, w] = this.port.pipe();
    this.fds.add(r).add(w);
    return [r, w];
  }

  close(fd: number): void {
    this.fds.delete(fd);
    this.port.close(fd);
  }

  /** Waits for pid's next change; a final one means the pid needs no cleanup. */
  async status(pid: number, options: WaitOptions = ALL): Promise<WaitStatus> {
    const status = await nextStatus(this.port, pid, options);
    if (isFinished(status)) this.pids.delete(pid);
    return status;
  }

  /** waitpidBlocking through the tracker. */
  blocking(pid: number, options: WaitOptions = EXITS): WaitStatus {
    const status = this.port.waitpidBlocking(pid, options);
    if (isFinished(status)) this.pids.delete(pid);
    return status;
  }

  /** Waits until pid has ended, skipping stop/continue reports. */
  async final(pid: number): Promise<WaitStatus> {
    for (;;) {
      const status = await this.status(pid, EXITS);
      if (isFinished(status)) return status;
    }
  }

  async cleanup(): Promise<void> {
    for (const fd of this.fds) if (this.port.isOpen(fd)) this.port.close(fd);
    this.fds.clear();
    for (const pid of [...this.pids]) {
      try {
        this.port.kill(pid, 9);
      } catch {
        // already dead: reap it all the same
      }
      await this.final(pid);
    }
  }
}
