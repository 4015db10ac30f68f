// The toolkit against an interactive bash: typing, waiting, keys, and the
// terminal's foreground group as job control moves it.

import { afterEach, describe, expect, test } from 'vitest';
import { closeAllSessions, readProcess, spawnPty, type PtySession } from '../../src/ptytest/index.js';
import { PROMPT, run, spawnBash } from '../helpers/shells.js';

afterEach(closeAllSessions);

/**
 * Wait until a job owns the terminal and runs `command` (exec'd: until then
 * the child is still a copy of bash and may ignore ^C/^Z); returns its pgid.
 */
function jobInForeground(bash: PtySession, command: string): Promise<number> {
  const running = () => bash.foregroundProcesses().some((p) => p.comm === command);
  return bash.waitUntil(() => bash.foregroundPgid() !== bash.pid && running() && bash.foregroundPgid(), {
    description: `${command} to run in the foreground`,
  });
}

describe('stream and screen expectations', () => {
  test('a stream expect returns the match, its groups and what came before', async () => {
    const bash = spawnBash();
    await bash.expectPrompt();
    bash.sendLine('echo "sum=$((40 + 2))"');
    const match = await bash.expect(/sum=(\d+)\r\n/);
    expect(match.text).toBe('sum=42\r\n');
    expect(match.groups).toEqual(['42']);
    expect(match.before).toContain('\r\n'); // the echoed command line ends first
    await bash.expectPrompt();
  });

  test('the stream cursor moves past each match, like pexpect', async () => {
    const bash = spawnBash();
    await bash.expectPrompt();
    bash.sendLine('echo one-1; echo two-2');
    await bash.expect('one-1\r\n');
    const second = await bash.expect(/(\w+)-2/);
    expect(second.named).toEqual({});
    expect(second.groups).toEqual(['two']);
    // "one-1" is behind the cursor now, so waiting for it again must time out.
    await expect(bash.expect('one-1', { timeout: 200 })).rejects.toThrow(/timed out after 200 ms/);
  });

  test('a screen expect sees the rendered text, not the escape sequences', async () => {
    const bash = spawnBash();
    await bash.expectPrompt();
    bash.sendLine(String.raw`printf 'ab\033[1;31mRED\033[0m\rX\n'`);
    const match = await bash.expect(/^Xb(RED)$/m, { on: 'screen' });
    expect(match.groups).toEqual(['RED']);
    const screen = await bash.screen();
    expect(screen.lines).toContain('XbRED');
    expect(screen.altScreen).toBe(false);
    expect(screen.cursorVisible).toBe(true);
  });

  test('screen() reports the cursor after the prompt', async () => {
    const bash = spawnBash({ cols: 40, rows: 5 });
    await bash.expectPrompt();
    const screen = await bash.screen();
    expect(screen.lines[0]).toBe(PROMPT.trimEnd());
    expect(screen.cursor).toEqual({ x: PROMPT.length, y: 0 });
    expect([screen.cols, screen.rows]).toEqual([40, 5]);
  });

  test('expectGone waits until the screen no longer shows the text', async () => {
    const bash = spawnBash({ rows: 6 });
    await bash.expectPrompt();
    bash.sendLine('echo marker-x');
    await bash.expect('marker-x', { on: 'screen' });
    bash.press('Ctrl+L'); // readline clears the screen
    await bash.expectGone('marker-x');
    await bash.expect(PROMPT, { on: 'screen' }); // redrawn on the cleared screen
    await expect(bash.not(PROMPT, { timeout: 150 })).rejects.toThrow(/"jc\$ " to be absent from the screen/);
  });

  test('paste uses bracketed paste when bash asked for it', async () => {
    const bash = spawnBash();
    await bash.expectPrompt();
    await bash.screen(); // make sure bash's ESC[?2004h has been parsed
    bash.paste('echo pasted-$((6 * 7))\n');
    // A bracketed paste is inserted, not executed: the newline waits for Enter.
    await bash.expect('echo pasted-$((6 * 7))', { on: 'screen' });
    await bash.expectGone('pasted-42', { timeout: 100 });
    bash.press('Enter');
    await bash.expect('pasted-42\r\n');
  });
});

describe('keys and job control', () => {
  test('Ctrl+C at a prompt discards the line and sets $? to 130', async () => {
    const bash = spawnBash();
    await bash.expectPrompt();
    bash.send('echo never-run');
    await bash.expect('never-run');
    await bash.waitIdle(); // bash acts on a SIGINT that lands mid-keystroke only at the next key
    bash.press('Ctrl+C');
    await bash.expect('^C');
    await bash.expectPrompt();
    expect(await run(bash, 'echo status=$?')).toMatch(/^status=130\r?$/m);
  });

  test('Ctrl+C ends a foreground job', async () => {
    const bash = spawnBash();
    await bash.expectPrompt();
    bash.sendLine('sleep 100');
    await jobInForeground(bash, 'sleep');
    bash.press('Ctrl+C');
    await bash.expectPrompt();
    expect(await run(bash, 'echo status=$?')).toMatch(/^status=130\r?$/m);
  });

  test('Ctrl+Z stops sleep 100 and bash reports it', async () => {
    const bash = spawnBash();
    await bash.expectPrompt();
    bash.sendLine('sleep 100');
    const jobPgid = await jobInForeground(bash, 'sleep');
    bash.press('Ctrl+Z');
    await bash.expect('[1]+  Stopped                 sleep 100');
    await bash.expectPrompt();
    const sleep = bash.processes().find((p) => p.pid === jobPgid);
    expect(sleep?.state).toBe('T');
    expect(bash.foregroundPgid()).toBe(bash.pid);
    expect(await run(bash, 'echo status=$?')).toMatch(/^status=148\r?$/m);
  });

  test('foregroundPgid follows the terminal from the shell to the job and back', async () => {
    const bash = spawnBash();
    await bash.expectPrompt();
    expect(bash.foregroundPgid()).toBe(bash.pid);
    bash.sendLine('sleep 100 | cat');
    const pgid = await jobInForeground(bash, 'sleep');
    await jobInForeground(bash, 'cat');
    const job = bash.processes().filter((p) => p.pgid === pgid);
    expect(job.map((p) => p.comm).sort()).toEqual(['cat', 'sleep']);
    expect(job.every((p) => p.sid === bash.pid && p.tpgid === pgid)).toBe(true);
    bash.kill('SIGINT', 'foreground-group');
    await bash.expectPrompt();
    expect(bash.foregroundPgid()).toBe(bash.pid);
  });

  test('processes() lists the shell and its background job', async () => {
    const bash = spawnBash();
    await bash.expectPrompt();
    const launch = await run(bash, 'sleep 101 &');
    const pid = Number(/\[1\] (\d+)/.exec(launch)?.[1]);
    await bash.waitUntil(() => readProcess(pid)?.comm === 'sleep', { description: 'the job to exec sleep' });
    const procs = bash.processes();
    expect(procs.map((p) => p.pid)).toEqual(expect.arrayContaining([bash.pid, pid]));
    const sleep = procs.find((p) => p.pid === pid);
    expect(sleep).toMatchObject({ ppid: bash.pid, pgid: pid, sid: bash.pid, comm: 'sleep', args: ['sleep', '101'] });
    expect(sleep?.tpgid).toBe(bash.pid);
  });

  test('zombies() finds children their parent never reaps', async () => {
    // After the exec, sleep is the parent of the finished `true` and never waits for it.
    const parent = spawnPty('sh', ['-c', '/bin/true & exec sleep 100']);
    const [zombie] = await parent.waitUntil(() => parent.zombies().length === 1 && parent.zombies(), {
      description: 'an unreaped child',
    });
    expect(zombie).toMatchObject({ ppid: parent.pid, state: 'Z', comm: 'true', args: [] });
    expect(parent.zombies({ parent: 'any' })).toEqual([zombie]);
    expect(parent.zombies({ parent: 1 }).some((p) => p.pid === zombie!.pid)).toBe(false);
  });

  test('bash reaps its jobs: no zombie children after they end', async () => {
    const bash = spawnBash();
    await bash.expectPrompt();
    await run(bash, 'true & false & sh -c "exit 3" &');
    // Its own timeout comes before the test's, so a failure reports the session's processes.
    await bash.waitUntil(() => bash.processes().length === 1, { description: 'the jobs to end', timeout: 25_000 });
    expect(bash.zombies()).toEqual([]);
  }, 30_000);
});
