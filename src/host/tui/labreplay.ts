// A lab step's effects on the screen held back and shown event by event: while the learner
// steps through a step's events (^] .), the pane, the panels and the Timeline show the machine
// as it was at the event just shown. Each kernel event closes a frame: the terminal output
// written since the last event (a write's bytes come before its event), the Timeline lines the
// event makes, and the panels' state right after it.

import type { Snapshot, TimelineEntry } from '../../ui/model.js';

export interface Frame {
  readonly output: readonly Uint8Array[];
  readonly entries: readonly TimelineEntry[];
  readonly snapshot: Snapshot | null;
}

export class LabReplay {
  /** Frames held, the first being event number `base` (counted from the machine's boot). */
  private frames: Frame[] = [];
  private base = 0;
  private seen = 0;
  private output: Uint8Array[] = [];
  holding = false;

  constructor(private readonly show: (f: Frame) => void) {}

  /** Output while holding waits for its event. */
  write(bytes: Uint8Array): void {
    this.output.push(bytes);
  }

  event(entries: readonly TimelineEntry[], snapshot: Snapshot): void {
    this.seen++;
    this.frames.push({ output: this.output.splice(0), entries, snapshot });
  }

  /** A step starts: what it does is held from the next event on. */
  hold(): void {
    this.releaseAll();
    this.holding = true;
    this.base = this.seen;
  }

  /** Shows every held frame up to event number `upTo`. */
  release(upTo: number): void {
    while (this.frames.length > 0 && this.base <= upTo) {
      this.show(this.frames.shift()!);
      this.base++;
    }
  }

  /** Shows everything held, and stops holding. */
  releaseAll(): void {
    this.release(Number.POSITIVE_INFINITY);
    if (this.output.length > 0) this.show({ output: this.output.splice(0), entries: [], snapshot: null });
    this.holding = false;
  }
}
