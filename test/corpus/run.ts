// Running corpus cases on real shells: each case as a script file in a fresh temporary
// directory (its cwd and HOME), a clean environment, stdin from the case or /dev/null, a
// timeout, and a small pool so a 2-core machine shared with others is not swamped.

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { constants } from 'node:os';
import { parseCases, type Case } from './format.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const CASES = join(import.meta.dirname, 'cases');

/** The shells the corpus runs on, and how each runs a script. */
export const SHELLS = {
  // through its sh line, as a user runs it (the line sets what node needs before it starts)
  jcsh: [join(ROOT, 'bin', 'jcsh.js')],
  bash: ['bash'],
  dash: ['dash'],
} as const satisfies Record<string, readonly string[]>;
export type ShellName = keyof typeof SHELLS;
export const SHELL_NAMES = Object.keys(SHELLS) as ShellName[];

export interface Outcome {
  readonly stdout: string;
  readonly stderr: string;
  /** The exit status, 128+n for a death by signal n as a shell reports it. */
  readonly status: number;
  readonly timedOut: boolean;
  /** Wall time of the run, for finding slow cases. */
  readonly ms: number;
}

/** Every case of every `.case` file, in file order. */
export function loadCases(dir = CASES): Case[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.case'))
    .sort()
    .flatMap((name) => parseCases(name.replace(/\.case$/, ''), join(dir, name), readFileSync(join(dir, name), 'utf8')));
}

const TIMEOUT_MS = 10_000;
/** The script's own name: what `$0` and error messages show. */
const SCRIPT = 'case.sh';

function statusOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal ? constants.signals[signal] : 0);
}

/** Run one case on one shell. */
export function runCase(shell: ShellName, c: Case): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'jcsh-corpus-'));
  writeFileSync(join(dir, SCRIPT), c.script);
  const [command, ...pre] = SHELLS[shell];
  const env = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: dir, LC_ALL: 'C' };
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(command, [...pre, SCRIPT, ...c.args], {
      cwd: dir,
      env,
      stdio: [c.stdin === null ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      timeout: TIMEOUT_MS,
      killSignal: 'SIGKILL',
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    // A script may exit without reading its stdin: the broken pipe is not the case's concern.
    child.stdin?.on('error', () => {});
    child.stdin?.end(c.stdin ?? '');
    const finish = (status: number, timedOut: boolean, extra = ''): void => {
      rmSync(dir, { recursive: true, force: true });
      done({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') + extra, status, timedOut, ms: Date.now() - started });
    };
    child.on('error', (e) => finish(127, false, String(e)));
    // A background grandchild holding stdout open must not hold the case past its shell.
    child.on('exit', () => {
      setTimeout(() => {
        child.stdout!.destroy();
        child.stderr!.destroy();
      }, 2000).unref();
    });
    child.on('close', (code, signal) => finish(statusOf(code, signal), signal === 'SIGKILL' && code === null, ''));
  });
}

/** Run `jobs` with at most `width` at once; results in the order given. */
export async function pool<T>(jobs: readonly (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array<T>(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, worker));
  return results;
}

/** Each case's outcome on each shell. */
export type Outcomes = Map<Case, Record<ShellName, Outcome>>;

/**
 * Run every case on every shell in one pool. jcsh's runs (the slow ones, ~0.1 s to start)
 * are queued first so the quick bash and dash runs fill the gaps at the end.
 */
export async function runAll(cases: readonly Case[], width = 3, shells: readonly ShellName[] = SHELL_NAMES): Promise<Outcomes> {
  const order = [...shells].sort((a, b) => (a === 'jcsh' ? -1 : b === 'jcsh' ? 1 : 0));
  const jobs = order.flatMap((shell) => cases.map((c) => async () => ({ c, shell, outcome: await runCase(shell, c) })));
  const results = await pool(jobs, width);
  const outcomes: Outcomes = new Map();
  for (const { c, shell, outcome } of results) {
    const entry = outcomes.get(c) ?? ({} as Record<ShellName, Outcome>);
    entry[shell] = outcome;
    outcomes.set(c, entry);
  }
  return outcomes;
}
