// Reaping, leaving the shell, hangup. Scenarios A01, J01, J02, K01, K02, K03; rules B10.7, B10.8.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProcess, type PtySession } from '../../src/ptytest/index.js';
import { installed } from '../helpers/tools.js';
import { JCSH, launchAndSettle, outputOf, run, startJcsh, stripControls, tempHome } from './harness.js';

const hasPs = installed('ps');

function alive(pid: number): boolean {
  const p = readProcess(pid);
  return p != null && p.state !== 'Z';
}

describe('reaping', () => {
  it('ten short jobs are reported in job order and leave no zombie (J01)', async () => {
    const s = await startJcsh();
    const line = Array.from({ length: 10 }, (_, i) => `sh -c 'exit ${i + 1}' &`).join(' ');
    const text = await launchAndSettle(s, line, () => s.processes().filter((p) => p.ppid === s.pid).length === 0);
    expect(text.match(/^\[\d+\] \d+$/gm)).toHaveLength(10);
    // Jobs that end while later ones are still being started are reported at the first prompt,
    // the rest at the next one; each report lists its jobs in job order.
    const jobNumber = (line: string) => Number(/^\[(\d+)\]/.exec(line)![1]);
    const notes = (text.match(/^\[\d+\].  Exit .*$/gm) ?? []).sort((a, b) => jobNumber(a) - jobNumber(b));
    expect(notes).toHaveLength(10);
    notes.forEach((n, i) => expect(n).toMatch(new RegExp(`^\\[${i + 1}\\][-+ ]  Exit ${i + 1} +sh -c 'exit ${i + 1}'$`)));
    expect(notes[9]).toMatch(/^\[10\]\+/);
    // Job 9 is the previous job (-) while job 10 is listed; if 10 ended first and was reported
    // (and dropped) at an earlier prompt, 9 has become the current job (+), as in bash.
    const shown = text.match(/^\[\d+\].  Exit .*$/gm)!.map(jobNumber);
    expect(notes[8]).toMatch(shown.indexOf(9) > shown.indexOf(10) ? /^\[9\]\+/ : /^\[9\]-/);
    expect(s.zombies()).toEqual([]);
  });

  it('children are reaped at once, even while the shell idles at the prompt (J02a)', async () => {
    const s = await startJcsh();
    await run(s, 'sleep 0.2 &');
    await s.waitUntil(() => !s.processes().some((p) => p.comm === 'sleep'), { timeout: 3000 });
    expect(s.zombies()).toEqual([]);
  });

  it('a disowned job is no longer listed but is still reaped (J02)', async () => {
    const s = await startJcsh();
    await run(s, 'sleep 0.3 &');
    expect(await outputOf(s, 'disown; jobs')).toBe('');
    await s.waitUntil(() => !s.processes().some((p) => p.comm === 'sleep'), { timeout: 3000 });
    expect(s.zombies()).toEqual([]);
  });

  it('a job started inside $(…) that outlives it is still reaped', async () => {
    const s = await startJcsh();
    expect(await outputOf(s, 'x=$(sleep 0.3 >/dev/null & echo inner); echo $x')).toBe('inner');
    await s.waitUntil(() => !s.processes().some((p) => p.comm === 'sleep'), { timeout: 3000 });
    expect(s.zombies()).toEqual([]);
  });

  it('$(jobs -p) lists the shell\'s jobs, as in bash', async () => {
    const s = await startJcsh();
    await run(s, 'sleep 100 &');
    await run(s, 'sleep 101 &');
    expect(await outputOf(s, 'echo "n=$(jobs -p | wc -l)"')).toBe('n=2');
    await run(s, 'kill $(jobs -p)');
    await s.waitUntil(() => !s.processes().some((p) => p.comm === 'sleep'));
  });

  it('twenty quick jobs and a foreground job: all reported, no zombies (J02b)', async () => {
    const s = await startJcsh();
    const line = `${'sleep 0.05 & '.repeat(20)}sleep 1`;
    const out = await outputOf(s, line);
    expect(out.split('\n').filter((l) => /Done +sleep 0\.05/.test(l))).toHaveLength(20);
    expect(s.zombies()).toEqual([]);
  });

  // procps ps lists the script's children; `grep -c` would count 0 of a ps that is missing
  it.skipIf(!hasPs)(`a script of 1000 background jobs then wait leaves no zombie and no job${hasPs ? '' : ' (skipped: procps ps is not installed)'}`, () => {
    const home = tempHome();
    const script = path.join(home, 'many.sh');
    const check = "wait\nprintf 'zombies:'; ps -o stat= --ppid $$ | grep -c Z\nprintf 'jobs:'; jobs | wc -l\n";
    fs.writeFileSync(script, `${'true &\n'.repeat(1000)}${check}`);
    const out = execFileSync(process.execPath, [JCSH, script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(out).toBe('zombies:0\njobs:0\n');
  });
});

/** Two running background sleeps, one stopped, one in the foreground; returns their pids. */
async function runningStoppedForeground(s: PtySession, n: number): Promise<number[]> {
  await run(s, `sleep ${n} &`);
  await run(s, `sleep ${n + 1} &`);
  s.sendLine(`sleep ${n + 2}`);
  await s.waitUntil(() => s.processes().some((p) => p.args.includes(String(n + 2))));
  s.press('Ctrl+Z');
  await s.expect('Stopped');
  await s.expectPrompt();
  s.sendLine(`sleep ${n + 3}`);
  await s.waitUntil(() => s.processes().some((p) => p.args.includes(String(n + 3))));
  const pids = s.processes().filter((p) => p.comm === 'sleep').map((p) => p.pid);
  expect(pids).toHaveLength(4);
  return pids;
}

describe('leaving', () => {
  it('^D at an empty prompt prints exit and ends the shell with status 0 (A01)', async () => {
    const s = await startJcsh();
    s.press('Ctrl+D');
    const r = await s.waitExit();
    expect(r.exitCode).toBe(0);
    // As bash: the prompt's line is ended, then "exit" on a line of its own.
    expect(stripControls(r.output)).toMatch(/jc\$ \r\r\nexit\r\n$/);
  });

  it('exit with stopped jobs warns once; an intervening command resets (K02)', async () => {
    const s = await startJcsh();
    await run(s, 'sleep 301 &');
    s.sendLine('sleep 302');
    await s.waitUntil(() => s.processes().some((p) => p.comm === 'sleep' && p.args.includes('302')));
    s.press('Ctrl+Z');
    await s.expect('Stopped');
    await s.expectPrompt();
    expect(await outputOf(s, 'exit')).toBe('exit\nThere are stopped jobs.');
    expect(await outputOf(s, 'echo still here')).toBe('still here');
    expect(await outputOf(s, 'exit')).toBe('exit\nThere are stopped jobs.');
    const stopped = s.processes().find((p) => p.args.includes('302'))!;
    const running = s.processes().find((p) => p.args.includes('301'))!;
    s.sendLine('exit');
    const r = await s.waitExit();
    // As in bash: `exit` leaves with $?, which the refused exit had set to 1.
    expect(r.exitCode).toBe(1);
    await s.waitUntil(() => !alive(stopped.pid));
    expect(alive(running.pid)).toBe(true);
    process.kill(running.pid, 'SIGKILL');
  });

  it('jobs does not count as an intervening command (K03a)', async () => {
    const s = await startJcsh();
    s.sendLine('sleep 303');
    await s.waitUntil(() => s.processes().some((p) => p.comm === 'sleep'));
    const pid = s.processes().find((p) => p.comm === 'sleep')!.pid;
    s.press('Ctrl+Z');
    await s.expect('Stopped');
    await s.expectPrompt();
    await run(s, 'exit');
    await run(s, 'jobs');
    s.sendLine('exit');
    await s.waitExit();
    await s.waitUntil(() => !alive(pid));
  });

  it('exit with only running jobs leaves at once and the job survives (K03b)', async () => {
    const s = await startJcsh();
    await run(s, 'sleep 100 &');
    const pid = s.processes().find((p) => p.comm === 'sleep')!.pid;
    s.sendLine('exit');
    expect((await s.waitExit()).exitCode).toBe(0);
    expect(alive(pid)).toBe(true);
    process.kill(pid, 'SIGKILL');
  });

  it('closing the terminal ends the shell and every job (H8.4, B10.8)', async () => {
    const s = await startJcsh();
    const pids = [s.pid, ...(await runningStoppedForeground(s, 1400))];
    s.hangup();
    await s.waitUntil(() => pids.every((pid) => !alive(pid)), { timeout: 3000 });
  });

  it('SIGHUP to the shell hangs up every job, running, stopped and foreground (K01)', async () => {
    const s = await startJcsh();
    const pids = await runningStoppedForeground(s, 1300);
    s.kill('SIGHUP');
    await s.waitExit();
    await s.waitUntil(() => pids.every((pid) => !alive(pid)), { timeout: 3000 });
  });
});
