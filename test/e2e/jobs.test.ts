// Background jobs, `jobs` listings, job numbers and specs, notifications.
// Scenarios A02, A03, A04, A05, A06, B01, B02, B05, B07, H04, H06; rules B10.9.

import { describe, expect, it } from 'vitest';
import { launchAndSettle, outputOf, run, startBash, startJcsh } from './harness.js';

describe('background jobs and the job table', () => {
  it('launch lines, jobs listing and $! (A02)', async () => {
    const s = await startJcsh();
    const first = await outputOf(s, 'spin 20 &');
    expect(first).toMatch(/^\[1\] \d+$/);
    const second = await outputOf(s, 'spin 30 &');
    const pid2 = /^\[2\] (\d+)$/.exec(second)?.[1];
    expect(pid2).toBeDefined();
    expect(await outputOf(s, 'jobs')).toBe(
      '[1]-  Running                 spin 20 &\n[2]+  Running                 spin 30 &');
    expect(await outputOf(s, 'echo $!')).toBe(pid2);
  });

  it('a foreground job that exits prints nothing about itself (A03)', async () => {
    const s = await startJcsh();
    expect(await outputOf(s, "sh -c 'exit 3'")).toBe('');
    expect(await outputOf(s, 'echo $?')).toBe('3');
  });

  it('set -b tells of a finished job at once, at the idle prompt, as bash 5.2 does', async () => {
    for (const s of [await startJcsh(), await startBash()]) {
      await run(s, 'set -b; sleep 0.2 &');
      // no key is pressed: the notice comes by itself after the prompt
      await s.expect(/\[1\]\+ +Done +sleep 0\.2\r*\n/);
      expect(await outputOf(s, 'jobs')).toBe('');
    }
  });

  it('finished background jobs are reported before the next prompt, in job order (A04)', async () => {
    const s = await startJcsh();
    await run(s, 'sleep 0.1 & sleep 0.2 & sleep 0.3 &');
    await s.waitUntil(() => !s.processes().some((p) => p.comm === 'sleep'), { timeout: 5000 });
    expect(await outputOf(s, '')).toBe([
      '[1]   Done                    sleep 0.1',
      '[2]-  Done                    sleep 0.2',
      '[3]+  Done                    sleep 0.3',
    ].join('\n'));
    expect(await outputOf(s, 'jobs')).toBe('');
    expect(await outputOf(s, 'echo $?')).toBe('0');
  });

  it('job numbers are max+1 and restart at 1 when the table empties (A05)', async () => {
    const s = await startJcsh();
    await run(s, 'sleep 201 &');
    await run(s, 'sleep 202 &');
    await run(s, 'sleep 203 &');
    const killed = await launchAndSettle(s, 'kill %2', () => !s.processes().some((p) => p.args.includes('202')));
    expect(killed).toContain('[2]-  Terminated              sleep 202');
    expect(await outputOf(s, 'sleep 204 &')).toMatch(/^\[4\] \d+$/);
    await launchAndSettle(s, 'kill %1 %3 %4', () => !s.processes().some((p) => p.comm === 'sleep'));
    expect(await outputOf(s, 'sleep 1 &')).toMatch(/^\[1\] \d+$/);
  });

  it('a notification waits until the foreground job ends (A06b)', async () => {
    const s = await startJcsh();
    // The foreground job ends only once the background one has exited (a zombie or reaped),
    // so the background job surely changes while the foreground one runs.
    const untilExited = `sh -c 'while [ -e /proc/$0 ] && ! grep -qs ") Z" /proc/$0/stat; do sleep 0.01; done; echo fg-end' $!`;
    expect(await outputOf(s, `sleep 0.2 & ${untilExited}; echo fgdone`)).toMatch(
      /^\[1\] \d+\nfg-end\n\[1\]\+  Done                    sleep 0\.2\nfgdone$/);
  });

  it('current and previous marks; a stopped job becomes current (B01, B02)', async () => {
    const s = await startJcsh();
    await run(s, 'sleep 300 &');
    await run(s, 'sleep 350 &');
    await run(s, 'sleep 400 &');
    expect(await outputOf(s, 'jobs')).toBe([
      '[1]   Running                 sleep 300 &',
      '[2]-  Running                 sleep 350 &',
      '[3]+  Running                 sleep 400 &',
    ].join('\n'));
    expect(await outputOf(s, 'jobs %+')).toBe('[3]+  Running                 sleep 400 &');
    expect(await outputOf(s, 'jobs %-')).toBe('[2]-  Running                 sleep 350 &');
    expect((await outputOf(s, 'jobs -r')).split('\n')).toHaveLength(3);
    expect(await outputOf(s, 'jobs -s')).toBe('');
    const stopped = await launchAndSettle(s, 'kill -STOP %2', () => s.processes().some((p) => p.state === 'T'));
    expect(stopped).toContain('\n\n[2]+  Stopped                 sleep 350');
    expect(await outputOf(s, 'jobs -s')).toBe('[2]+  Stopped                 sleep 350');
    expect(await outputOf(s, 'jobs %-')).toBe('[3]-  Running                 sleep 400 &');
    expect(await outputOf(s, 'kill -s CONT %2')).toBe('');
    await s.waitUntil(() => !s.processes().some((p) => p.state === 'T'));
    expect(await outputOf(s, 'jobs %2')).toBe('[2]+  Running                 sleep 350 &');
  });

  it('jobs -p, jobs -l and $! agree (B05); a pipeline job is led by its first process (H04)', async () => {
    const s = await startJcsh();
    await run(s, 'sleep 60 &');
    const bang = await outputOf(s, 'echo $!');
    expect(await outputOf(s, 'jobs -p %+')).toBe(bang);
    expect(await outputOf(s, 'jobs -l')).toBe(`[1]+ ${bang.padStart(5)} Running                 sleep 60 &`);
    const launch = await outputOf(s, 'sleep 100 | sleep 101 &');
    const last = /^\[2\] (\d+)$/.exec(launch)![1]!;
    expect(await outputOf(s, 'echo $!')).toBe(last);
    const leader = await outputOf(s, 'jobs -p %2');
    // the leader runs jcsh-gate until every stage has joined the group, then execs sleep
    const members = await s.waitUntil(() => {
      const found = s.processes().filter((p) => p.comm === 'sleep' && p.pgid === Number(leader));
      return found.length === 2 ? found : undefined;
    });
    expect(members.map((p) => p.pid).sort()).toEqual([Number(leader), Number(last)].sort());
    expect(Number(leader)).not.toBe(s.pid);
  });

  it('job specs by name and substring, and missing jobs (B07)', async () => {
    const s = await startJcsh();
    const done = await launchAndSettle(s, 'sleep 0.1 &', () => !s.processes().some((p) => p.comm === 'sleep'));
    expect(done).toContain('[1]+  Done                    sleep 0.1');
    expect(await outputOf(s, 'jobs; echo $?')).toBe('0');
    // task-1 stops first, so task-2, stopping last, is the current job
    await launchAndSettle(s, 'sh -c "kill -STOP \\$\\$; : task-1" &', () => s.processes().filter((p) => p.state === 'T').length === 1);
    await launchAndSettle(s, 'sh -c "kill -STOP \\$\\$; : task-2" &', () => s.processes().filter((p) => p.state === 'T').length === 2);
    expect(await outputOf(s, 'jobs %1')).toMatch(/^\[1\]-  Stopped                 sh -c .*task-1/);
    expect(await outputOf(s, 'jobs %?task-2')).toMatch(/^\[2\]\+  Stopped                 sh -c .*task-2/);
    expect(await outputOf(s, 'jobs %100; echo $?')).toBe('jcsh: jobs: %100: no such job\n1');
    // bash reports the ambiguity and then that no job was found.
    expect(await outputOf(s, 'jobs %sh')).toBe('jcsh: jobs: sh: ambiguous job spec\njcsh: jobs: %sh: no such job');
  });

  it('background pipeline completion and statuses (H06)', async () => {
    const s = await startJcsh();
    const done = await launchAndSettle(s, 'sleep 0.1 | cat &', () => !s.processes().some((p) => p.comm === 'sleep' || p.comm === 'cat'));
    expect(done).toContain('[1]+  Done                    sleep 0.1 | cat');
    expect(await outputOf(s, 'true | false | true & wait $!; echo $?')).toMatch(/(^|\n)0$/);
    expect(await outputOf(s, "sh -c 'exit 44' | sh -c 'cat; exit 88' & wait %+; echo $?")).toMatch(/(^|\n)88$/);
  });

  it('an and-or list in the background is one job run by a subshell that sees the variables', async () => {
    const s = await startJcsh();
    await run(s, 'LOCAL=seen');
    const text = await launchAndSettle(s, 'sleep 0.2 && echo "after $LOCAL" &', () => !s.processes().some((p) => p.ppid === s.pid));
    expect(text).toMatch(/\n\[1\] \d+\n/);
    expect(text).toContain('after seen');
    expect(text).toContain('[1]+  Done                    sleep 0.2 && echo "after $LOCAL"');
  });

  it('a builtin in a pipeline runs as a job member: jobs | wc -l counts the jobs', async () => {
    const s = await startJcsh();
    await run(s, 'sleep 50 &');
    await run(s, 'sleep 51 &');
    expect(await outputOf(s, 'jobs | wc -l')).toBe('2');
    expect(await outputOf(s, 'echo one two | cat')).toBe('one two');
  });
});
