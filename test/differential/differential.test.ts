// The differential suite of the simulated kernel (issue: `jcsh --sim` proven equal to Linux).
// Every scenario script of test/differential/scenarios and every shell-lab trace of
// test/traces runs twice, each time in a real pty: against jcsh on Linux and against
// `jcsh --sim`, whose processes, signals and terminal driver are simulated. Each run must pass
// its own checks (the script's expect/state/fg steps; on the simulator the process facts come
// from its event stream, src/ptytest/simview.ts) and the two normalized transcripts, with
// every job notice, stop and termination message in them, must be the same. A difference is
// a bug of the simulator: the Linux side is the reference and is never adjusted to agree.
//
// By hand: jcsh-pty run test/differential/scenarios/NN-name.script --shell jcsh
//   --compare 'jcsh --sim' --env PATH=$PWD/test/helpers/bin:$PATH

import { afterAll, describe, expect, test, vi } from 'vitest';
import { DIALECTS, runScenario, runTraceBoth, scenarios, table, type Row, type Verdict } from './support.js';

// Each test drives two shells in turn; more at once would starve the machine's two cores.
vi.setConfig({ maxConcurrency: 3 });

const SCENARIOS = scenarios();
const TRACE_NUMBERS = Array.from({ length: 16 }, (_, i) => String(i + 1).padStart(2, '0'));
const rows: Row[] = [];

/** One back end's failures, or the diff of the transcripts, as the assertion's message. */
function explain(verdict: Verdict): string {
  return `${verdict.failures}${verdict.comparison.diff}`;
}

function check(verdict: Verdict): void {
  expect(verdict.linuxOk, explain(verdict)).toBe(true);
  expect(verdict.simOk, explain(verdict)).toBe(true);
  expect(verdict.comparison.diff, explain(verdict)).toBe('');
}

afterAll(() => {
  if (rows.length > 0) console.log(`\nDifferential suite: Linux against the simulator\n${table(rows)}\n`);
});

test('the suite has at least 60 scenarios, each naming its scenario id and rule ids', () => {
  expect(SCENARIOS.length).toBeGreaterThanOrEqual(60);
  for (const s of SCENARIOS) {
    expect(s.id, s.file).toMatch(/^[A-Z]/);
    expect(s.rules.length, s.file).toBeGreaterThan(0);
    for (const rule of s.rules) expect(rule, s.file).toMatch(/^([RWKGOHXCB]\d+\.\d+[a-z]?|S\d+-[a-z])$/);
  }
});

describe.concurrent('scenario scripts: jcsh on Linux and jcsh --sim print the same', () => {
  for (const scenario of SCENARIOS) {
    test(`${scenario.name} (${scenario.id}; ${scenario.rules.join(' ')})`, async () => {
      const verdict = await runScenario(scenario);
      rows.push({ name: scenario.name, id: scenario.id, rules: scenario.rules.join(' '), verdict });
      check(verdict);
    }, 90_000);
  }
});

describe.concurrent('shell-lab traces: jcsh on Linux and jcsh --sim print the same', () => {
  for (const dialect of DIALECTS) {
    for (const number of TRACE_NUMBERS) {
      test(`trace${number} (${dialect.dialect} dialect)`, async () => {
        const verdict = await runTraceBoth(number, dialect);
        rows.push({ name: `trace${number}`, id: `trace (${dialect.dialect})`, rules: '', verdict });
        check(verdict);
      }, 90_000);
    }
  }
});
