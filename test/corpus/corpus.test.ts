// The differential corpus of issue 14 (test/corpus/cases): small scripts of the POSIX shell
// language, each naming its stdout and exit status as bash 5.2 gives them. Every case must
// hold for bash (which checks the corpus itself) and for dash, or dash's own expectation when
// the case says how dash differs. jcsh must pass every case except those in
// known-failures.txt, and every case listed there must still fail on jcsh, so the list can
// only shrink (`npm run corpus -- --update-known` regenerates it).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectationFor, mismatch, readKnownFailures, table } from './judge.js';
import { loadCases, runAll, type Outcomes, type ShellName } from './run.js';

const cases = loadCases();
const known = readKnownFailures();
let outcomes: Outcomes = new Map();
let seconds = 0;

beforeAll(async () => {
  const started = Date.now();
  outcomes = await runAll(cases, 3);
  seconds = (Date.now() - started) / 1000;
}, 1_200_000);

afterAll(() => {
  if (outcomes.size === 0) return;
  process.stdout.write(`\ncorpus: pass counts per area (${cases.length} cases, ${seconds.toFixed(1)} s)\n${table(cases, outcomes)}\n`);
});

function why(c: (typeof cases)[number], shell: ShellName): string | null {
  return mismatch(expectationFor(c, shell), outcomes.get(c)![shell]);
}

describe('the corpus itself', () => {
  it('has at least 500 cases with unique names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(500);
    const names = cases.map((c) => c.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('lists in known-failures.txt only cases that exist', () => {
    const names = new Set(cases.map((c) => c.name));
    expect([...known].filter((n) => !names.has(n))).toEqual([]);
  });
});

for (const area of [...new Set(cases.map((c) => c.area))]) {
  describe(area, () => {
    for (const c of cases.filter((k) => k.area === area)) {
      it(c.title, () => {
        expect(why(c, 'bash'), `bash (${c.file}:${c.line})`).toBeNull();
        expect(why(c, 'dash'), `dash${c.dash ? ' (its own expectation)' : ''} (${c.file}:${c.line})`).toBeNull();
        const jcsh = why(c, 'jcsh');
        if (known.has(c.name)) expect(jcsh, `jcsh passes a case listed in known-failures.txt: remove it`).not.toBeNull();
        else expect(jcsh, `jcsh (${c.file}:${c.line})`).toBeNull();
      });
    }
  });
}
