// Keyboard signals reach only the foreground job; the shell survives them; signals sent to the
// shell itself. Rules K3.1, K3.3, B10.2, B10.4, B10.9. Scenarios C01, C02, C03, C04, C06, C07, E04, L01-L03.

import { describe, expect, it } from 'vitest';
import { expectForeground, outputOf, run, startJcsh, stripControls, terminalCooked } from './harness.js';

describe('keyboard signals', () => {
  it('^C ends the foreground job with just a newline and $? 130 (C01a)', async () => {
    const s = await startJcsh();
    s.sendLine('spin 30');
    const spin = await s.waitUntil(() => s.processes().find((p) => p.comm === 'spin'));
    await expectForeground(s, spin.pgid);
    s.press('Ctrl+C');
    const m = await s.expectPrompt();
    expect(stripControls(m.before).replace(/\r/g, '')).toBe('spin 30\n^C\n');
    expect(await outputOf(s, 'echo $?')).toBe('130');
  });

  it('^\\ prints Quit and $? 131 (C01b)', async () => {
    const s = await startJcsh();
    s.sendLine('spin 100');
    const spin = await s.waitUntil(() => s.processes().find((p) => p.comm === 'spin'));
    await expectForeground(s, spin.pgid);
    s.press('Ctrl+\\');
    await s.expect(/Quit( \(core dumped\))?\r\n/);
    await s.expectPrompt();
    expect(await outputOf(s, 'echo $?')).toBe('131');
  });

  it('a job that ignores SIGINT survives ^C (C01c)', async () => {
    const s = await startJcsh();
    s.sendLine(`sh -c 'trap "" INT; sleep 1; echo survived'; echo st=$?`);
    const sh = await s.waitUntil(() => s.processes().find((p) => p.comm === 'sleep'));
    await expectForeground(s, sh.pgid);
    s.press('Ctrl+C');
    await s.expect('survived\r\nst=0\r\n');
    await s.expectPrompt();
  });

  it('^C spares background jobs, even when sent to the shell group (C02)', async () => {
    const s = await startJcsh();
    await run(s, 'spin 40 &');
    s.sendLine('spin 50');
    const fg = await s.waitUntil(() => s.processes().find((p) => p.comm === 'spin' && s.foregroundPgid() === p.pgid));
    expect(fg).toBeDefined();
    s.press('Ctrl+C');
    await s.expectPrompt();
    expect(await outputOf(s, 'jobs')).toBe('[1]+  Running                 spin 40 &');
    s.kill('SIGINT', 'process-group');
    expect(await outputOf(s, 'jobs')).toBe('[1]+  Running                 spin 40 &');
  });

  it('^Z stops only the foreground job (C03)', async () => {
    const s = await startJcsh();
    await run(s, 'spin 40 &');
    s.sendLine('spin 50');
    await s.waitUntil(() => s.processes().some((p) => p.comm === 'spin' && s.foregroundPgid() === p.pgid));
    s.press('Ctrl+Z');
    await s.expect('[2]+  Stopped                 spin 50');
    await s.expectPrompt();
    expect(await outputOf(s, 'echo $?')).toBe('148');
    expect(await outputOf(s, 'jobs')).toBe(
      '[1]-  Running                 spin 40 &\n[2]+  Stopped                 spin 50');
  });

  it('keys at an idle prompt: ^C clears the line, ^Z and ^\\ do nothing (C04)', async () => {
    const s = await startJcsh();
    s.send('echo partial');
    await s.expect('echo partial');
    s.press('Ctrl+C');
    await s.expectPrompt();
    expect(await outputOf(s, 'echo $?')).toBe('130');
    s.press('Ctrl+Z');
    s.press('Ctrl+\\');
    expect(await outputOf(s, 'echo ok')).toBe('ok');
    expect(s.exitStatus).toBeNull();
  });

  it('^C interrupts the wait builtin, not the job (C06)', async () => {
    const s = await startJcsh();
    await run(s, 'sleep 100 &');
    s.sendLine('wait %1');
    await s.expect('wait %1\r\r\n');
    await s.waitUntil(() => terminalCooked(s));
    s.press('Ctrl+C');
    await s.expectPrompt();
    expect(await outputOf(s, 'echo $?; jobs')).toBe('130\n[1]+  Running                 sleep 100 &');
  });

  it('stop signals sent to the shell are ignored (C07)', async () => {
    const s = await startJcsh();
    for (const sig of ['SIGTSTP', 'SIGTTIN', 'SIGTTOU', 'SIGTERM', 'SIGQUIT'] as const) {
      // the job runs until we type a line, so the signal surely comes while the shell waits
      s.sendLine('head -1; echo done');
      const head = await s.waitUntil(() => s.processes().find((p) => p.comm === 'head'));
      await expectForeground(s, head.pgid);
      s.kill(sig);
      s.sendLine(`line-after-${sig}`);
      await s.expect(`line-after-${sig}\r\ndone\r\n`);
      await s.expectPrompt();
      expect(await outputOf(s, 'echo $?')).toBe('0');
    }
  });

  it('SIGINT to the shell abandons the rest of the line but not the job (C07)', async () => {
    const s = await startJcsh();
    // the job runs until we type a line, and says it finished only if SIGINT did not reach it
    s.sendLine(`sh -c 'head -1 >/dev/null; echo job-finished'; echo not-reached`);
    const head = await s.waitUntil(() => s.processes().find((p) => p.comm === 'head'));
    await expectForeground(s, head.pgid);
    s.kill('SIGINT');
    s.sendLine('go');
    const m = await s.expectPrompt();
    const lines = stripControls(m.before).replace(/\r/g, '').split('\n');
    expect(lines).toContain('job-finished');
    expect(lines).not.toContain('not-reached');
    expect(await outputOf(s, 'echo $?')).toBe('130');
  });
});

describe('terminal modes and signal hygiene', () => {
  it('modes are restored after a stop and adopted after a normal exit (E04, B10.4)', async () => {
    const s = await startJcsh();
    s.sendLine("sh -c 'stty -echo; sleep 100'");
    await s.waitUntil(() => s.processes().some((p) => p.comm === 'sleep'));
    s.press('Ctrl+Z');
    await s.expect('Stopped');
    await s.expectPrompt();
    expect(await outputOf(s, "stty -a | grep -o -- ' -*echo '")).toBe(' echo');
    await run(s, 'kill -9 %1');
    await outputOf(s, '');
    await run(s, "sh -c 'stty -echo'");
    s.sendLine("stty -a | grep -o -- ' -*echo '");
    await s.expect(' -echo ');
    await s.expectPrompt();
    await run(s, 'stty echo');
  });

  it('stty tostop set by /bin/stty persists (normal exit adopts the modes)', async () => {
    const s = await startJcsh();
    await run(s, 'stty tostop');
    expect(await outputOf(s, "stty -a | grep -o -- ' -*tostop'")).toBe(' tostop');
    await run(s, 'stty -tostop');
  });

  it('children start with default dispositions and an empty mask (L01)', async () => {
    const s = await startJcsh();
    expect(await outputOf(s, 'sigreport')).toBe('');
    // As in bash, wait reports the job it saw finish.
    expect(await outputOf(s, 'sigreport & wait')).toMatch(/^\[1\] \d+\n\[1\]\+  Done                    sigreport$/);
  });

  it('self-sent stop signals stop the job, never the shell (L02)', async () => {
    const s = await startJcsh();
    for (const sig of ['TSTP', 'TTIN', 'TTOU', 'STOP']) {
      s.sendLine(`sh -c 'kill -s ${sig} $$; echo continued'`);
      await s.expect('Stopped');
      await s.expectPrompt();
      expect(await outputOf(s, 'fg')).toBe(`sh -c 'kill -s ${sig} $$; echo continued'\ncontinued`);
    }
    s.sendLine('selfstop 0');
    await s.expect('[1]+  Stopped                 selfstop 0');
    await s.expectPrompt();
    expect(await outputOf(s, 'jobs')).toBe('[1]+  Stopped                 selfstop 0');
  });

  it('each job gets its own process group; checkfg and fgreport see the right owner (L03, F04)', async () => {
    const s = await startJcsh();
    const a = Number(await outputOf(s, 'pgrp'));
    const b = Number(await outputOf(s, 'pgrp'));
    expect(a).not.toBe(b);
    expect(a).not.toBe(s.pid);
    expect(await outputOf(s, 'fgreport')).toBe('foreground');
    expect(await outputOf(s, 'fgreport & wait')).toMatch(/^background\n\[1\] \d+\n|\[1\] \d+\nbackground\n/);
    s.sendLine("sh -c 'kill -STOP $$; checkfg && echo is-foreground'");
    await s.expect('Stopped');
    await s.expectPrompt();
    expect((await outputOf(s, 'fg')).split('\n')).toContain('is-foreground');
    s.sendLine("sh -c 'kill -STOP $$; checkfg || echo is-background'");
    await s.expect('Stopped');
    await s.expectPrompt();
    // the job may print before or after `wait %` is typed: look at both; the marker is a line
    // of its own, unlike the job's command text in the Done line
    const after = stripControls((await run(s, 'bg')) + (await run(s, 'wait %'))).replace(/\r/g, '');
    expect(after.split('\n')).toContain('is-background');
  });

  it('the shell reclaims a terminal left to a dead group (stealtty)', async () => {
    const s = await startJcsh();
    await run(s, 'stealtty');
    expect(s.foregroundPgid()).toBe(s.pid);
    expect(await outputOf(s, 'echo alive')).toBe('alive');
  });
});
