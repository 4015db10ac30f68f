// Runs a task at most once per interval, however often it is asked for, and never when nobody
// asks: a burst of requests becomes one run (at once if the last was long enough ago), and an
// idle backend has no timer at all.

export class Throttle {
  private last = -Infinity;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly task: () => void, private readonly intervalMs: number) {}

  request(): void {
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.last + this.intervalMs - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.last = performance.now();
      this.task();
    }, wait);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
