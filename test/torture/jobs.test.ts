// Torture: thousands of short background jobs, started in batches at an interactive prompt.
// Every job is reported once with its own status, nothing is left behind (no zombie, an empty
// job table), and the shell's fds and memory stay flat from batch to batch.
// Rules B10.7 (reaping), J01/J02 (notices); issue 11, "Torture and benchmarks".

import { describe, expect, it } from 'vitest';
import { launchAndSettle, outputOf, startJcsh } from '../e2e/harness.js';
import { budget, describeFds, FULL, MEASURED_HEAP, openFds, rssKiB, scale } from './scale.js';

const BATCH = 100;
const JOBS = scale(500, 10_000);

/** A line of `count` background jobs alternating `true` and `false`, so each has a known status. */
function batchLine(count: number): string {
  return Array.from({ length: count }, (_, i) => (i % 2 === 0 ? 'true &' : 'false &')).join(' ');
}

interface Notices {
  readonly launched: number[];
  readonly done: number[];
  readonly failed: number[];
}

/** Job numbers of the launch lines (`[n] pid`) and of the Done / Exit 1 notices. */
function notices(text: string): Notices {
  const numbers = (re: RegExp) => [...text.matchAll(re)].map((m) => Number(m[1]));
  return {
    launched: numbers(/^\[(\d+)\] \d+$/gm),
    done: numbers(/^\[(\d+)\][-+ ]  Done +true$/gm),
    failed: numbers(/^\[(\d+)\][-+ ]  Exit 1 +false$/gm),
  };
}

describe('torture: background jobs', () => {
  it(`${JOBS} short background jobs in batches of ${BATCH}: each reported once with its status, no zombie, empty table, flat fds and memory`, async () => {
    const s = await startJcsh({ cols: 200, env: MEASURED_HEAP });
    const children = () => s.processes().filter((p) => p.ppid === s.pid);
    const samples: { jobs: number; fds: number; rss: number }[] = [];
    for (let started = 0; started < JOBS; started += BATCH) {
      const text = await launchAndSettle(s, batchLine(BATCH), () => children().length === 0);
      const n = notices(text);
      expect(n.launched, 'every job of the batch was started').toHaveLength(BATCH);
      // No lost status: each job is reported exactly once, true ones Done, false ones Exit 1.
      const expectDone = n.launched.filter((_, i) => i % 2 === 0).sort((a, b) => a - b);
      const expectFailed = n.launched.filter((_, i) => i % 2 === 1).sort((a, b) => a - b);
      expect([...n.done].sort((a, b) => a - b), `batch from job ${started}`).toEqual(expectDone);
      expect([...n.failed].sort((a, b) => a - b), `batch from job ${started}`).toEqual(expectFailed);
      expect(s.zombies()).toEqual([]);
      samples.push({ jobs: started + BATCH, fds: openFds(s.pid), rss: rssKiB(s.pid) });
    }
    expect(await outputOf(s, 'jobs; echo "table:$(jobs | wc -l)"')).toBe('table:0');
    expect(s.zombies()).toEqual([]);

    // Flat: the fds open at the prompt after the first batch are the fds open after the last.
    const first = samples[0]!;
    const last = samples.at(-1)!;
    expect.soft(last.fds, `fds after ${last.jobs} jobs:\n${describeFds(s.pid).join('\n')}`).toBe(first.fds);
    // Memory: after the first third (the heap has grown to its working size) resident memory
    // may move with the garbage collector, but not with the number of jobs: a job that stays
    // referenced costs well over 1 KiB (its command text, pids, status, notice).
    const settled = samples[Math.floor(samples.length / 3)]!;
    const growth = last.rss - settled.rss;
    const allowed = FULL ? 8 * 1024 : 16 * 1024;
    expect.soft(growth, `RSS grew ${growth} KiB from job ${settled.jobs} to ${last.jobs} (${JSON.stringify(samples)})`)
      .toBeLessThan(allowed);
  }, budget(60_000, 900_000));
});
