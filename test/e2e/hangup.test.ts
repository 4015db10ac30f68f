// Closing the terminal (the pty master) while jcsh lives: as bash (B10.8, H8.4), every job gets
// SIGHUP (a stopped one SIGCONT too) unless `disown -h` exempted it, and the shell itself dies
// of SIGHUP, whichever of its read (end of file at the prompt), its write (EIO) or the signal
// tells it first. No Node assertion or crash on the way out.

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readProcess, spawnPty, type PtySession } from '../../src/ptytest/index.js';
import { helper, pathWithHelpers } from '../helpers/paths.js';
import { JCSH, PROMPT, run, startJcsh, tempHome } from './harness.js';

function alive(pid: number): boolean {
  const p = readProcess(pid);
  return p != null && p.state !== 'Z';
}

function sleepPid(s: PtySession, seconds: number): number | undefined {
  return s.processes().find((p) => p.comm === 'sleep' && p.args.includes(String(seconds)) && p.state !== 'Z')?.pid;
}

interface Jobs {
  /** Jobs that must be gone after the hang-up. */
  readonly doomed: number[];
  /** The `disown -h` job, which must survive it. */
  readonly exempt: number;
}

/** A running job, a stopped one and a `disown -h`'d one (numbers from `base` on). */
async function threeJobs(s: PtySession, base: number): Promise<Jobs> {
  await run(s, `sleep ${base} &`);
  s.sendLine(`sleep ${base + 1}`);
  await s.waitUntil(() => s.foregroundProcesses().some((p) => p.comm === 'sleep'));
  s.press('Ctrl+Z');
  await s.expect('Stopped');
  await s.expectPrompt();
  await run(s, `sleep ${base + 2} &`);
  await run(s, 'disown -h %3');
  const pids = [base, base + 1, base + 2].map((n) => s.waitUntil(() => sleepPid(s, n)));
  const [running, stopped, exempt] = await Promise.all(pids);
  await s.waitUntil(() => readProcess(stopped!)?.state === 'T');
  return { doomed: [running!, stopped!], exempt: exempt! };
}

/** After the hang-up: the shell died of SIGHUP, the jobs are gone, the exempt one lives on. */
async function expectHungUp(s: PtySession, jobs: Jobs, more: number[] = []): Promise<void> {
  const exit = await s.waitExit();
  expect({ code: exit.exitCode, signal: exit.signal }).toEqual({ code: null, signal: 'SIGHUP' });
  await expectJobsHungUp(s, jobs, more);
}

async function expectJobsHungUp(s: PtySession, jobs: Jobs, more: number[] = []): Promise<void> {
  await s.waitUntil(() => [...jobs.doomed, ...more].every((pid) => !alive(pid)), { description: 'every job to be gone' });
  expect(alive(jobs.exempt)).toBe(true);
  process.kill(jobs.exempt, 'SIGKILL');
}

/** The system call a thread of `pid` is blocked in (x86-64 numbers), for each of its threads. */
function syscalls(pid: number): number[] {
  try {
    return fs.readdirSync(`/proc/${pid}/task`).map((tid) => {
      const text = fs.readFileSync(`/proc/${pid}/task/${tid}/syscall`, 'utf8');
      return Number(text.split(' ')[0]);
    });
  } catch {
    return [];
  }
}

const SYS_WRITE = 1;

/**
 * jcsh as the child of a session leader that survives the hang-up (sh, catching SIGHUP). The
 * kernel signals only the session leader, so jcsh learns of it only by reading (end of file)
 * or writing (EIO). sh writes jcsh's $? (129 when killed by SIGHUP) to a file.
 */
async function startUnderSh(): Promise<{ s: PtySession; jcsh: number; status: string }> {
  const home = tempHome();
  const status = path.join(home, 'status');
  const script = `trap : HUP; "$0" "$1" --plain --norc; echo $? > "${status}"`;
  const s = spawnPty('sh', ['-c', script, process.execPath, JCSH], {
    prompt: PROMPT, timeout: 8000, cwd: home, env: { PS1: PROMPT, PATH: pathWithHelpers(), HOME: home },
  });
  await s.expectPrompt();
  const jcsh = await s.waitUntil(() => s.processes().find((p) => p.pid !== s.pid && p.args.includes(JCSH))?.pid);
  return { s, jcsh, status };
}

async function expectStatusFile(s: PtySession, file: string, text: string): Promise<void> {
  await s.waitUntil(() => fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text, { description: `${file} to say ${text.trim()}` });
}

describe('closing the terminal (B10.8, H8.4)', () => {
  it('at the prompt: every job but the disown -h one is hung up and the shell dies of SIGHUP', async () => {
    const s = await startJcsh();
    const jobs = await threeJobs(s, 1230);
    await s.waitIdle();
    s.hangup();
    await expectHungUp(s, jobs);
  });

  it('tsh: at the prompt, the running and the stopped job are hung up and the shell dies of SIGHUP', async () => {
    const s = await startJcsh({ args: ['--compat=tsh'] });
    await run(s, `${helper('spin')} 1280 &`);
    s.sendLine(`${helper('spin')} 1281`);
    await s.waitUntil(() => s.foregroundProcesses().some((p) => p.comm === 'spin'));
    s.press('Ctrl+Z');
    await s.expect('stopped by signal 20');
    await s.expectPrompt();
    const spins = s.processes().filter((p) => p.comm === 'spin').map((p) => p.pid);
    expect(spins).toHaveLength(2);
    await s.waitIdle();
    s.hangup();
    const exit = await s.waitExit();
    expect({ code: exit.exitCode, signal: exit.signal }).toEqual({ code: null, signal: 'SIGHUP' });
    await s.waitUntil(() => spins.every((pid) => !alive(pid)), { description: 'both jobs to be gone' });
  });

  it('while a foreground job runs: it and every other job but the exempt one are hung up', async () => {
    const s = await startJcsh();
    const jobs = await threeJobs(s, 1240);
    s.sendLine('sleep 1249');
    const fg = await s.waitUntil(() => s.foregroundProcesses().find((p) => p.comm === 'sleep')?.pid);
    s.hangup();
    await expectHungUp(s, jobs, [fg]);
  });

  it('while the shell is blocked writing to the terminal: its write fails, it still hangs up every job', async () => {
    const s = await startJcsh();
    const jobs = await threeJobs(s, 1250);
    await run(s, 'x=0123456789; x=$x$x$x$x$x$x$x$x$x$x; x=$x$x$x$x$x$x$x$x$x$x; x=$x$x$x$x$x$x$x$x$x$x');
    s.sendLine('sleep 0.5; echo $x $x $x $x $x $x $x $x');
    await s.waitUntil(() => s.foregroundProcesses().some((p) => p.comm === 'sleep'));
    // ^S while the job owns the terminal (the line editor's raw mode would take it as a key):
    // the echo that follows blocks in write(2) until the terminal goes away.
    s.press('Ctrl+S');
    await s.waitUntil(() => syscalls(s.pid).includes(SYS_WRITE), { description: 'the shell to block in write(2)' });
    s.hangup();
    await expectHungUp(s, jobs);
  });

  it('no SIGHUP, at the prompt: end of file on the terminal is the hang-up', async () => {
    const { s, jcsh, status } = await startUnderSh();
    const jobs = await threeJobs(s, 1260);
    await s.waitIdle();
    s.hangup();
    await expectStatusFile(s, status, '129\n');
    expect(alive(jcsh)).toBe(false);
    await expectJobsHungUp(s, jobs);
  });

  it('no SIGHUP, while writing: EIO from the terminal is the hang-up', async () => {
    const { s, jcsh, status } = await startUnderSh();
    const jobs = await threeJobs(s, 1270);
    await run(s, 'x=0123456789; x=$x$x$x$x$x$x$x$x$x$x; x=$x$x$x$x$x$x$x$x$x$x');
    s.sendLine('sleep 0.5; echo $x $x $x $x');
    await s.waitUntil(() => s.foregroundProcesses().some((p) => p.comm === 'sleep'));
    s.press('Ctrl+S');
    await s.waitUntil(() => syscalls(jcsh).includes(SYS_WRITE), { description: 'the shell to block in write(2)' });
    s.hangup();
    await expectStatusFile(s, status, '129\n');
    await expectJobsHungUp(s, jobs);
  });
});
