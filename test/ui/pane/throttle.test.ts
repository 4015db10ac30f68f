// Change notices come at most once a frame, the last change of a burst is never lost, and an
// idle screen keeps no timer.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { FrameThrottle } from '../../../src/ui/pane/throttle.js';
import { TerminalScreen } from '../../../src/ui/pane/screen.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('FrameThrottle', () => {
  it('passes the first change on at once and folds a burst into one trailing call', () => {
    vi.useFakeTimers();
    const calls: number[] = [];
    const t = new FrameThrottle(33, () => calls.push(Date.now()));
    const start = Date.now();
    for (let i = 0; i < 100; i++) t.poke();
    expect(calls.length).toBe(1); // leading
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(33);
    expect(calls.length).toBe(2); // one trailing call for the 99 others
    expect(calls[1]! - start).toBe(33);
    vi.advanceTimersByTime(33);
    expect(calls.length).toBe(2);
    expect(vi.getTimerCount()).toBe(0); // idle: nothing pending
  });

  it('a steady stream gives one call per frame, never more than one timer', () => {
    vi.useFakeTimers();
    let calls = 0;
    const t = new FrameThrottle(33, () => calls++);
    for (let ms = 0; ms < 330; ms++) {
      t.poke();
      expect(vi.getTimerCount()).toBeLessThanOrEqual(1);
      vi.advanceTimersByTime(1);
    }
    expect(calls).toBeGreaterThanOrEqual(10);
    expect(calls).toBeLessThanOrEqual(11);
  });

  it('no change, no timer', () => {
    vi.useFakeTimers();
    new FrameThrottle(33, () => {});
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('TerminalScreen change notices', () => {
  it('a burst of writes gives one notice at once and one after the burst, then no timer is left (fake clock)', async () => {
    vi.useFakeTimers();
    const s = new TerminalScreen({ cols: 40, rows: 10, frameMs: 50 });
    let notices = 0;
    s.onChange(() => notices++);
    for (let i = 0; i < 2000; i++) s.write(`line ${i}\r\n`);
    const parsed = s.flushed();
    await vi.advanceTimersByTimeAsync(0); // xterm parses on timers of its own; the clock stands still
    await parsed;
    expect(notices).toBe(1);
    await vi.advanceTimersByTimeAsync(50);
    expect(notices).toBe(2);
    await vi.advanceTimersByTimeAsync(50); // a quiet frame ends the throttle's timer
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(notices).toBe(2);
    s.dispose();
  });

  it('the notice after a burst shows the burst complete', async () => {
    const s = new TerminalScreen({ cols: 40, rows: 3, frameMs: 20 });
    const seen: string[] = [];
    s.onChange(() => seen.push(s.rows()[1]!.trimEnd()));
    for (let i = 0; i < 500; i++) s.write(`line ${i}\r\n`);
    await s.flushed();
    await vi.waitFor(() => expect(seen.at(-1)).toBe('line 499'), { timeout: 2000, interval: 5 });
    s.dispose();
  });

  it('an idle screen keeps no timer: one frame after the last change, nothing is pending (fake clock)', async () => {
    vi.useFakeTimers();
    const s = new TerminalScreen({ cols: 10, rows: 2, frameMs: 34 });
    let notices = 0;
    s.onChange(() => notices++);
    expect(vi.getTimerCount()).toBe(0);
    s.write('x');
    const parsed = s.flushed();
    await vi.advanceTimersByTimeAsync(0); // xterm parses on a timer of its own
    await parsed;
    expect(notices).toBe(1);
    expect(vi.getTimerCount()).toBe(1); // the frame
    await vi.advanceTimersByTimeAsync(34);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(notices).toBe(1);
    s.dispose();
  });
});

describe('TerminalScreen frame length follows the cost of drawing', () => {
  it('stretches frames to twice a costly drawing, at most 250 ms, and comes back slowly', () => {
    const s = new TerminalScreen({ cols: 10, rows: 2 });
    expect(s.frameMs).toBe(34);
    s.noteFrameCost(5);
    expect(s.frameMs).toBe(34);
    s.noteFrameCost(60);
    expect(s.frameMs).toBe(120);
    s.noteFrameCost(500);
    expect(s.frameMs).toBe(250);
    s.noteFrameCost(1);
    expect(s.frameMs).toBe(250); // 0.7 × 500 + 0.3: still costly
    for (let i = 0; i < 20; i++) s.noteFrameCost(1);
    expect(s.frameMs).toBe(34);
    s.dispose();
  });

  it('a stretched frame holds back the trailing notice that long (fake clock)', async () => {
    vi.useFakeTimers();
    const s = new TerminalScreen({ cols: 10, rows: 2 });
    s.noteFrameCost(50);
    let notices = 0;
    s.onChange(() => notices++);
    s.write('a');
    await vi.advanceTimersByTimeAsync(0);
    expect(notices).toBe(1);
    s.write('b');
    await vi.advanceTimersByTimeAsync(99);
    expect(notices).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(notices).toBe(2);
    s.dispose();
  });
});
