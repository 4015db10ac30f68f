// Listeners that keep what a backend reports until the UI is ready to draw it: the engine is
// started first, while the UI's code is still loading, so that the two start-ups overlap.

import type { BackendListeners, EngineExit } from './backend.js';
import type { Snapshot, TimelineEntry } from './model.js';

export class EarlyListeners implements BackendListeners {
  private target: BackendListeners | null = null;
  private readonly chunks: (Uint8Array | string)[] = [];
  private readonly entries: TimelineEntry[] = [];
  private last: Snapshot | null = null;
  private exited: EngineExit | null = null;

  /**
   * `early` sees the output while nothing is attached (the boot frame draws it), `ended` the
   * engine's end.
   */
  constructor(
    private readonly early: (data: Uint8Array | string) => void = () => {},
    private readonly ended: () => void = () => {},
  ) {}

  output(data: Uint8Array | string): void {
    if (this.target) return this.target.output(data);
    this.chunks.push(data);
    this.early(data);
  }

  snapshot(s: Snapshot): void {
    if (this.target) this.target.snapshot(s);
    else this.last = s;
  }

  timeline(entries: readonly TimelineEntry[]): void {
    if (this.target) this.target.timeline(entries);
    else this.entries.push(...entries);
  }

  exit(e: EngineExit): void {
    if (this.target) return this.target.exit(e);
    this.exited = e;
    this.ended();
  }

  /** From now on everything goes to `target`, what came before first. */
  attach(target: BackendListeners): void {
    for (const c of this.chunks.splice(0)) target.output(c);
    if (this.last) target.snapshot(this.last);
    if (this.entries.length > 0) target.timeline(this.entries.splice(0));
    if (this.exited) target.exit(this.exited);
    this.target = target;
  }
}
