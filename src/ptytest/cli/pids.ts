// Every pid and process-group id seen in a session while it ran, so that a transcript's
// numbers can be told apart from pids when it is normalized.

import type { PtySession } from '../session.js';
import { SimView } from '../simview.js';

const INTERVAL_MS = 25;

/** Samples the session's processes until {@link stop}; short-lived ones may slip through. */
export class PidSampler {
  readonly #session: PtySession;
  readonly #seen = new Set<number>();
  readonly #timer: NodeJS.Timeout;

  constructor(session: PtySession) {
    this.#session = session;
    this.#seen.add(session.pid);
    this.sample();
    this.#timer = setInterval(() => this.sample(), INTERVAL_MS);
    this.#timer.unref();
  }

  /** Look now (also called at the moments that matter, e.g. before a key is sent). */
  sample(): void {
    // A simulated kernel logs every process it ever had: none slips through.
    const view = this.#session.view;
    if (view instanceof SimView) for (const pid of view.seenPids()) this.#seen.add(pid);
    for (const p of this.#session.processes()) {
      this.#seen.add(p.pid);
      this.#seen.add(p.pgid);
    }
  }

  stop(): ReadonlySet<number> {
    clearInterval(this.#timer);
    return this.#seen;
  }
}
