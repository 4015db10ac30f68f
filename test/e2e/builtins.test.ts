// kill, wait, fg/bg errors and statuses, as bash 5.2 prints them.
// Scenarios G01, G02, G03, G04, G06, G08, I01, I02, I03, I04; rule B10.6.

import { describe, expect, it } from 'vitest';
import { launchAndSettle, outputOf, run, startJcsh } from './harness.js';

describe('kill and wait', () => {
  it('notification wording per cause (G01)', async () => {
    const s = await startJcsh();
    const cases: [string, string][] = [
      ['sleep 100 & kill %1', 'Terminated              sleep 100'],
      ['sleep 30 & kill -9 %%', 'Killed                  sleep 30'],
      ['sleep 100 & kill -s HUP %1', 'Hangup                  sleep 100'],
      ['sleep 100 & kill -SIGUSR1 %%', 'User defined signal 1   sleep 100'],
      ['sleep 100 & kill -INT %1', 'Interrupt               sleep 100'],
      ['false &', 'Exit 1                  false'],
      ["sh -c 'exit 3' &", "Exit 3                  sh -c 'exit 3'"],
    ];
    for (const [line, text] of cases) {
      const out = await launchAndSettle(s, line, () => !s.processes().some((p) => p.ppid === s.pid));
      expect(out).toMatch(new RegExp(`\\n\\[1\\] \\d+\\n(.|\\n)*\\[1\\]\\+  ${text.replace(/[()]/g, '\\$&')}\\n`));
    }
  });

  it('kill on a stopped job also continues it so it really dies (G02)', async () => {
    const s = await startJcsh();
    s.sendLine('sleep 30');
    await s.waitUntil(() => s.processes().some((p) => p.comm === 'sleep'));
    s.press('Ctrl+Z');
    await s.expect('Stopped');
    await s.expectPrompt();
    const out = await launchAndSettle(s, 'kill %1', () => !s.processes().some((p) => p.comm === 'sleep'));
    expect(out).toMatch(/\[1\]\+  Terminated              sleep 30\n/);
    expect(await outputOf(s, 'jobs')).toBe('');
  });

  it('wait statuses (G03)', async () => {
    const s = await startJcsh();
    expect(await outputOf(s, "sh -c 'exit 7' & wait $!; echo $?")).toMatch(/\n7$/);
    expect(await outputOf(s, 'sleep 5 & kill -TERM $!; wait $!; echo $?')).toMatch(/\n143$/);
    expect(await outputOf(s, "sh -c 'exit 9' & sh -c 'exit 7' & wait; echo $?")).toMatch(/\n0$/);
    const three = await outputOf(s, "sh -c 'exit 1' & p1=$!; sh -c 'exit 2' & p2=$!; sh -c 'exit 3' & p3=$!; wait $p3 $p2 $p1; echo $?");
    expect(three).toMatch(/\n1$/);
  });

  it('wait on unknown targets (G04)', async () => {
    const s = await startJcsh();
    expect(await outputOf(s, 'wait 1; echo $?')).toBe('jcsh: wait: pid 1 is not a child of this shell\n127');
    expect(await outputOf(s, 'wait %9; echo $?')).toBe('jcsh: wait: %9: no such job\n127');
    expect(await outputOf(s, 'wait abc; echo $?')).toBe("jcsh: wait: `abc': not a pid or valid job spec\n1");
  });

  it('wait never hangs on stopped jobs (G06)', async () => {
    const s = await startJcsh();
    s.sendLine('sleep 10');
    await s.waitUntil(() => s.processes().some((p) => p.comm === 'sleep'));
    s.press('Ctrl+Z');
    await s.expect('Stopped');
    await s.expectPrompt();
    expect(await outputOf(s, 'wait; echo $?')).toMatch(/(^|\n)0$/);
    expect(await outputOf(s, 'wait -n; echo $?')).toMatch(/(^|\n)127$/);
    expect(await outputOf(s, 'wait %1; echo $?')).toMatch(/(^|\n)148$/);
  });

  it('kill -l conversions and the null signal (G08)', async () => {
    const s = await startJcsh();
    expect(await outputOf(s, 'kill -l 130 148 147 149 150 143 137 131 129')).toBe(
      'INT\nTSTP\nSTOP\nTTIN\nTTOU\nTERM\nKILL\nQUIT\nHUP');
    expect(await outputOf(s, 'kill -0 $$; echo $?')).toBe('0');
    await run(s, 'sleep 100 &');
    expect(await outputOf(s, 'kill -s 0 %1; echo $?')).toBe('0');
    expect(await outputOf(s, 'jobs')).toBe('[1]+  Running                 sleep 100 &');
  });

  it('kill -l lists signals exactly as bash does', async () => {
    const s = await startJcsh();
    const ours = await outputOf(s, 'kill -l');
    const bash = await outputOf(s, "bash -c 'kill -l'");
    expect(ours).toBe(bash);
  });

  it('kill errors (I03)', async () => {
    const s = await startJcsh();
    await run(s, 'sleep 100 &');
    expect(await outputOf(s, 'kill; echo $?')).toBe(
      'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n2');
    expect(await outputOf(s, 'kill -FOO $$; echo $?')).toBe('jcsh: kill: FOO: invalid signal specification\n1');
    expect(await outputOf(s, 'kill -99 %1; echo $?')).toBe('jcsh: kill: 99: invalid signal specification\n1');
    expect(await outputOf(s, 'kill %9; echo $?')).toBe('jcsh: kill: %9: no such job\n1');
    expect(await outputOf(s, 'kill abc; echo $?')).toBe('jcsh: kill: abc: arguments must be process or job IDs\n1');
    expect(await outputOf(s, 'kill 99999999; echo $?')).toBe('jcsh: kill: (99999999) - No such process\n1');
    expect(await outputOf(s, 'kill -s; echo $?')).toBe('jcsh: kill: -s: option requires an argument\n1');
    expect(await outputOf(s, 'jobs')).toBe('[1]+  Running                 sleep 100 &');
  });
});

describe('errors that abandon the line', () => {
  it('exit with too many arguments and ${x:?} drop the rest of the line, $? 1', async () => {
    const s = await startJcsh();
    expect(await outputOf(s, 'exit 1 2; echo after')).toBe('exit\njcsh: exit: too many arguments');
    expect(await outputOf(s, 'echo $?')).toBe('1');
    expect(await outputOf(s, 'echo ${x:?unset}; echo after')).toBe('jcsh: x: unset');
    expect(await outputOf(s, 'echo $?')).toBe('1');
  });
});

describe('fg and bg errors', () => {
  it('the shell lab trace14 sequence (I01)', async () => {
    const s = await startJcsh();
    expect(await outputOf(s, './bogus; echo $?')).toBe('jcsh: ./bogus: No such file or directory\n127');
    expect(await outputOf(s, 'bogus; echo $?')).toBe('jcsh: bogus: command not found\n127');
    await run(s, 'spin 40 &');
    expect(await outputOf(s, 'fg a')).toBe('jcsh: fg: a: no such job');
    expect(await outputOf(s, 'bg a')).toBe('jcsh: bg: a: no such job');
    expect(await outputOf(s, 'fg 9999999')).toBe('jcsh: fg: 9999999: no such job');
    expect(await outputOf(s, 'fg %2')).toBe('jcsh: fg: %2: no such job');
    expect(await outputOf(s, 'bg %1; echo $?')).toBe('jcsh: bg: job 1 already in background\n0');
    s.sendLine('fg %1');
    await s.expect('spin 40\r\n');
    await s.waitUntil(() => s.processes().some((p) => p.comm === 'spin' && s.foregroundPgid() === p.pgid));
    s.press('Ctrl+Z');
    await s.expect('[1]+  Stopped                 spin 40');
    await s.expectPrompt();
    expect(await outputOf(s, 'bg %1')).toBe('[1]+ spin 40 &');
    expect(await outputOf(s, 'jobs')).toBe('[1]+  Running                 spin 40 &');
  });

  it('fg/bg with no jobs, bad options (I02, I04)', async () => {
    const s = await startJcsh();
    expect(await outputOf(s, 'fg; echo $?')).toBe('jcsh: fg: current: no such job\n1');
    expect(await outputOf(s, 'bg; echo $?')).toBe('jcsh: bg: current: no such job\n1');
    expect(await outputOf(s, 'fg %9; echo $?')).toBe('jcsh: fg: %9: no such job\n1');
    expect(await outputOf(s, 'fg -s %1; echo $?')).toBe('jcsh: fg: -s: invalid option\nfg: usage: fg [job_spec]\n2');
    expect(await outputOf(s, 'bg -s %1; echo $?')).toBe('jcsh: bg: -s: invalid option\nbg: usage: bg [job_spec ...]\n2');
    expect(await outputOf(s, 'jobs %9; echo $?')).toBe('jcsh: jobs: %9: no such job\n1');
    expect(await outputOf(s, 'disown %2; echo $?')).toBe('jcsh: disown: %2: no such job\n1');
  });

  it('fg returns the job status; a stop gives 128+signal (F05)', async () => {
    const s = await startJcsh();
    s.sendLine("sh -c 'kill -STOP $$; exit 17'");
    await s.expect('Stopped');
    await s.expectPrompt();
    expect(await outputOf(s, 'echo $?')).toBe('147');
    expect(await outputOf(s, 'fg; echo $?')).toBe("sh -c 'kill -STOP $$; exit 17'\n17");
    await run(s, 'sleep 0.1 &');
    expect(await outputOf(s, 'fg')).toBe('sleep 0.1');
    expect(await outputOf(s, 'wait $!; echo $?')).toMatch(/(^|\n)127$/);
  });

  it('%1 alone means fg %1 and %1 & means bg %1', async () => {
    const s = await startJcsh();
    s.sendLine('sleep 20');
    await s.waitUntil(() => s.processes().some((p) => p.comm === 'sleep'));
    s.press('Ctrl+Z');
    await s.expect('Stopped');
    await s.expectPrompt();
    expect(await outputOf(s, '%1 &')).toBe('[1]+ sleep 20 &');
    s.sendLine('%1');
    await s.expect('sleep 20\r\n');
    const sleep = await s.waitUntil(() => s.processes().find((p) => p.comm === 'sleep'));
    await s.waitUntil(() => s.foregroundPgid() === sleep.pgid);
    s.press('Ctrl+C');
    await s.expectPrompt();
  });
});
