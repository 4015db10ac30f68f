// Turns a stream of "something changed" into at most one call per frame: the first change of a
// quiet spell is passed on at once (typing echoes without delay), changes during the frame that
// follows are folded into one trailing call. At most one timer is ever pending, and none once a
// frame passes without change, so an idle UI makes no wake-ups at all.

export class FrameThrottle {
  /** The frame's length in ms; a change takes effect from the next frame. */
  frameMs: number;
  readonly #emit: () => void;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #pending = false;

  constructor(frameMs: number, emit: () => void) {
    this.frameMs = frameMs;
    this.#emit = emit;
  }

  /** Something changed. */
  poke(): void {
    if (this.#timer !== null) {
      this.#pending = true;
      return;
    }
    this.#emit();
    this.#arm();
  }

  /** True while a frame is running (a timer is pending). */
  get busy(): boolean {
    return this.#timer !== null;
  }

  /** Stops the pending frame without a trailing call. */
  cancel(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#pending = false;
  }

  #arm(): void {
    // Not unref'd: a pending notice is owed to the reader, and the timer ends within a frame.
    this.#timer = setTimeout(this.#tick, this.frameMs);
  }

  readonly #tick = (): void => {
    this.#timer = null;
    if (!this.#pending) return;
    this.#pending = false;
    this.#emit();
    this.#arm();
  };
}
