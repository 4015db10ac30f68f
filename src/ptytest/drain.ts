// Reading a pty to the very end.
//
// libuv treats POLLHUP after a short read as end of file (uv__stream_io), and
// a pty master returns at most about 4 KiB per read, so when the last slave fd
// closes, node-pty's stream ends with up to 64 KiB still unread in the kernel.
// We therefore keep a slave fd open ourselves (no hangup can happen), and
// once the program has exited write a marker to that slave: it comes out of
// the master after everything the program wrote, so when the reader sees it,
// nothing is left behind. Then we let go of the slave and of the stream.

import { closeSync, constants, openSync, write } from 'node:fs';
import type { IPty } from 'node-pty';

/** The parts of node-pty's UnixTerminal we reach into; none are in its typings. */
interface UnixTerminalInternals {
  readonly ptsName?: string;
  readonly _socket?: { destroy: (...args: unknown[]) => unknown; destroyed?: boolean };
}

const RETRY_MS = 10;

/** Holds a pty open past the program's exit so that its last output can be read (see above). */
export class PtyDrain {
  #slave: number | null = null;
  #socket: UnixTerminalInternals['_socket'];
  #realDestroy: ((...args: unknown[]) => unknown) | null = null;
  #released = false;

  /** Hold the slave open and keep node-pty from closing the stream before {@link release}. */
  constructor(pty: IPty) {
    const internals = pty as IPty & UnixTerminalInternals;
    try {
      if (internals.ptsName) {
        this.#slave = openSync(internals.ptsName, constants.O_RDWR | constants.O_NOCTTY | constants.O_NONBLOCK);
      }
    } catch {
      this.#slave = null; // draining is then best effort: node-pty's own end of file
    }
    this.#socket = internals._socket;
    if (this.#slave !== null && this.#socket && typeof this.#socket.destroy === 'function') {
      // node-pty destroys the stream 200 ms after the exit if it has not ended: defer that.
      const socket = this.#socket;
      this.#realDestroy = socket.destroy.bind(socket);
      socket.destroy = (...args: unknown[]) => {
        if (this.#released) return this.#realDestroy!(...args);
        return socket; // release() destroys it once the output is drained
      };
    }
  }

  /** True once the master may be closed: from then on its fd number may belong to another pty. */
  get released(): boolean {
    return this.#released;
  }

  /** True when a marker can be sent: we hold the slave. */
  get holding(): boolean {
    return this.#slave !== null && !this.#released;
  }

  /** Write `marker` to the slave, retrying while the tty's output is stopped (^S). */
  send(marker: string): void {
    const slave = this.#slave;
    if (slave === null || this.#released) return;
    write(slave, marker, (error) => {
      if (error && (error as NodeJS.ErrnoException).code === 'EAGAIN' && !this.#released) {
        setTimeout(() => this.send(marker), RETRY_MS);
      }
    });
  }

  /** Close our slave fd and end the stream (node-pty then reports the exit). Idempotent. */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    if (this.#slave !== null) {
      try {
        closeSync(this.#slave);
      } catch {
        // already closed
      }
      this.#slave = null;
    }
    const socket = this.#socket;
    if (socket && !socket.destroyed) (this.#realDestroy ?? socket.destroy.bind(socket))();
  }
}
