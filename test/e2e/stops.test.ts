// Stops: ^Z, SIGTTIN for background readers, SIGTTOU under `stty tostop`, fg and bg.
// Rules: K3.1, K3.5, R1.4c, W2.2, W2.3, B10.4, B10.5, B10.9. Scenarios: C03, D01, D03, E01, E02, F01, F02.

import { describe, expect, it } from 'vitest';
import { expectForeground, launchAndSettle, outputOf, run, startJcsh } from './harness.js';

describe('stops and resumes', () => {
  it('^Z stops the foreground job, $? is 148, fg and bg resume it (S10-a, C03)', async () => {
    const s = await startJcsh();
    s.sendLine('sleep 100');
    await s.waitUntil(() => s.processes().some((p) => p.comm === 'sleep' && p.pgid === p.pid && s.foregroundPgid() === p.pgid));
    const sleep = s.processes().find((p) => p.comm === 'sleep')!;
    s.press('Ctrl+Z');
    await s.expect('^Z\r\n[1]+  Stopped                 sleep 100\r\n');
    await s.expectPrompt();
    expect(s.foregroundPgid()).toBe(s.pid);
    expect(await outputOf(s, 'echo $?')).toBe('148');
    await s.waitUntil(() => s.processes().find((p) => p.pid === sleep.pid)?.state === 'T');
    expect(await outputOf(s, 'bg')).toBe('[1]+ sleep 100 &');
    await s.waitUntil(() => ['S', 'R'].includes(s.processes().find((p) => p.pid === sleep.pid)?.state ?? ''));
    expect(await outputOf(s, 'jobs')).toBe('[1]+  Running                 sleep 100 &');
    s.sendLine('fg');
    await s.expect('sleep 100\r\n');
    await expectForeground(s, sleep.pid);
    s.press('Ctrl+C');
    await s.expectPrompt();
    expect(await outputOf(s, 'echo $?')).toBe('130');
    expect(await outputOf(s, 'jobs')).toBe('');
  });

  it('a background reader stops with SIGTTIN: Stopped, and Stopped (tty input) in jobs -l (D01)', async () => {
    const s = await startJcsh();
    const text = await launchAndSettle(s, 'cat &', () => s.processes().some((p) => p.comm === 'cat' && p.state === 'T'));
    const pid = Number(/\n\[1\] (\d+)\n/.exec(text)?.[1]);
    expect(pid).toBeGreaterThan(0);
    expect(text).toContain('\n\n[1]+  Stopped                 cat');
    expect(await outputOf(s, 'jobs -l')).toBe(`[1]+ ${String(pid).padStart(5)} Stopped (tty input)     cat`);
    expect(await outputOf(s, 'jobs')).toBe('[1]+  Stopped                 cat');
    expect(s.foregroundPgid()).toBe(s.pid);
  });

  it('the kernel stops the whole background pipeline on SIGTTIN (D01b)', async () => {
    const s = await startJcsh();
    const text = await launchAndSettle(s, 'cat | cat &', () => s.processes().filter((p) => p.comm === 'cat' && p.state === 'T').length === 2);
    expect(text).toContain('\n\n[1]+  Stopped                 cat | cat');
    const long = (await outputOf(s, 'jobs -l')).split('\n');
    expect(long).toHaveLength(2);
    expect(long[0]).toMatch(/^\[1\]\+ +\d+ Stopped \(tty input\)     cat$/);
    expect(long[1]).toMatch(/^ {5} *\d+ {23}\| cat$/);
    const killed = await launchAndSettle(s, 'kill %1', () => !s.processes().some((p) => p.comm === 'cat'));
    // As bash (scenario D01b, G02): if the prompt comes before the cats are dead, the stop is
    // told once more, and Terminated then has no `+`, as in bash's transcript.
    expect(killed).toMatch(/\n\[1\][+ ]  Terminated {14}cat \| cat\n/);
  });

  it('stty tostop makes a background writer stop with SIGTTOU; -tostop lets it write (E01)', async () => {
    const s = await startJcsh();
    await run(s, 'stty tostop');
    const text = await launchAndSettle(s, "sh -c 'echo hi' &", () => s.processes().some((p) => p.comm === 'sh' && p.state === 'T'));
    expect(text).toContain("\n\n[1]+  Stopped                 sh -c 'echo hi'");
    expect(await outputOf(s, 'jobs -l')).toMatch(/^\[1\]\+ +\d+ Stopped \(tty output\)    sh -c 'echo hi'$/);
    expect(await outputOf(s, 'fg')).toBe("sh -c 'echo hi'\nhi");
    expect(await outputOf(s, 'echo $?')).toBe('0');
    await run(s, 'stty -tostop');
    const worldText = await launchAndSettle(s, "sh -c 'echo world' &", () => !s.processes().some((p) => p.comm === 'sh'));
    expect(worldText).toContain('world');
    expect(worldText).toContain("[1]+  Done                    sh -c 'echo world'");
  });

  it('a builtin in the background is a real job member: echo & stops under tostop (SIGTTOU)', async () => {
    const s = await startJcsh();
    await run(s, 'stty tostop');
    const text = await launchAndSettle(s, 'echo hi &', () => s.processes().some((p) => p.ppid === s.pid && p.state === 'T'));
    expect(text).toContain('\n\n[1]+  Stopped                 echo hi');
    expect(await outputOf(s, 'jobs -l')).toMatch(/Stopped \(tty output\)/);
    expect(await outputOf(s, 'fg')).toBe('echo hi\nhi');
    await run(s, 'stty -tostop');
  });

  it('setting terminal modes from the background stops even without tostop (E02, W2.3)', async () => {
    const s = await startJcsh();
    await run(s, 'stty -tostop');
    const notes = await launchAndSettle(s, "stty -a >/dev/null & sh -c 'stty sane' &",
      () => s.processes().some((p) => p.comm === 'stty' && p.state === 'T') && !s.processes().some((p) => p.args.includes('-a')));
    // Its mark depends on whether job 2 had stopped yet when job 1 was reported.
    expect(notes).toMatch(/\n\[1\][- ]  Done                    stty -a > \/dev\/null\n/);
    expect(notes).toContain("[2]+  Stopped                 sh -c 'stty sane'");
    expect(await outputOf(s, 'jobs -l')).toMatch(/Stopped \(tty output\)/);
    expect(await outputOf(s, 'fg')).toBe("sh -c 'stty sane'");
  });

  it('bg on a ^Z-stopped cat re-stops it at once; fg gives it the terminal (D03)', async () => {
    const s = await startJcsh();
    s.sendLine('cat');
    await s.waitUntil(() => s.processes().some((p) => p.comm === 'cat' && s.foregroundPgid() === p.pgid));
    s.press('Ctrl+Z');
    await s.expect('[1]+  Stopped                 cat');
    await s.expectPrompt();
    const resumed = await launchAndSettle(s, 'bg', () => s.processes().some((p) => p.comm === 'cat' && p.state === 'T'));
    expect(resumed).toMatch(/^bg\n\[1\]\+ cat &\n/);
    expect(resumed).toContain('\n\n[1]+  Stopped                 cat\n');
    expect(await outputOf(s, 'jobs -l')).toMatch(/Stopped \(tty input\)/);
    s.sendLine('fg');
    await s.expect('cat\r\n');
    s.sendLine('hello');
    await s.expect('hello\r\nhello\r\n');
    s.press('Ctrl+D');
    await s.expectPrompt();
    expect(await outputOf(s, 'echo $?')).toBe('0');
  });

  it('fg a background job, stop it, fg again (F02)', async () => {
    const s = await startJcsh();
    await run(s, 'spin 30 &');
    s.sendLine('fg %1');
    await s.expect('spin 30\r\n');
    const spin = await s.waitUntil(() => s.processes().find((p) => p.comm === 'spin'));
    await expectForeground(s, spin.pgid);
    s.press('Ctrl+Z');
    await s.expect('[1]+  Stopped                 spin 30');
    await s.expectPrompt();
    expect(await outputOf(s, 'jobs')).toBe('[1]+  Stopped                 spin 30');
    s.sendLine('fg %1');
    await expectForeground(s, spin.pgid);
    s.press('Ctrl+C');
    await s.expectPrompt();
    expect(await outputOf(s, 'jobs')).toBe('');
  });

  it('multi-operand bg resumes every stopped job; wait returns 0 (F01 variant)', async () => {
    const s = await startJcsh();
    await run(s, 'sleep 0.3 &');
    await run(s, 'sleep 0.4 &');
    await run(s, 'kill -STOP %1 %2');
    await s.waitUntil(() => s.processes().filter((p) => p.comm === 'sleep' && p.state === 'T').length === 2);
    await outputOf(s, '');
    const out = await outputOf(s, 'bg %1 %2');
    expect(out).toMatch(/^\[1\][-+ ] sleep 0\.3 &\n\[2\][-+ ] sleep 0\.4 &$/);
    // Like bash, wait reports the jobs it saw finish.
    expect(await outputOf(s, 'wait; echo $?')).toMatch(/^(\[\d\][-+ ]  Done +sleep 0\.\d\n)*0$/);
  });

  it('every pipeline is one process group and the shell owns the terminal at every prompt', async () => {
    const s = await startJcsh();
    s.sendLine('sleep 30 | sleep 31 | cat');
    // A child shows in /proc a moment before it joins its group, so wait for the group to settle.
    const stages = await s.waitUntil(() => {
      const ps = s.processes().filter((p) => p.ppid === s.pid);
      return ps.length === 3 && new Set(ps.map((p) => p.pgid)).size === 1 ? ps : undefined;
    });
    expect(stages[0]!.pgid).not.toBe(s.pid);
    await expectForeground(s, stages[0]!.pgid);
    s.press('Ctrl+C');
    await s.expectPrompt();
    expect(s.foregroundPgid()).toBe(s.pid);
    expect(await outputOf(s, 'echo $?')).toBe('130');
  });
});
