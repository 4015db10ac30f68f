// Ordered writes from the shell itself. Port writes are asynchronous (a blocked pipe must not
// stall the event loop that reads it back, as command substitution does), so writes to one
// fd are chained to keep their order.

import type { Maybe } from '../lang/maybe.js';
import { OsError, type OsPort } from '../os/port.js';

/** What the host makes of a failed write (EIO on its terminal: the terminal was hung up). */
export type WriteFailure = (fd: number, code: string) => void;

const DONE: Promise<void> = Promise.resolve();

export class Output {
  private tail: Promise<void> = Promise.resolve();
  /** Writes queued and not yet done: with none, there is nothing to wait for. */
  private pending = 0;
  /** A write made at once failed (a full disk): the builtin that wrote reports it. */
  private failedNow: OsError | null = null;
  /** Told of every failed write; a reader that went away is otherwise not the shell's error. */
  onFailure: WriteFailure | null = null;

  constructor(private readonly port: OsPort) {}

  write(fd: number, data: string | Uint8Array): Promise<void> {
    if (data.length === 0) return this.tail;
    if (this.pending === 0 && this.wroteNow(fd, data)) return DONE;
    this.pending++;
    this.tail = this.tail.then(() => this.writeLater(fd, data));
    return this.tail;
  }

  /** The failure of the last write made at once and not yet asked for. */
  takeFailure(): OsError | null {
    const e = this.failedNow;
    this.failedNow = null;
    return e;
  }

  /** A write that cannot be held up is made at once: nothing is queued before it. */
  private wroteNow(fd: number, data: string | Uint8Array): boolean {
    try {
      return this.port.writeNow(fd, data);
    } catch (e) {
      if (e instanceof OsError) this.failedNow = e;
      this.onFailure?.(fd, e instanceof OsError ? e.code : '');
      return true;
    }
  }

  private async writeLater(fd: number, data: string | Uint8Array): Promise<void> {
    try {
      await this.port.write(fd, data);
    } catch (e) {
      // EPIPE or a closed fd: nothing to report here; the host decides about its terminal.
      this.onFailure?.(fd, e instanceof OsError ? e.code : '');
    } finally {
      this.pending--;
    }
  }

  /** Done when everything written so far has reached the kernel: at once if nothing is queued. */
  drain(): Maybe<void> {
    return this.pending === 0 ? undefined : this.tail;
  }
}
