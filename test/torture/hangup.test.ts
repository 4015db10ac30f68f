// Torture: the shell's end, by SIGKILL and by hang-up, with jobs running and stopped.
// Each scenario runs against bash 5.2 too: what the kernel does on its own (orphaned groups,
// the controlling process's exit) is the same for both shells, and what it does not do is
// the shell's job. Rules B10.8, H8.4; scenarios K01; issue 11, defect 2.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProcess, type PtySession } from '../../src/ptytest/index.js';
import { run, startBash, startJcsh, tempHome } from '../e2e/harness.js';
import { budget, scale } from './scale.js';

const SHELLS: [string, () => Promise<PtySession>][] = [['jcsh', startJcsh], ['bash', startBash]];

function alive(pid: number): boolean {
  const p = readProcess(pid);
  return p != null && p.state !== 'Z';
}

/** The pid of the one process whose command line has `marker` as an argument. */
async function pidOf(s: PtySession, marker: string): Promise<number> {
  const p = await s.waitUntil(() => s.processes().find((q) => q.args.includes(marker)), { description: `a process with ${marker}` });
  return p.pid;
}

/** Runs `line` in the foreground, waits for the process `marker` to exist, stops it with ^Z. */
async function startStopped(s: PtySession, line: string, marker: string): Promise<number> {
  s.sendLine(line);
  const pid = await pidOf(s, marker);
  await s.waitUntil(() => s.foregroundPgid() === readProcess(pid)?.pgid, { description: `${marker} in the foreground` });
  s.press('Ctrl+Z');
  await s.expect('Stopped');
  await s.expectPrompt();
  await s.waitUntil(() => readProcess(pid)?.state === 'T', { description: `${marker} stopped` });
  return pid;
}

describe.each(SHELLS)('torture: the end of %s', (name, start) => {
  const ROUNDS = scale(1, 10);

  it(`SIGKILL of ${name}: the stopped and the foreground job end (the kernel hangs up their groups); a running background job is not signalled`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const s = await start();
      const n = 4100 + round * 10;
      await run(s, `sleep ${n} &`);
      const running = await pidOf(s, String(n));
      const stopped = await startStopped(s, `sleep ${n + 1}`, String(n + 1));
      s.sendLine(`sleep ${n + 2}`);
      const foreground = await pidOf(s, String(n + 2));
      await s.waitUntil(() => s.foregroundPgid() === readProcess(foreground)?.pgid);
      s.kill('SIGKILL');
      expect((await s.waitExit()).signal).toBe('SIGKILL');
      // The stopped job's group is orphaned with a stopped member: SIGHUP + SIGCONT. The
      // foreground group gets SIGHUP as the controlling process exits. Nobody tells the rest.
      await s.waitUntil(() => !alive(stopped) && !alive(foreground), { description: 'the stopped and foreground jobs to end' });
      expect(alive(running), 'a running background job is in no orphaned-and-stopped group').toBe(true);
      process.kill(running, 'SIGKILL');
      await s.close();
    }
  }, budget(20_000, 120_000));

  it(`hang-up of ${name} with a running and a stopped job: both get SIGHUP (the stopped one SIGCONT too), ${name} dies of SIGHUP`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const s = await start();
      const log = path.join(tempHome(), 'hup.log');
      // Each job records its SIGHUP; the stopped one can only run its trap once continued. The
      // trap runs when the job's sleep ends, which it does only if it got SIGHUP too. bash
      // follows its SIGHUP to a stopped job with SIGTERM (terminate_stopped_jobs), which would
      // kill the job before its trap runs: the jobs ignore SIGTERM, so that only SIGHUP counts.
      const job = (tag: string, n: number) =>
        `sh -c 'trap "" TERM; trap "echo ${tag} >> ${log}; exit 0" HUP; while :; do sleep ${n}; done'`;
      const n = 4200 + round * 10;
      await run(s, `${job('running', n)} &`);
      const running = await pidOf(s, String(n));
      await startStopped(s, job('stopped', n + 1), String(n + 1));
      const pids = s.processes().filter((p) => p.pid !== s.pid).map((p) => p.pid);
      s.hangup();
      expect.soft((await s.waitExit()).signal, `${name}'s end`).toBe('SIGHUP');
      await s.waitUntil(() => pids.every((pid) => !alive(pid)), { description: 'every job to end', timeout: 3000 })
        .catch((e: unknown) => {
          for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
          throw e;
        });
      const lines = fs.readFileSync(log, 'utf8').trim().split('\n').sort();
      expect(lines).toEqual(['running', 'stopped']);
      expect(alive(running)).toBe(false);
    }
  }, budget(20_000, 120_000));

  it(`hang-up of ${name} with a job that ignores SIGHUP: ${name} still dies of SIGHUP, the job lives on`, async () => {
    const s = await start();
    await run(s, `sh -c 'trap "" HUP; exec sleep 4301' &`);
    const immune = await pidOf(s, '4301');
    await s.waitUntil(() => readProcess(immune)?.comm === 'sleep', { description: 'the exec of sleep' });
    s.hangup();
    expect.soft((await s.waitExit()).signal, `${name}'s end`).toBe('SIGHUP');
    // Orphaned, no longer our child, and still running: nothing but SIGHUP was sent to it.
    await s.waitUntil(() => readProcess(immune)?.ppid !== s.pid, { description: 'the job to be reparented' });
    expect(alive(immune)).toBe(true);
    process.kill(immune, 'SIGKILL');
  });
});
