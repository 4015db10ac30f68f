// Whether a process is idle: its main thread's voluntary context switches stand still (each
// wake-up from sleep adds one), so a timer or a poll shows at once, with no tracer needed.

import fs from 'node:fs';
import { waitUntil } from '../../src/ptytest/wait.js';

export /** How often the main thread of pid has gone to sleep (each wake-up from idle adds one). */
function sleepsOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/task/${pid}/status`, 'utf8');
  return Number(/voluntary_ctxt_switches:\s+(\d+)/.exec(status)![1]);
}

/**
 * Resolves once the main thread of pid has slept through a whole window without waking (V8
 * may tidy up for a moment after start-up); fails if no such window comes before the deadline.
 * A 1 s timer or a 5 ms poll never leaves such a window.
 */
export async function quietWindow(pid: number, windowMs = 2500, deadlineMs = 15_000): Promise<void> {
  let since = Date.now();
  let count = sleepsOf(pid);
  let wakes = 0;
  await waitUntil(() => {
    const now = sleepsOf(pid);
    if (now !== count) {
      wakes += now - count;
      count = now;
      since = Date.now();
      return false;
    }
    return Date.now() - since >= windowMs;
  }, { timeout: deadlineMs, interval: 100, description: `a ${windowMs} ms window without a wake-up (saw ${wakes})` })
    .catch(() => {
      throw new Error(`pid ${pid} woke ${wakes} times in ${deadlineMs} ms and never slept ${windowMs} ms in a row`);
    });
}
