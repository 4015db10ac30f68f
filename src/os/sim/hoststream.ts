// Files that lead out of the simulation: the real process's stdin, stdout or stderr when they
// are not a terminal (`jcsh --sim -c 'echo hi' > out`, a pipe from a driver). To simulated
// programs they are pipes: reads sleep until the host pushes bytes, and see end of file after
// the host's end; writes go straight out.

import { OpenFile, type FileOps } from './files.js';
import type { Kernel } from './kernel.js';
import type { Call } from './process.js';

export class HostInput {
  private chunks: Uint8Array[] = [];
  private ended = false;
  private readonly readers = new Set<Call>();

  constructor(private readonly k: Kernel) {}

  push(data: Uint8Array): void {
    this.chunks.push(data);
    this.k.external();
    this.k.wake(this.readers);
  }

  end(): void {
    this.ended = true;
    this.k.external();
    this.k.wake(this.readers);
  }

  file(): OpenFile {
    const ops: FileOps = {
      kind: 'host',
      read: (k, call, _f, count) => {
        const c = this.chunks[0];
        if (c) {
          if (c.length <= count) this.chunks.shift();
          else this.chunks[0] = c.subarray(count);
          return c.subarray(0, count);
        }
        if (this.ended) return new Uint8Array(0);
        return k.sleepOn(call, this.readers, 'pipe_read');
      },
      write: (_k, _c, _f, data) => data.length,
      release: () => {},
    };
    return new OpenFile(ops, { read: true, write: false });
  }
}

export function hostOutput(write: (data: Uint8Array) => void): OpenFile {
  const ops: FileOps = {
    kind: 'host',
    read: () => new Uint8Array(0),
    write: (_k, _c, _f, data) => {
      write(data);
      return data.length;
    },
    release: () => {},
  };
  return new OpenFile(ops, { read: false, write: true });
}
