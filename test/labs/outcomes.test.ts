// Every lab played to its end on the simulator: each promised outcome holds, each prediction
// has an answer among its choices, and each cited rule id exists in the team's spec.

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleFor } from '../../src/labs/explain.js';
import { showKeys } from '../../src/labs/keys.js';
import { playLab } from '../../src/labs/runner.js';
import { findLab, LABS } from '../../src/labs/registry.js';
import type { Lab } from '../../src/labs/types.js';

/** The rule book's ids, one per line (rule-ids.txt says where they come from). */
const specIds = new Set(fs.readFileSync(new URL('./rule-ids.txt', import.meta.url), 'utf8').split('\n').filter((l) => /^[A-Z][0-9]+\.[0-9]+$/.test(l)));

/** The inputs of issue 15's table of labs, exactly: `⏎` is Enter, `^Z` Ctrl-Z, `^D` Ctrl-D. */
const INPUTS: Readonly<Record<string, readonly string[]>> = {
  zombie: ['zombie 5 &⏎', 'ps -o pid,ppid,stat,comm⏎', 'wait⏎', 'ps -o pid,ppid,stat,comm⏎'],
  waitstatus: ['waitstatus⏎'],
  reaper: ['reaper 3⏎'],
  ignchld: ['ignchld⏎'],
  orphan: ['orphan⏎'],
  doublefork: ['doublefork⏎', 'ps -o pid,ppid,pgid,sid,stat,comm⏎'],
  execdemo: ['execdemo⏎'],
  pgrp: ['sleep 100 | cat &⏎', 'ps -o pid,ppid,pgid,sid,tpgid,stat,comm⏎', 'fg⏎', '^Z', 'jobs -l⏎', 'kill %1⏎'],
  ttin: ['cat > notes &⏎', '⏎', 'jobs -l⏎', 'fg⏎', 'hello⏎', '^D', 'cat notes⏎'],
  tostop: ['echo free &⏎', 'stty tostop⏎', '(sleep 1; echo blocked) &⏎', 'sleep 2⏎', 'jobs⏎', 'fg⏎', 'stty -tostop⏎'],
  orphanpgrp: ['orphanpgrp⏎'],
};

describe('labs on the simulator', () => {
  it('each lab types exactly the inputs of the table, each with its sentence', () => {
    expect(Object.fromEntries(LABS.map((l) => [l.name, l.steps.map((s) => showKeys(s.input.keys))]))).toEqual(INPUTS);
    for (const lab of LABS) for (const s of lab.steps) expect(s.input.say).toMatch(/^[A-Z^(].*\.$/);
  });

  it('the registry is sorted by name and names are unique', () => {
    const names = LABS.map((l) => l.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    expect(names).toHaveLength(11);
  });

  for (const lab of LABS) {
    it(`${lab.name}: every outcome holds and every prediction is answered`, async () => {
      const run = await playLab(lab);
      for (const o of lab.outcomes) expect({ says: o.says, holds: o.holds(run.events) }).toEqual({ says: o.says, holds: true });
      const predicted = lab.steps.filter((s) => s.predict);
      expect(predicted.length).toBeGreaterThan(0);
      for (const s of predicted) {
        const answer = s.predict!.answer(run.events);
        expect(answer, s.predict!.question).not.toBeNull();
        expect(answer).toBeLessThan(s.predict!.choices.length);
      }
    });

    it(`${lab.name}: cites only rule ids of the spec`, () => {
      const cited = [...lab.outcomes.flatMap((o) => o.rules), ...lab.steps.flatMap((s) => s.predict?.why.match(/[A-Z][0-9]+\.[0-9]+/g) ?? [])];
      // execdemo cites none: the spec's paragraph on exec has no rule id.
      if (lab.name !== 'execdemo') expect(cited.length).toBeGreaterThan(0);
      for (const id of cited) expect(specIds.has(id), id).toBe(true);
    });
  }

  it('--explain cites only rule ids of the spec, for every event of every lab', async () => {
    const cited = new Set<string>();
    for (const lab of LABS) for (const e of (await playLab(lab)).events) {
      const r = ruleFor(e);
      if (r) cited.add(r.id);
    }
    expect(cited.size).toBeGreaterThan(10);
    for (const id of cited) expect(specIds.has(id), id).toBe(true);
  });

  it('a broken lab fails its outcomes: ttin without its steps, or claiming SIGTTOU stops cat', async () => {
    const lab = findLab('ttin')!;
    const unplayed = await playLab({ ...lab, steps: [] } satisfies Lab);
    for (const o of lab.outcomes) expect(o.holds(unplayed.events)).toBe(false);
    const full = await playLab(lab);
    const wrong = (events: typeof full.events) => events.some((e) => e.kind === 'deliver' && e.signal === 22 && e.to.comm === 'cat' && e.action === 'stopped');
    expect(wrong(full.events)).toBe(false);
  });
});
