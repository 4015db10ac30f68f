// The session's I/O history: always the last few events (for failure reports),
// and every event when tracing is on.

import { performance } from 'node:perf_hooks';
import type { TraceEvent } from './types.js';

const RECENT = 10;

/** Records I/O events with their time since the session started. */
export class IoLog {
  readonly #start = performance.now();
  readonly #recent: TraceEvent[] = [];
  readonly #all: TraceEvent[] | null;

  constructor(keepAll: boolean) {
    this.#all = keepAll ? [] : null;
  }

  /** Milliseconds since the log (that is, the session) started. */
  now(): number {
    return Math.round((performance.now() - this.#start) * 1000) / 1000;
  }

  /** Log one event, stamped now. */
  record(dir: TraceEvent['dir'], data: string): void {
    const event: TraceEvent = { t: this.now(), dir, data };
    this.#recent.push(event);
    if (this.#recent.length > RECENT) this.#recent.shift();
    this.#all?.push(event);
  }

  /** The last few events, oldest first. */
  recent(): TraceEvent[] {
    return [...this.#recent];
  }

  /** Every event, or null when the session was not started with `trace: true`. */
  all(): TraceEvent[] | null {
    return this.#all === null ? null : [...this.#all];
  }
}
