// Running a lab program twice, as its C twin on Linux (build/Release/labs, built at install)
// and as the simulated program, and putting the two outputs in a form where they can be
// compared: pids numbered in order, each process's lines in their own sequence.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listProcesses } from '../../src/ptytest/index.js';
import { run } from '../sim/programs/run.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where `npm ci` (node-gyp, binding.gyp's lab targets) puts the twins. */
export const LABS_BIN = join(root, 'build/Release/labs');

export function twin(name: string): string {
  const path = join(LABS_BIN, name);
  if (!existsSync(path)) throw new Error(`${path} is missing: npm ci (or node-gyp rebuild) builds the lab twins`);
  return path;
}

const TIMEOUT_MS = 15_000;
const running = new Set<number>();

/** SIGKILL to every process of the twin's session (detached: true made the twin its leader). */
function killSession(sid: number): void {
  for (const p of listProcesses((q) => q.sid === sid)) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** For afterEach: whatever a failed test left running. */
export function killLeftovers(): void {
  for (const pid of running) killSession(pid);
  running.clear();
}

export interface LinuxRun {
  readonly pid: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number | null;
}

/**
 * Runs a twin with pipes, in a session of its own (so no subreaper in the test's session can
 * keep a group from being orphaned) and with RLIMIT_CORE 0 (no core file is written, and
 * WCOREDUMP is 0, as on the simulator, unless core_pattern is a pipe, which ignores the limit).
 * Resolves once every process holding the pipes (orphans included) has let go of them.
 * `onLine` sees each line of standard output as it arrives, with the twin's pid.
 */
export function runLinux(argv: readonly string[], onLine: (line: string, pid: number) => void = () => {}): Promise<LinuxRun> {
  const path = twin(argv[0]!);
  const child = spawn('sh', ['-c', 'ulimit -c 0 && exec "$@"', 'sh', path, ...argv.slice(1)], {
    detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid!;
  let stdout = '';
  let stderr = '';
  let partial = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
    const lines = (partial + text).split('\n');
    partial = lines.pop()!;
    for (const line of lines) onLine(line, pid);
  });
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  running.add(pid);
  return new Promise((resolvePromise, reject) => {
    // A twin that hangs (a handler that reaps one child per call leaves reaper waiting forever)
    // fails the test with what it printed, and its whole session goes with it.
    const timer = setTimeout(() => {
      killSession(pid);
      reject(new Error(`${argv.join(' ')} did not finish in ${TIMEOUT_MS} ms; it printed:\n${stdout}${stderr}`));
    }, TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      running.delete(pid);
      resolvePromise({ pid, stdout, stderr, code });
    });
  });
}

/** The simulated program, run as a foreground job until everything it left behind has finished. */
export async function runSim(argv: readonly string[]): Promise<{ output: string; code: number | null }> {
  const r = await run(argv);
  return { output: r.out, code: r.status.kind === 'exited' ? r.status.code : null };
}

/** Whether core dumps go to a program (core_pattern starts with |), which ignores RLIMIT_CORE. */
export function coreToPipe(): boolean {
  try {
    return readFileSync('/proc/sys/kernel/core_pattern', 'utf8').startsWith('|');
  } catch {
    return false;
  }
}

/** This process and its ancestors: a subreaper that adopts a twin's orphan must be one of them. */
export function ancestors(): number[] {
  const found: number[] = [process.pid];
  let pid = process.pid;
  while (pid > 1) {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    pid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    if (pid > 0) found.push(pid);
  }
  return found;
}

/**
 * Pids (numbers of three or more digits that are not part of 0x... or NAME=...) become P1,
 * P2, ... in increasing order, which is the order the kernel handed them out on both sides;
 * init stays 1. Exit statuses, counts and seconds in these programs are all below 100.
 */
export function normalizePids(text: string): string {
  const pid = /(?<![x=\w])\d{3,}(?!\w)/g;
  const pids = [...new Set([...text.matchAll(pid)].map((m) => Number(m[0])))].sort((a, b) => a - b);
  const names = new Map(pids.map((p, i) => [String(p), `P${i + 1}`]));
  return text.replace(pid, (m) => names.get(m)!);
}

/**
 * The lines of each process in their own order: parent and child run at once on Linux, so
 * which of them prints first after a fork is up to the scheduler (the simulator always runs
 * the parent first). A line that names no writer ("    WIFEXITED=...", "after exec: ...") goes
 * with the others of its kind.
 */
export function byWriter(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const line of text.split('\n').filter((l) => l !== '')) {
    const writer = /^((?:grand)?child|parent) (P\d+):/.exec(line)?.[2] ?? 'other';
    (out[writer] ??= []).push(line);
  }
  return out;
}

/** Both comparisons at once: the same lines overall, and the same sequence per process. */
export function comparable(text: string): { lines: string[]; byWriter: Record<string, string[]> } {
  const normal = normalizePids(text);
  return { lines: normal.split('\n').filter((l) => l !== '').sort(), byWriter: byWriter(normal) };
}
