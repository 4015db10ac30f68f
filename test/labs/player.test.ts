// The learner's view of a lab, as the UI and the browser page draw it: a question waits for a
// choice, the step runs and the answer is revealed, events are shown one at a time.

import { describe, expect, it } from 'vitest';
import { LabPlayer, type LabState } from '../../src/labs/player.js';
import { findLab } from '../../src/labs/registry.js';

function changed(p: LabPlayer, until: (s: LabState) => boolean): Promise<LabState> {
  return new Promise((resolve) => p.onChange(() => until(p.state) && resolve(p.state)));
}

describe('LabPlayer', () => {
  it('asks before a step, runs it on a choice, reveals the answer and the events one by one', async () => {
    const p = new LabPlayer(findLab('pgrp')!, {});
    expect(p.state.next).toMatchObject({ say: expect.stringContaining('two-process pipeline'), keys: 'sleep 100 | cat &⏎', question: null });
    for (let i = 0; i < 3; i++) {
      const ran = changed(p, (s) => !s.busy && s.index === i + 1);
      p.next();
      await ran;
    }
    expect(p.state.next?.keys).toBe('^Z');
    expect(p.state.next?.question?.choices).toHaveLength(4);
    p.next();
    expect(p.state.index).toBe(3);
    const answered = changed(p, (s) => !s.busy && s.index === 4);
    p.choose(0);
    const s = await answered;
    expect(s.last?.question).toMatchObject({ chosen: 0, answer: 2 });
    expect(s.last?.shown).toBe(0);
    const first = p.reveal();
    expect(first).toMatch(/typed on pts\/0: "\\u001a"/);
    expect(p.state.last?.shown).toBe(1);
    const all = [first!];
    for (let e = p.reveal(); e !== null; e = p.reveal()) all.push(e);
    expect(all.join('\n')).toMatch(/sleep \(pid \d+\) is stopped by SIGTSTP\n +\[R4\.5\]/);
  });
});
