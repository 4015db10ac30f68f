// The engine jcsh-launch started, seen through the same few calls as a node-pty terminal: its
// output, its end, input, size, flow control. It is this process's child (the launcher became
// the UI by exec), so its end is learnt as node-pty learns it: waitpid on that one pid (on
// SIGCHLD here), then the rest of its output read before the end is reported, the master's
// read ending with EIO once no process holds the terminal open, or after END_GRACE_MS.

import fs from 'node:fs';
import tty from 'node:tty';
import { loadNative } from '../../os/linux/native.js';
import { whenReady } from '../../os/linux/reading.js';
import type { LaunchedEngine } from './launched.js';

/** As node-pty: how long the end waits for output still in the pty once the engine is reaped. */
const END_GRACE_MS = 200;

export interface EngineExit {
  readonly exitCode: number;
  readonly signal?: number;
}

interface Disposable {
  dispose(): void;
}

/** Queued writes to a non-blocking fd: a full terminal input buffer waits (poll on the pool), nothing is dropped. */
class FdWriter {
  private queue: Buffer[] = [];
  private busy = false;

  constructor(private readonly fd: number) {}

  write(data: string): void {
    this.queue.push(Buffer.from(data, 'utf8'));
    if (!this.busy) this.next();
  }

  dispose(): void {
    this.queue = [];
  }

  private next(): void {
    const chunk = this.queue[0];
    if (chunk === undefined) {
      this.busy = false;
      return;
    }
    this.busy = true;
    fs.write(this.fd, chunk, 0, chunk.length, null, (err, written) => {
      if (err?.code === 'EAGAIN') {
        whenReady(loadNative(), this.fd, 'write').then(() => this.next(), () => this.dispose());
        return;
      }
      if (err) {
        // The terminal is gone (EIO): what was not written has no reader left.
        this.dispose();
        this.busy = false;
        return;
      }
      if (written < chunk.length) this.queue[0] = chunk.subarray(written);
      else this.queue.shift();
      this.next();
    });
  }
}

export class AdoptedPty {
  readonly pid: number;
  readonly _fd: number;
  private readonly socket: tty.ReadStream;
  private readonly writer: FdWriter;
  private readonly dataListeners = new Set<(data: string) => void>();
  private readonly exitListeners = new Set<(e: EngineExit) => void>();
  private status: EngineExit | null = null;
  private outputEnded = false;
  private reported = false;
  private readonly onSigchld = (): void => this.reap();

  constructor(engine: LaunchedEngine) {
    this.pid = engine.pid;
    this._fd = engine.master;
    this.socket = new tty.ReadStream(engine.master);
    this.socket.setEncoding('utf8');
    this.writer = new FdWriter(engine.master);
    this.socket.on('data', (data: string) => {
      for (const listener of this.dataListeners) listener(data);
    });
    this.socket.on('error', (err: NodeJS.ErrnoException) => {
      // EIO: the last process holding the terminal closed it.
      if (err.code !== 'EAGAIN') this.socket.destroy();
    });
    this.socket.on('close', () => {
      this.outputEnded = true;
      this.report();
    });
    process.on('SIGCHLD', this.onSigchld);
    // It may have ended before the listener was there.
    this.reap();
  }

  onData(listener: (data: string) => void): Disposable {
    this.dataListeners.add(listener);
    return { dispose: () => this.dataListeners.delete(listener) };
  }

  onExit(listener: (e: EngineExit) => void): Disposable {
    this.exitListeners.add(listener);
    return { dispose: () => this.exitListeners.delete(listener) };
  }

  write(data: string): void {
    this.writer.write(data);
  }

  resize(cols: number, rows: number): void {
    loadNative().setWindowSize(this._fd, cols, rows);
  }

  pause(): void {
    this.socket.pause();
  }

  resume(): void {
    this.socket.resume();
  }

  kill(signal: NodeJS.Signals = 'SIGHUP'): void {
    try {
      process.kill(this.pid, signal);
    } catch {
      // Already gone.
    }
  }

  /** As node-pty's destroy: the master is closed (the kernel hangs up the terminal), then SIGHUP. */
  destroy(): void {
    this.writer.dispose();
    this.socket.once('close', () => this.kill('SIGHUP'));
    this.socket.destroy();
  }

  private reap(): void {
    if (this.status !== null) return;
    let raw: number | null;
    try {
      raw = loadNative().waitpid(this.pid, 0);
    } catch {
      // ECHILD: someone else collected it; its status is lost, as a plain end.
      raw = 0;
    }
    if (raw === null) return;
    process.off('SIGCHLD', this.onSigchld);
    const signal = raw & 0x7f;
    this.status = signal === 0 ? { exitCode: (raw >> 8) & 0xff } : { exitCode: 0, signal };
    if (!this.outputEnded) setTimeout(() => this.socket.destroy(), END_GRACE_MS).unref();
    this.report();
  }

  private report(): void {
    if (this.status === null || !this.outputEnded || this.reported) return;
    this.reported = true;
    for (const listener of this.exitListeners) listener(this.status);
  }
}
