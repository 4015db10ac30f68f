// Torture: a thousand prompts in a row. Each line the editor reads must give back everything
// it took: the shell's open fds are the same after the last prompt as after the first, and its
// memory does not grow with the number of prompts. Issue 11, defect 5 (leaks).

import { describe, expect, it } from 'vitest';
import { outputOf, run, startJcsh } from '../e2e/harness.js';
import { budget, describeFds, MEASURED_HEAP, openFds, rssKiB, scale } from './scale.js';

const PROMPTS = scale(200, 1000);

describe('torture: prompts', () => {
  it(`${PROMPTS} prompts leave the shell's fds and memory flat`, async () => {
    const s = await startJcsh({ env: MEASURED_HEAP });
    // A few lines first, so that whatever the editor sets up once is already there.
    for (let i = 0; i < 10; i++) await run(s, '');
    const fds = openFds(s.pid);
    const before = describeFds(s.pid);
    const rss = [rssKiB(s.pid)];
    for (let i = 1; i <= PROMPTS; i++) {
      // Alternate empty lines and a builtin, so the prompt runs with and without a command.
      await run(s, i % 2 === 0 ? '' : ':');
      if (i % Math.ceil(PROMPTS / 4) === 0) rss.push(rssKiB(s.pid));
    }
    expect(await outputOf(s, 'echo alive')).toBe('alive');
    const after = describeFds(s.pid);
    expect.soft(openFds(s.pid), `fds before:\n${before.join('\n')}\nafter ${PROMPTS} prompts:\n${after.join('\n')}`)
      .toBe(fds);
    // The heap may grow to its working size early on; after that, no growth with the count.
    const growth = rss.at(-1)! - rss[1]!;
    expect.soft(growth, `RSS (KiB) at each quarter: ${rss.join(', ')}`).toBeLessThan(8 * 1024);
  }, budget(30_000, 120_000));
});
