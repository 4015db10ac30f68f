// The line editor's Node streams over the terminal, opened without leaking descriptors.
//
// For every stream over a terminal, libuv (uv_tty_init) opens the terminal again, so that it
// may make its own file description non-blocking, dup2()s that one over the fd it was given,
// and from then on uses only its own: the fd it was given is never closed. A reader that
// opened /dev/tty for each prompt therefore leaked two fds a prompt. Here the fd handed to
// libuv is opened once and kept, so a prompt costs only the fd libuv opens and, when the
// stream is destroyed, closes. Where libuv cannot open its own (EMFILE) it uses the given fd
// and closes that with the stream; then the next prompt opens a new one.

import fs from 'node:fs';
import tty from 'node:tty';

/** The fd libuv reads or writes for a stream (internal to Node, stable since Node 12). */
function streamFd(stream: tty.ReadStream | tty.WriteStream): number | undefined {
  return (stream as unknown as { _handle?: { fd?: number } })._handle?.fd;
}

export class TerminalStreams {
  private readFd: number | null = null;
  private writer: tty.WriteStream | null = null;
  private watchingSize = false;

  constructor(
    private readonly path: string,
    /** A write to the terminal failed with `code` (EIO: the terminal was hung up). */
    private readonly onWriteError: (code: string) => void,
  ) {}

  /** A new input stream, for one prompt; the caller destroys it. Throws if /dev/tty cannot be opened. */
  input(): tty.ReadStream {
    const fd = this.readFd ?? fs.openSync(this.path, 'r');
    this.readFd = fd;
    const stream = new tty.ReadStream(fd);
    if (streamFd(stream) === fd) this.readFd = null; // the stream owns it and will close it
    return stream;
  }

  /** The output stream, kept from prompt to prompt (made again after a failure), its size current. */
  output(): tty.WriteStream {
    if (this.writer && !this.writer.destroyed) {
      refreshSize(this.writer);
      return this.writer;
    }
    const fd = fs.openSync(this.path, 'w');
    const stream = new tty.WriteStream(fd);
    // libuv writes through a description of its own; ours is no longer needed.
    if (streamFd(stream) !== fd) fs.closeSync(fd);
    stream.on('error', (e: NodeJS.ErrnoException) => this.onWriteError(e.code ?? ''));
    // Node keeps only process.stdout's size up to date; readline redraws from this one's.
    if (!this.watchingSize) process.on('SIGWINCH', () => this.writer && refreshSize(this.writer));
    this.watchingSize = true;
    this.writer = stream;
    return stream;
  }
}

/**
 * Reads the terminal's size again (getWindowSize() only returns what the stream last read);
 * on a change the stream emits 'resize', on which readline redraws its line. Node does this
 * on SIGWINCH for process.stdout only, through this same internal method.
 */
function refreshSize(stream: tty.WriteStream): void {
  (stream as unknown as { _refreshSize?: () => void })._refreshSize?.();
}
