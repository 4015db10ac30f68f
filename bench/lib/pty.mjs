// Benchmarks through a terminal, with jcsh's own pty toolkit (dist/ptytest): ^Z and fg
// latency, time to the first prompt, memory at rest and with 1,000 jobs. Every wait is on a
// condition (a pattern on the stream, a process state in /proc), never a fixed sleep.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readProcess, spawnPty, waitUntil } from '../../dist/ptytest/index.js';
import { JCSH } from './shells.mjs';

const PROMPT = 'jc$ ';
const now = () => performance.now();

/** An interactive shell at its first prompt, with a fixed prompt, no rc files, no history. */
export function startShell(name) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'jcsh-bench-home-'));
  const env = { PS1: PROMPT, HOME: home, HISTFILE: '/dev/null' };
  const [cmd, args] = name === 'jcsh'
    ? [process.execPath, [JCSH, '--plain', '--norc']]
    : ['bash', ['--norc', '--noprofile', '-i']];
  return spawnPty(cmd, args, { env, cwd: home, prompt: PROMPT, timeout: 20000, cols: 200, rows: 50 });
}

async function run(s, line) {
  s.sendLine(line);
  await s.expectPrompt();
}

const stateOf = (pid) => readProcess(pid)?.state;

/**
 * `cycles` times: ^Z on a foreground `cat` until the shell has printed Stopped, then `fg`
 * until cat runs again in the foreground. Returns the two lists of latencies in ms.
 */
export async function stopAndContinue(name, cycles) {
  const s = startShell(name);
  try {
    await s.expectPrompt();
    s.sendLine('cat');
    const cat = await s.waitUntil(() => s.foregroundProcesses().find((p) => p.comm === 'cat'));
    const stop = [];
    const fg = [];
    for (let i = 0; i < cycles; i++) {
      await s.waitIdle(); // cat is reading: ^Z now is the job's, not the shell's
      const t0 = now();
      s.press('Ctrl+Z');
      await s.expect(/Stopped/);
      stop.push(now() - t0);
      await s.expectPrompt();
      await waitUntil(() => stateOf(cat.pid) === 'T', { timeout: 5000 });
      const t1 = now();
      s.sendLine('fg');
      await waitUntil(() => stateOf(cat.pid) !== 'T' && s.foregroundPgid() === cat.pgid, { interval: 1, timeout: 5000 });
      fg.push(now() - t1);
    }
    return { stop, fg };
  } finally {
    await s.close();
  }
}

/** Time from `start()` (a new pty session) to its first prompt, `n` times. */
async function timeToPrompt(start, n) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const t0 = now();
    const s = start();
    try {
      await s.expectPrompt();
      times.push(now() - t0);
    } finally {
      await s.close();
    }
  }
  return times;
}

/** Time from starting the shell in a new pty to its first prompt, `n` times. */
export function firstPrompt(name, n) {
  return timeToPrompt(() => startShell(name), n);
}

/**
 * Time from starting in a new pty a Node that only prints the prompt (`node -e`) to that
 * prompt, `n` times: the floor for jcsh, measured the same way.
 */
export function nodeInPty(n) {
  const script = `process.stdout.write(${JSON.stringify(PROMPT)})`;
  return timeToPrompt(() => spawnPty(process.execPath, ['-e', script], { timeout: 20000, prompt: PROMPT }), n);
}

function rssKiB(pid) {
  const m = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

/** `runs` times a line at the prompt to the next prompt, in ms. */
async function roundTrips(s, line, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    await run(s, line);
    times.push(now() - t0);
  }
  return times;
}

/**
 * Memory and responsiveness at rest and with `jobs` live background jobs (sleep): the
 * shell's RSS, and the time to run /bin/true at the prompt (each SIGCHLD makes the shell look
 * at its jobs, so this shows what many live jobs cost per command).
 */
export async function memoryWithJobs(name, jobs, trips) {
  const s = startShell(name);
  const sleeps = () => s.processes().filter((p) => p.comm === 'sleep' && p.ppid === s.pid);
  try {
    await s.expectPrompt();
    for (let i = 0; i < 10; i++) await run(s, '');
    const idleRss = rssKiB(s.pid);
    const idleTrip = await roundTrips(s, '/bin/true', trips);
    for (let started = 0; started < jobs; started += 100) {
      await run(s, 'sleep 3600 & '.repeat(Math.min(100, jobs - started)));
    }
    await s.waitUntil(() => sleeps().length === jobs, { timeout: 60000, description: `${jobs} sleeps` });
    for (let i = 0; i < 5; i++) await run(s, '');
    const jobsRss = rssKiB(s.pid);
    const jobsTrip = await roundTrips(s, '/bin/true', trips);
    for (const p of sleeps()) process.kill(p.pid, 'SIGKILL');
    await s.waitUntil(() => sleeps().length === 0 && s.zombies().length === 0, { timeout: 60000, description: 'the jobs reaped' });
    return { idleRss, jobsRss, idleTrip, jobsTrip };
  } finally {
    await s.close();
  }
}
