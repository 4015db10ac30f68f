// Pipes: a 64 KiB buffer between a read end and a write end. Readers sleep while it is empty
// and see end of file once every write end is closed; writers sleep while it is full, and a
// write with no reader left raises SIGPIPE and fails with EPIPE.

import { SIG } from '../signals.js';
import { SysError } from './errno.js';
import { OpenFile, type FileOps } from './files.js';
import type { Call } from './process.js';
import { sendSignal } from './signal.js';

const CAPACITY = 65536;

class Pipe {
  /** Chunks written and not yet read, from index `head` on (a queue without shift's cost). */
  private chunks: Uint8Array[] = [];
  private head = 0;
  size = 0;
  readers = 0;
  writers = 0;
  readonly readQ = new Set<Call>();
  readonly writeQ = new Set<Call>();

  put(data: Uint8Array): void {
    this.chunks.push(data);
    this.size += data.length;
  }

  take(count: number): Uint8Array {
    const first = this.chunks[this.head]!;
    // The common case, one whole chunk, needs no copy.
    if (first.length <= count && (first.length === count || this.head + 1 === this.chunks.length)) {
      this.drop();
      this.size -= first.length;
      return first;
    }
    const out = new Uint8Array(Math.min(count, this.size));
    let at = 0;
    while (at < out.length) {
      const c = this.chunks[this.head]!;
      const n = Math.min(c.length, out.length - at);
      out.set(c.subarray(0, n), at);
      at += n;
      if (n === c.length) this.drop();
      else this.chunks[this.head] = c.subarray(n);
    }
    this.size -= out.length;
    return out;
  }

  private drop(): void {
    this.chunks[this.head++] = undefined as unknown as Uint8Array;
    if (this.head === this.chunks.length) {
      this.chunks = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.head);
      this.head = 0;
    }
  }
}

function readOps(pipe: Pipe): FileOps {
  return {
    kind: 'pipe',
    read(k, call, f, count) {
      if (pipe.size > 0) {
        const data = pipe.take(count);
        k.wake(pipe.writeQ);
        return data;
      }
      if (pipe.writers === 0) return new Uint8Array(0);
      if (f.access.nonblock) return new SysError('EAGAIN', 'read');
      return k.sleepOn(call, pipe.readQ, 'pipe_read');
    },
    write: () => new SysError('EBADF', 'write'),
    release(k) {
      pipe.readers--;
      k.wake(pipe.writeQ);
    },
  };
}

function writeOps(pipe: Pipe): FileOps {
  return {
    kind: 'pipe',
    read: () => new SysError('EBADF', 'read'),
    write(k, call, f, data) {
      const done = call.done ?? 0;
      if (pipe.readers === 0) {
        sendSignal(k, call.proc, SIG.PIPE, { by: 'kernel', from: null, note: 'write to a pipe with no reader' });
        return done > 0 ? done : new SysError('EPIPE', 'write');
      }
      const room = CAPACITY - pipe.size;
      const n = Math.min(room, data.length - done);
      if (n > 0) {
        pipe.put(data.slice(done, done + n));
        k.wake(pipe.readQ);
      }
      call.done = done + n;
      if (call.done === data.length) return data.length;
      if (f.access.nonblock) return call.done > 0 ? call.done : new SysError('EAGAIN', 'write');
      return k.sleepOn(call, pipe.writeQ, 'pipe_write');
    },
    release(k) {
      pipe.writers--;
      k.wake(pipe.readQ);
    },
  };
}

/** A new pipe: [read end, write end] descriptions (with no fds yet). */
export function makePipe(): [OpenFile, OpenFile] {
  const pipe = new Pipe();
  pipe.readers = 1;
  pipe.writers = 1;
  return [new OpenFile(readOps(pipe), { read: true, write: false }), new OpenFile(writeOps(pipe), { read: false, write: true })];
}
