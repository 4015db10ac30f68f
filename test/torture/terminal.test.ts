// Torture: jobs that steal the terminal and exit, again and again. Each time the shell must
// take the terminal back before it reads the next line, and the prompt must work: a line typed
// at once is read and run. Rules B10.4 (the shell owns the terminal at its prompt).

import { describe, expect, it } from 'vitest';
import { outputOf, run, startJcsh } from '../e2e/harness.js';
import { budget, scale } from './scale.js';

const ROUNDS = scale(20, 200);

describe('torture: the terminal', () => {
  it(`${ROUNDS} jobs that leave the terminal to a dead group: the shell takes it back each time`, async () => {
    const s = await startJcsh();
    for (let i = 0; i < ROUNDS; i++) {
      // Alternately at the end of a foreground job and of a background one.
      await run(s, i % 2 === 0 ? 'stealtty' : 'stealtty & wait');
      expect(s.foregroundPgid(), `round ${i}`).toBe(s.pid);
      expect(await outputOf(s, `echo round ${i}`)).toBe(`round ${i}`);
    }
    expect(s.zombies()).toEqual([]);
  }, budget(30_000, 180_000));
});
