// `trap` where the kernel is involved (XCU 2.14 trap), each compared with bash 5.2: what a
// trap ignores, children start with ignored; a caught signal ends `wait` (128+signal) and its
// action runs after it; a signal that ends the shell does so at once, EXIT trap first, even
// while `$(…)` runs; a signal from outside reaches a shell busy in a loop of builtins; and
// at an interactive prompt, ^C runs the SIGINT trap, `exit` runs the EXIT trap, and a signal
// that comes while a line is typed has its trap run once the line is entered (bash 5.2 too);
// `exit` in that trap leaves with its status.

import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { waitUntil } from '../../src/ptytest/wait.js';
import { listProcesses } from '../../src/ptytest/index.js';
import { quietWindow } from '../helpers/quiet.js';
import { detachedChildren, JCSH, run, startBash, startJcsh, stripControls, terminalCooked } from './harness.js';
import type { PtySession } from '../../src/ptytest/index.js';

type Which = 'bash' | 'jcsh';

function sh(which: Which, script: string) {
  const started = Date.now();
  const r = spawnSync(which === 'jcsh' ? JCSH : 'bash', ['-c', script], { encoding: 'utf8', timeout: 15_000 });
  return { out: r.stdout, err: r.stderr, status: r.status, ms: Date.now() - started };
}

/** The SIGINT bit of every SigIgn line the script printed. */
function intIgnored(out: string): boolean[] {
  return [...out.matchAll(/SigIgn:\s+([0-9a-f]+)/g)].map((m) => (BigInt(`0x${m[1]}`) & 2n) !== 0n);
}

describe('trap and the kernel', () => {
  it("trap '' INT: every kind of child starts with SIGINT ignored; trap - INT gives it back", () => {
    const script = [
      "trap '' INT",
      'grep SigIgn /proc/self/status',
      '(grep SigIgn /proc/self/status)',
      'grep SigIgn /proc/self/status | cat',
      '{ grep SigIgn /proc/self/status; } &',
      'wait',
      'trap - INT',
      'grep SigIgn /proc/self/status',
    ].join('\n');
    const jcsh = sh('jcsh', script);
    expect(intIgnored(jcsh.out)).toEqual([true, true, true, true, false]);
    expect(intIgnored(sh('bash', script).out)).toEqual(intIgnored(jcsh.out));
  });

  it('a caught signal ends wait with 128+signal, then its action runs', () => {
    // The signal comes once wait has started (a moment later in bash too).
    const script = `trap 'echo "trapped $?"' USR1; sleep 10 & p=$!; (sleep 0.5; kill -USR1 $$) & wait $p; echo "wait=$?"; kill $p`;
    const jcsh = sh('jcsh', script);
    expect({ out: jcsh.out, status: jcsh.status }).toEqual({ out: 'trapped 138\nwait=138\n', status: 0 });
    // Long before sleep 10 ends.
    expect(jcsh.ms).toBeLessThan(8000);
    expect(sh('bash', script).out).toBe(jcsh.out);
  });

  it('a CHLD trap runs once for each child, and does not end wait', () => {
    const script = `trap 'echo c' CHLD; true | true | true; sleep 0.3 & sleep 0.1 & wait; echo "done $?"`;
    const jcsh = sh('jcsh', script);
    expect(jcsh.out).toBe('c\nc\nc\nc\nc\ndone 0\n');
    expect(sh('bash', script).out).toBe(jcsh.out);
  });

  it.each([
    ['a command', 'sleep 30'],
    ['a command substitution', 'x=$(sleep 30)'],
  ])('with an EXIT trap, a shell killed by TERM while %s runs runs the trap and dies at once', async (_what, command) => {
    const run = async (which: Which) => {
      const started = Date.now();
      const child = spawn(which === 'jcsh' ? JCSH : 'bash', ['-c', `trap 'echo "bye $?"' EXIT; echo started; ${command}; echo no`], {
        stdio: ['ignore', 'pipe', 'inherit'], detached: true,
      });
      detachedChildren.push(child);
      let out = '';
      child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      await waitUntil(() => out.includes('started'), { timeout: 10_000, description: 'the script to start' });
      child.kill('SIGTERM');
      return { signal: await ended, out, quick: Date.now() - started < 20_000 };
    };
    const jcsh = await run('jcsh');
    expect(jcsh).toEqual({ signal: 'SIGTERM', out: 'started\nbye 0\n', quick: true });
    expect(await run('bash')).toEqual(jcsh);
  });

  it('^C (SIGINT to the group) while $(…) runs: the substitution and the shell each run their EXIT trap, and the shell dies of it', async () => {
    const script = `trap 'echo bye' EXIT; x=$(trap 'echo sub-bye >&2' EXIT; sleep 30); echo no`;
    const run = async (which: Which) => {
      const child = spawn(which === 'jcsh' ? JCSH : 'bash', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
      detachedChildren.push(child);
      let out = '';
      for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (d: Buffer) => (out += d.toString()));
      const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      await waitUntil(() => listProcesses((p) => p.pgid === child.pid && p.comm === 'sleep').length > 0, { timeout: 10_000, description: 'sleep to start' });
      process.kill(-child.pid!, 'SIGINT');
      const signal = await ended;
      // bash's two processes write in either order.
      return { signal, lines: out.split('\n').sort() };
    };
    const jcsh = await run('jcsh');
    expect(jcsh).toEqual({ signal: 'SIGINT', lines: ['', 'bye', 'sub-bye'] });
    expect(await run('bash')).toEqual(jcsh);
  });

  it('a signal from outside reaches a shell busy in a loop of builtins', async () => {
    const child = spawn(JCSH, ['-c', 'trap "echo bye; exit 3" TERM; echo started; while :; do :; done'], {
      stdio: ['ignore', 'pipe', 'inherit'], detached: true,
    });
    detachedChildren.push(child);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    const ended = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await waitUntil(() => out.includes('started'), { timeout: 10_000, description: 'the loop to start' });
    child.kill('SIGTERM');
    expect(await ended).toBe(3);
    expect(out).toBe('started\nbye\n');
  });
});

async function atPrompt(s: PtySession) {
  await run(s, `trap 'echo "caught $?"' INT`);
  // ^C as a key of the line editor, not a SIGINT sent before it took the terminal.
  await s.waitUntil(() => !terminalCooked(s), { description: 'the line editor in raw mode' });
  s.press('Ctrl+C');
  const after = await s.expectPrompt();
  const caught = stripControls(after.before).replace(/\r/g, '');
  s.sendLine(`trap 'echo bye' EXIT; exit 3`);
  const r = await s.waitExit();
  return { caught: /caught 130\n/.test(caught), exit: /exit\nbye\n/.test(stripControls(r.output).replace(/\r/g, '')), code: r.exitCode };
}

/** A caught signal while a line is half typed: when its trap runs, relative to the line. */
async function signalWhileTyping(s: PtySession) {
  await run(s, `trap 'echo caught' USR1`);
  s.send('echo par');
  await s.expect(/echo par/);
  await quietWindow(s.pid, 500);
  process.kill(s.pid, 'SIGUSR1');
  await waitUntil(() => !s.processes().some((p) => p.pid === s.pid && p.state === 'R'), { description: 'the shell asleep again' });
  return stripControls(await run(s, 'tial')).replace(/\r/g, '');
}

/** `exit` in the action of a signal caught at the prompt, which runs once a line is entered. */
async function exitInTrap(s: PtySession) {
  await run(s, `trap 'echo caught; exit 6' USR1`);
  await quietWindow(s.pid, 500);
  process.kill(s.pid, 'SIGUSR1');
  s.sendLine('echo line');
  const r = await s.waitExit();
  const text = stripControls(r.output).replace(/\r/g, '');
  return { code: r.exitCode, caught: /caught\n$/.test(text), line: text.includes('\nline'), saysExit: /\nexit\n/.test(text) };
}

describe('trap at an interactive prompt', () => {
  it('exit in a trap run at the prompt leaves with its status, without saying "exit"', async () => {
    const jcsh = await exitInTrap(await startJcsh());
    expect(jcsh).toEqual({ code: 6, caught: true, line: false, saysExit: false });
    expect(await exitInTrap(await startBash())).toEqual(jcsh);
  });

  it('a signal caught at an idle prompt wakes nothing on a timer, and its trap runs when the line is entered, before it', async () => {
    const jcsh = await signalWhileTyping(await startJcsh());
    expect(jcsh).toMatch(/caught\npartial\n$/);
    expect(await signalWhileTyping(await startBash())).toMatch(/caught\npartial\n$/);
  });

  it('^C runs the SIGINT trap with $? 130, and exit runs the EXIT trap, as in bash', async () => {
    const jcsh = await atPrompt(await startJcsh());
    expect(jcsh).toEqual({ caught: true, exit: true, code: 3 });
    expect(await atPrompt(await startBash())).toEqual(jcsh);
  });
});
