// ^C at a terminal while a shell without job control (-c, a script) waits for a command: the
// whole foreground group gets SIGINT, the shell included. bash 5.2 (jobs.c wait_for,
// wait_sigint_handler) waits for the child; if the child died of SIGINT the shell acts on the
// SIGINT and dies of it too, if the child survived (it caught the signal) the script goes on.
// Issue 11 item 3; each case runs in bash too and both must agree.

import { describe, expect, it } from 'vitest';
import { spawnPty, type PtySession } from '../../src/ptytest/index.js';
import { JCSH, stripControls, tempHome } from './harness.js';

type Which = 'bash' | 'jcsh';

function start(which: Which, script: string): PtySession {
  const [cmd, args] = which === 'bash' ? ['bash', ['-c', script]] : [process.execPath, [JCSH, '-c', script]];
  const home = tempHome();
  return spawnPty(cmd, args, { cwd: home, timeout: 8000, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home } });
}

/** Starts the script, presses ^C once `sleep` runs, and returns how it ended. */
async function interruptDuringSleep(which: Which, script: string) {
  const s = start(which, script);
  // The shell's group is the terminal's foreground group: ^C reaches the shell, sh and sleep.
  await s.waitUntil(() => s.processes().some((p) => p.comm === 'sleep' && p.state === 'S'), { description: 'sleep running' });
  s.press('Ctrl+C');
  const r = await s.waitExit();
  return { output: stripControls(r.output).replace(/\r/g, '').replace(/^\^C/m, ''), exitCode: r.exitCode, signal: r.signal };
}

describe('^C while a script waits for a command (issue 11 item 3)', () => {
  it('a child that catches SIGINT goes on, and so does the script: "after" is printed', async () => {
    const script = `sh -c 'trap "echo caught" INT; sleep 30; echo done'; echo after $?`;
    const jcsh = await interruptDuringSleep('jcsh', script);
    expect(jcsh).toEqual({ output: 'caught\ndone\nafter 0\n', exitCode: 0, signal: null });
    expect(jcsh).toEqual(await interruptDuringSleep('bash', script));
  });

  it('a child killed by SIGINT kills the shell with SIGINT before the next command', async () => {
    const script = 'sleep 30; echo after';
    const jcsh = await interruptDuringSleep('jcsh', script);
    expect(jcsh).toEqual({ output: '', exitCode: null, signal: 'SIGINT' });
    expect(jcsh).toEqual(await interruptDuringSleep('bash', script));
  });

  it('the same for the last stage of a pipeline', async () => {
    const script = `echo x | sh -c 'trap "echo caught" INT; sleep 30; cat'; echo after $?`;
    const jcsh = await interruptDuringSleep('jcsh', script);
    expect(jcsh).toEqual({ output: 'caught\nx\nafter 0\n', exitCode: 0, signal: null });
    expect(jcsh).toEqual(await interruptDuringSleep('bash', script));
  });

  it('inside $(…) the shell dies of it even when the child survives, as bash reading the substitution does', async () => {
    const script = `x=$(sh -c 'trap "echo caught >&2" INT; sleep 30; echo done'); echo "after $x"`;
    const jcsh = await interruptDuringSleep('jcsh', script);
    expect(jcsh).toEqual({ output: 'caught\n', exitCode: null, signal: 'SIGINT' });
    expect(jcsh).toEqual(await interruptDuringSleep('bash', script));
  });

  it('with a SIGINT trap the script survives: the trap runs once the job is over, and the script goes on', async () => {
    const script = `trap 'echo trapped $?' INT; sleep 30; echo after $?`;
    const jcsh = await interruptDuringSleep('jcsh', script);
    expect(jcsh).toEqual({ output: 'trapped 130\nafter 130\n', exitCode: 0, signal: null });
    expect(jcsh).toEqual(await interruptDuringSleep('bash', script));
  });

  it('the EXIT trap runs before the shell dies of SIGINT', async () => {
    const script = `trap 'echo "bye $?"' EXIT; sleep 30; echo after`;
    const jcsh = await interruptDuringSleep('jcsh', script);
    expect(jcsh).toEqual({ output: 'bye 0\n', exitCode: null, signal: 'SIGINT' });
    expect(jcsh).toEqual(await interruptDuringSleep('bash', script));
  });

  it('a child that dies of a SIGINT the shell never got does not end the script', async () => {
    // No terminal involved: only the child is signalled.
    const script = `sh -c 'kill -INT $$'; echo after $?`;
    const s = start('jcsh', script);
    const r = await s.waitExit();
    expect([stripControls(r.output).replace(/\r/g, ''), r.exitCode]).toEqual(['after 130\n', 0]);
  });
});

describe('^C during a command substitution at an interactive prompt', () => {
  it('the interactive shell survives: only a shell without a SIGINT handler of its own acts on it', async () => {
    const { startJcsh, outputOf } = await import('./harness.js');
    const s = await startJcsh();
    s.sendLine('echo $(sleep 30); echo after');
    await s.waitUntil(() => s.processes().some((p) => p.comm === 'sleep' && p.state === 'S'), { description: 'sleep running' });
    s.press('Ctrl+C');
    await s.expectPrompt();
    expect(s.exitStatus).toBeNull();
    expect(await outputOf(s, 'echo still here')).toBe('still here');
  });
});
