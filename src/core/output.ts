// Ordered writes from the shell itself. Port writes are asynchronous (a blocked pipe must not
// stall the event loop that reads it back, as command substitution does), so writes to one
// fd are chained to keep their order.

import type { OsPort } from '../os/port.js';

export class Output {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly port: OsPort) {}

  write(fd: number, data: string | Uint8Array): Promise<void> {
    if (data.length === 0) return this.tail;
    this.tail = this.tail.then(() => this.port.write(fd, data)).catch(() => {
      // A reader that went away (EPIPE) or a closed fd is not the shell's error to report.
    });
    return this.tail;
  }

  /** Resolves when everything written so far has reached the kernel. */
  drain(): Promise<void> {
    return this.tail;
  }
}
