// Virtual time and its timers. The kernel asks the clock policy what to do when every process
// sleeps: scripted runs jump to the next timer at once; a person at the keyboard gets time that
// follows the wall clock (scaled, pausable); a test driver advances it by hand.

export interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fire: () => void;
  cancelled: boolean;
}

export type ClockPolicy =
  /** Jump to the next timer as soon as nothing can run (scripts, -c, tests). */
  | { readonly kind: 'jump' }
  /** Follow real time, times `scale`; `paused` stops it. */
  | { readonly kind: 'realtime'; readonly scale: number }
  /** Time moves only when the driver calls advance(). */
  | { readonly kind: 'manual' };

/** A binary heap of timers ordered by (time, creation order), so equal times fire in a fixed order. */
export class TimerQueue {
  private readonly heap: Timer[] = [];
  private seq = 0;

  add(at: number, fire: () => void): Timer {
    const t: Timer = { at, seq: this.seq++, fire, cancelled: false };
    this.heap.push(t);
    this.up(this.heap.length - 1);
    return t;
  }

  /** The earliest live timer, dropping cancelled ones. */
  peek(): Timer | undefined {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.pop();
    return this.heap[0];
  }

  pop(): Timer | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (this.heap.length > 0 && last) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}
