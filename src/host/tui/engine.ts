// The engine's end of the UI's private channel. The UI starts the plain shell with the path
// of a Unix socket in JCSH_UI_CHANNEL; the shell takes the variable out of its environment
// before anything reads it (no job ever sees it), connects, and sends what its port observes
// as JSON lines.
//
// The channel must never hold the shell up: writes are fire-and-forget, the messages of one
// burst leave in one write, a UI that stops reading costs at most MAX_QUEUE_BYTES and then
// messages are dropped, and a UI that is gone is forgotten. Nothing here runs on a timer:
// an idle shell sends nothing and makes no system call.

import net from 'node:net';
import type { Shell } from '../../core/shell.js';
import type { OsPort } from '../../os/port.js';
import type { JobRow, TimelineEntry } from '../../ui/model.js';
import { observePort, type PortObserver } from './observe.js';
import { CHANNEL_VARIABLE, encodeMessage, MAX_MESSAGE_BYTES, type EngineMessage } from './protocol.js';

/** Bytes waiting for a UI that does not read, beyond which messages are dropped. */
export const MAX_QUEUE_BYTES = 1024 * 1024;

/** A socket the shell writes to and never waits for. */
export class ChannelWriter {
  private socket: net.Socket | null;
  private corked = false;
  private dropped = 0;

  constructor(path: string, private readonly now: () => number) {
    const socket = net.createConnection({ path });
    this.socket = socket;
    // The channel never keeps the shell alive, and its failure is no failure of the shell.
    socket.unref();
    socket.on('error', () => this.forget());
    socket.on('close', () => this.forget());
    // The UI sends nothing; reading only tells when it is gone.
    socket.on('data', () => {});
    socket.on('end', () => socket.destroy());
  }

  send(m: EngineMessage): void {
    const socket = this.socket;
    if (socket === null) return;
    if (socket.writableLength > MAX_QUEUE_BYTES) {
      this.dropped++;
      return;
    }
    if (!this.corked) {
      // Every message of one run of the shell's code goes out in one write.
      this.corked = true;
      socket.cork();
      process.nextTick(() => {
        this.corked = false;
        socket.uncork();
      });
    }
    if (this.dropped > 0) {
      const text = `the UI read too slowly: ${this.dropped} messages dropped`;
      this.dropped = 0;
      socket.write(encodeMessage({ t: 'event', entry: { time: this.now(), kind: 'note', text } }));
    }
    socket.write(encodeMessage(m));
  }

  /** Bytes waiting to leave for the UI (0 once none are, or without a UI). */
  pending(): number {
    return this.socket?.writableLength ?? 0;
  }

  private forget(): void {
    this.socket?.destroy();
    this.socket = null;
  }
}

/** Longest command of a job row sent: the UI shows one line of it. */
const MAX_ROW_COMMAND = 1000;

/**
 * The job table as one message the UI accepts (at most MAX_MESSAGE_BYTES): each command
 * clipped, and rows beyond what fits left out (a script may hold thousands of jobs).
 */
export function fitJobs(rows: readonly JobRow[]): { readonly rows: JobRow[]; readonly left: number } {
  const room = MAX_MESSAGE_BYTES - 256;
  const fitted: JobRow[] = [];
  let size = 0;
  for (const r of rows) {
    const row = r.command.length > MAX_ROW_COMMAND ? { ...r, command: `${r.command.slice(0, MAX_ROW_COMMAND - 1)}…` } : r;
    size += Buffer.byteLength(JSON.stringify(row)) + 1;
    if (size > room) break;
    fitted.push(row);
  }
  return { rows: fitted, left: rows.length - fitted.length };
}

export interface UiChannel {
  /** The shell's port, reporting to the UI: give this one to the Shell. */
  observe(port: OsPort): OsPort;
  /** The shell whose job table the UI shows. */
  attach(shell: Shell): void;
}

/**
 * Takes the channel's path out of the environment (always, so no child inherits it) and
 * connects to the UI; null when the shell was not started by the UI.
 */
export function openUiChannel(env: NodeJS.ProcessEnv = process.env): UiChannel | null {
  const path = env[CHANNEL_VARIABLE];
  delete env[CHANNEL_VARIABLE];
  if (!path) return null;
  const start = Date.now();
  const origin = performance.now();
  const now = () => Math.round(performance.now() - origin);
  const writer = new ChannelWriter(path, now);
  let observer: PortObserver | null = null;
  return {
    observe(port) {
      writer.send({ t: 'hello', pid: port.getpid(), start });
      observer = observePort(port, {
        event: (entry: TimelineEntry) => writer.send({ t: 'event', entry }),
        jobs: (jobs: readonly JobRow[]) => {
          const { rows, left } = fitJobs(jobs);
          writer.send({ t: 'jobs', jobs: rows });
          if (left > 0) writer.send({ t: 'event', entry: { time: now(), kind: 'note', text: `${left} more jobs not shown` } });
        },
      }, { now });
      // Only the host hears SIGCHLD (Node runs this listener beside the port's own).
      const seen = observer;
      process.on('SIGCHLD', () => seen.childSignal());
      return observer.port;
    },
    attach(shell) {
      observer?.attach(() => shell.control.jobs);
    },
  };
}
