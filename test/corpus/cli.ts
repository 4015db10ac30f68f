// `npm run corpus`: run the corpus on jcsh, bash and dash and print the table of pass counts.
//   --update-known        rewrite known-failures.txt from what jcsh fails now
//   --failures SHELL      also list each case SHELL fails, with why
//   --area NAME           only the cases of one area (repeatable)
//   --grep TEXT           only the cases whose name contains TEXT
//   --jobs N              how many runs at once (default 3)
//   --slow                list the slowest runs
//   --shell NAME          run only on this shell (repeatable); the others count as failing

import type { Case } from './format.js';
import { expectationFor, mismatch, table, writeKnownFailures } from './judge.js';
import { loadCases, runAll, SHELL_NAMES, type Outcome, type Outcomes, type ShellName } from './run.js';

interface Options {
  updateKnown: boolean;
  failures: ShellName[];
  areas: string[];
  grep: string | null;
  jobs: number;
  slow: boolean;
  shells: ShellName[];
}

function parseOptions(argv: readonly string[]): Options {
  const o: Options = { updateKnown: false, failures: [], areas: [], grep: null, jobs: 3, slow: false, shells: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--update-known') o.updateKnown = true;
    else if (arg === '--failures') o.failures.push(value() as ShellName);
    else if (arg === '--area') o.areas.push(value());
    else if (arg === '--grep') o.grep = value();
    else if (arg === '--jobs') o.jobs = Number(value());
    else if (arg === '--slow') o.slow = true;
    else if (arg === '--shell') o.shells.push(value() as ShellName);
    else throw new Error(`unknown option ${arg}`);
  }
  return o;
}

function select(cases: Case[], o: Options): Case[] {
  return cases.filter((c) => (o.areas.length === 0 || o.areas.includes(c.area)) && (o.grep === null || c.name.includes(o.grep)));
}

/** Shells not run count as failing every case, so the table still has all three columns. */
function fillMissing(cases: readonly Case[], outcomes: Outcomes): void {
  const none: Outcome = { stdout: '', stderr: 'not run', status: -1, timedOut: false, ms: 0 };
  for (const c of cases) {
    const entry = outcomes.get(c)!;
    for (const shell of SHELL_NAMES) entry[shell] ??= none;
  }
}

async function main(): Promise<void> {
  const o = parseOptions(process.argv.slice(2));
  const all = loadCases();
  const cases = select(all, o);
  if (o.updateKnown && cases.length !== all.length) throw new Error('--update-known needs the whole corpus (no --area or --grep)');
  const started = Date.now();
  if (o.updateKnown && o.shells.length > 0 && !o.shells.includes('jcsh')) throw new Error('--update-known needs jcsh');
  const shells = o.shells.length > 0 ? o.shells : SHELL_NAMES;
  const outcomes = await runAll(cases, o.jobs, shells);
  fillMissing(cases, outcomes);
  for (const shell of o.failures.filter((f) => shells.includes(f))) {
    if (!SHELL_NAMES.includes(shell)) throw new Error(`no shell ${shell}`);
    for (const c of cases) {
      const why = mismatch(expectationFor(c, shell), outcomes.get(c)![shell]);
      if (why !== null) console.log(`${shell} FAILS ${c.name} (${c.file.replace(/.*\/test\//, 'test/')}:${c.line})\n  ${why}`);
    }
  }
  if (o.slow) {
    const runs = cases.flatMap((c) => shells.map((shell) => ({ name: `${shell} ${c.name}`, ms: outcomes.get(c)![shell].ms })));
    for (const r of runs.sort((a, b) => b.ms - a.ms).slice(0, 15)) console.log(`${String(r.ms).padStart(6)} ms  ${r.name}`);
  }
  console.log(table(cases, outcomes));
  console.log(`${cases.length} cases on ${SHELL_NAMES.length} shells in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (o.updateKnown) console.log(`known-failures.txt: ${writeKnownFailures(cases, outcomes)} cases jcsh fails`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
