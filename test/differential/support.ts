// Running one scenario script or shell-lab trace on both back ends: real jcsh on Linux and
// `jcsh --sim` (its simulated kernel and terminal driver), each in a real pty, and comparing
// the normalized transcripts. The toolkit's own runners do the work (jcsh-pty run/trace
// --compare does the same from the command line).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeExit } from '../../src/ptytest/errors.js';
import { compareSides, type Comparison, type Side } from '../../src/ptytest/cli/compare.js';
import { launchOptions, promptsOf } from '../../src/ptytest/cli/inputs.js';
import type { CommonOptions } from '../../src/ptytest/cli/options.js';
import { passed } from '../../src/ptytest/cli/report.js';
import { parseScript } from '../../src/ptytest/cli/script-parse.js';
import { runScript, type ScriptOutcome } from '../../src/ptytest/cli/script-run.js';
import { shellSpec, type LaunchOptions } from '../../src/ptytest/cli/target.js';
import { parseTrace } from '../../src/ptytest/cli/trace-parse.js';
import { renderTranscript, runTrace, type TraceOutcome } from '../../src/ptytest/cli/trace-run.js';
import { HELPERS_BIN, pathWithHelpers } from '../helpers/paths.js';

export const SCENARIOS = join(import.meta.dirname, 'scenarios');
export const TRACES = join(import.meta.dirname, '..', 'traces');

/** The two back ends. The simulated one finds the helpers in its own /bin; the real one through PATH. */
export const LINUX = 'jcsh';
export const SIM = 'jcsh --sim';

/** A scenario file and what its header says it is. */
export interface Scenario {
  readonly file: string;
  readonly name: string;
  /** The conformance scenario id (A02, D01, …) or rule-book scenario (S3-a, …). */
  readonly id: string;
  /** Rule ids of the rule book it exercises. */
  readonly rules: readonly string[];
}

function header(text: string, key: string): string {
  return new RegExp(`^# ${key}: (.*)$`, 'm').exec(text)?.[1]?.trim() ?? '';
}

/** Every scenario of test/differential/scenarios, in file order. */
export function scenarios(): Scenario[] {
  return readdirSync(SCENARIOS)
    .filter((name) => name.endsWith('.script'))
    .sort()
    .map((name) => {
      const file = join(SCENARIOS, name);
      const text = readFileSync(file, 'utf8');
      return { file, name: name.replace(/\.script$/, ''), id: header(text, 'scenario').split(' ')[0] ?? '', rules: header(text, 'rules').split(/\s+/).filter(Boolean) };
    });
}

function options(cwd: string | null): CommonOptions {
  return { shell: null, compare: null, timeout: null, cols: 80, rows: 24, prompt: null, env: { PATH: pathWithHelpers() }, cwd };
}

/** What a differential run found: each side passed its own checks, and the transcripts agree. */
export interface Verdict {
  readonly linuxOk: boolean;
  readonly simOk: boolean;
  readonly comparison: Comparison;
  /** The failure reports of the sides that failed, for the assertion message. */
  readonly failures: string;
}

function scriptSide(outcome: ScriptOutcome): Side {
  const exit = outcome.exit ? `\n[the shell ${describeExit(outcome.exit)}]` : '';
  return { label: outcome.label, text: outcome.terminal + exit, pids: outcome.pids };
}

function scriptFailure(outcome: ScriptOutcome): string {
  const failed = outcome.results.find((r) => !r.ok);
  if (failed === undefined) return '';
  return `${outcome.label}: line ${failed.step.line} (${failed.step.source}) failed:\n${failed.error ?? ''}\n`;
}

/** Run `scenario` against real jcsh, then against jcsh --sim, and compare. */
export async function runScenario(scenario: Scenario): Promise<Verdict> {
  const steps = parseScript(readFileSync(scenario.file, 'utf8'), scenario.file);
  const launch = launchOptions(options(null), 5000);
  const linux = await runScript(steps, shellSpec(LINUX), launch);
  const sim = await runScript(steps, shellSpec(SIM), launch);
  const comparison = compareSides(scriptSide(linux), scriptSide(sim), promptsOf(launch), true);
  return { linuxOk: passed(linux), simOk: passed(sim), comparison, failures: scriptFailure(linux) + scriptFailure(sim) };
}

/**
 * The two dialects the traces are played in; bash's has no `quit`, so there it says `exit`.
 * The traces call the helpers as the lab does, `./spin`: tsh has no PATH search. In the bash
 * dialect they are called by name and found through PATH (on the simulator in its /bin);
 * the tsh dialect needs them in the working directory on both back ends.
 */
export const DIALECTS = [
  { dialect: 'bash', flags: '', quit: 'exit', byName: true },
  { dialect: 'tsh', flags: ' --compat=tsh', quit: 'quit', byName: false },
] as const;

/** The trace's text in `dialect`. */
function traceText(text: string, dialect: (typeof DIALECTS)[number]): string {
  const quit = text.replace(/^quit$/gm, dialect.quit);
  return dialect.byName ? quit.replace(/^\.\/(?=[a-z])/gm, '') : quit;
}

/** A row of `ps -o stat=,pid=,ppid=,comm=`, as traces 11-13 print them. */
const PS_ROW = /^([RSDTZ][a-zA-Z+<]*) +(\d+) +(\d+) +(\S+)$/;

/**
 * The rows of `ps` output that are about the machine rather than the shell's jobs: the shell's
 * own row (on Linux the process is `node`, multi-threaded, with a parent outside the test; in
 * the simulator `jcsh`, whose parent is init) and zombies left to pid 1 (the sandbox's init
 * here does not reap what it adopts; the simulated init does, as Linux's does).
 */
function machineRow(line: string): boolean {
  const row = PS_ROW.exec(line);
  if (!row) return false;
  const [, stat, , ppid, comm] = row;
  return comm === 'node' || comm === 'jcsh' || (stat!.startsWith('Z') && ppid === '1');
}

function traceSide(outcome: TraceOutcome): Side {
  const text = renderTranscript(outcome).trimEnd().split('\n').filter((line) => !machineRow(line)).join('\n');
  return { label: outcome.label, text, pids: outcome.pids };
}

function traceFailure(outcome: TraceOutcome): string {
  const f = outcome.failure;
  return f === null ? '' : `${outcome.label}: trace line ${f.line} (${f.item}) failed:\n${f.report}\n`;
}

/** Play trace NN in `dialect` against both back ends (from the helpers' directory, as the lab's ./spin needs). */
export async function runTraceBoth(number: string, dialect: (typeof DIALECTS)[number]): Promise<Verdict> {
  const file = join(TRACES, `trace${number}.txt`);
  const text = traceText(readFileSync(file, 'utf8'), dialect);
  const items = parseTrace(text, file);
  const launch: LaunchOptions = launchOptions(options(HELPERS_BIN), 10000);
  const play = (shell: string) => runTrace(items, shellSpec(shell + dialect.flags), { launch, signalShell: false });
  const linux = await play(LINUX);
  const sim = await play(SIM);
  const comparison = compareSides(traceSide(linux), traceSide(sim), promptsOf(launch), true);
  return { linuxOk: linux.failure === null, simOk: sim.failure === null, comparison, failures: traceFailure(linux) + traceFailure(sim) };
}

/** One row of the summary table. */
export interface Row {
  readonly name: string;
  readonly id: string;
  readonly rules: string;
  readonly verdict: Verdict;
}

function yes(ok: boolean): string {
  return ok ? 'pass' : 'FAIL';
}

/** The table printed after the suite: each scenario, both back ends, and whether the transcripts agree. */
export function table(rows: readonly Row[]): string {
  const head = ['scenario', 'id', 'linux', 'sim', 'transcripts', 'rules'];
  // Scenarios in file order, then the traces by dialect (tests finish in any order).
  const key = (r: Row): string => (r.id.startsWith('trace') ? `2 ${r.id} ${r.name}` : `1 ${r.name}`);
  const sorted = [...rows].sort((x, y) => key(x).localeCompare(key(y)));
  const body = sorted.map((r) => [r.name, r.id, yes(r.verdict.linuxOk), yes(r.verdict.simOk), r.verdict.comparison.equal ? 'same' : 'DIFFER', r.rules]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  const same = rows.filter((r) => r.verdict.comparison.equal && r.verdict.linuxOk && r.verdict.simOk).length;
  return [line(head), ...body.map(line), `${same} of ${rows.length} the same on Linux and on the simulator`].join('\n');
}
