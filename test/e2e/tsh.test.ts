// `jcsh --compat=tsh` in a pty: the shell lab's reference shell (scenarios.md §4) line by line.
// Like the lab, the shell runs in the helpers' directory and names them `./spin` (tsh has no
// PATH search). Scenarios A01, A02, C01, C02, C03, C07, F01, H01, I01, L02 in their tsh form.

import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { listProcesses, readProcess, spawnPty, waitUntil, type PtySession } from '../../src/ptytest/index.js';
import { HELPERS_BIN, pathWithHelpers } from '../helpers/paths.js';
import { expectForeground, JCSH, stripControls, tempHome } from './harness.js';

const PROMPT = 'tsh> ';

async function startTsh(args: readonly string[] = []): Promise<PtySession> {
  const s = spawnPty(process.execPath, [JCSH, '--compat=tsh', ...args], {
    cols: 100, rows: 30, prompt: PROMPT, timeout: 8000, cwd: HELPERS_BIN,
    env: { PATH: pathWithHelpers(), HOME: tempHome() },
  });
  if (!args.includes('-p')) await s.expectPrompt();
  return s;
}

/** What a line printed, exactly (trailing blanks kept), without its echo and the next prompt. */
async function tsh(s: PtySession, line: string): Promise<string> {
  s.sendLine(line);
  const text = stripControls((await s.expectPrompt()).before).replace(/\r/g, '');
  return text.slice(text.indexOf('\n') + 1);
}

/** Starts a background job and returns its pid, read from the launch line. */
async function launch(s: PtySession, line: string, jid: number): Promise<number> {
  const out = await tsh(s, line);
  const m = /^\[(\d+)\] \((\d+)\) (.*)\n$/.exec(out);
  expect(m, `launch line of ${line}: ${JSON.stringify(out)}`).not.toBeNull();
  expect([Number(m![1]), m![3]]).toEqual([jid, line]);
  return Number(m![2]);
}

/** Types a foreground command and waits until its process owns the terminal; returns its pid. */
async function foreground(s: PtySession, line: string, comm: string): Promise<number> {
  s.sendLine(line);
  const p = await s.waitUntil(() => s.processes().find((q) => q.comm === comm && q.pid === q.pgid && s.foregroundPgid() === q.pgid));
  await expectForeground(s, p.pid);
  return p.pid;
}

function alive(s: PtySession, pid: number): boolean {
  return s.processes().some((p) => p.pid === pid && p.state !== 'Z');
}

describe('tsh grammar and messages', () => {
  it('announces background jobs with the line as typed and lists them (A02, trace04-05)', async () => {
    const s = await startTsh();
    const p1 = await launch(s, './spin 20 &', 1);
    const p2 = await launch(s, './spin 30   &  ', 2);
    await s.waitUntil(() => s.processes().some((p) => p.pid === p1 && p.pgid === p1 && p.comm === 'spin'));
    expect(await tsh(s, 'jobs')).toBe(`[1] (${p1}) Running ./spin 20 &\n[2] (${p2}) Running ./spin 30   &  \n`);
  });

  it('splits words on blanks with \'…\' quoting and nothing else (§4)', async () => {
    const s = await startTsh();
    // The lab's traces echo their commands so (the output holds a prompt: no tsh() here).
    s.sendLine('/bin/echo -e tsh> ./myspin 4 \\046');
    await s.expect('tsh> ./myspin 4 &\r\n');
    await s.expectPrompt();
    expect(await tsh(s, "/bin/echo $HOME 'a  b' > x | y ; z")).toBe('$HOME a  b > x | y ; z\n');
    // No PATH search and no other builtins: tsh execve()s the first word as it is.
    expect(await tsh(s, 'sleep 0')).toBe('sleep: Command not found\n');
    expect(await tsh(s, 'exit')).toBe('exit: Command not found\n');
    expect(await tsh(s, '&')).toBe('');
  });

  it('prints tsh\'s error texts for bad commands and fg/bg arguments (I01, trace14)', async () => {
    const s = await startTsh();
    expect(await tsh(s, './bogus')).toBe('./bogus: Command not found\n');
    const pid = await launch(s, './spin 20 &', 1);
    expect(await tsh(s, 'fg')).toBe('fg command requires PID or %jobid argument\n');
    expect(await tsh(s, 'bg')).toBe('bg command requires PID or %jobid argument\n');
    expect(await tsh(s, 'fg a')).toBe('fg: argument must be a PID or %jobid\n');
    expect(await tsh(s, 'bg a')).toBe('bg: argument must be a PID or %jobid\n');
    expect(await tsh(s, 'fg 9999999')).toBe('(9999999): No such process\n');
    expect(await tsh(s, 'bg 9999999')).toBe('(9999999): No such process\n');
    expect(await tsh(s, 'fg %2')).toBe('%2: No such job\n');
    expect(await tsh(s, 'bg %2')).toBe('%2: No such job\n');
    // A bare number is a pid, not a job number.
    expect(await tsh(s, 'fg 1')).toBe('(1): No such process\n');
    expect(await tsh(s, 'jobs')).toBe(`[1] (${pid}) Running ./spin 20 &\n`);
  });

  it('says nothing when jobs exit normally, in the foreground or the background', async () => {
    const s = await startTsh();
    const pid = await launch(s, './spin 0.2 &', 1);
    expect(await tsh(s, './spin 0.3')).toBe('');
    await s.waitUntil(() => !alive(s, pid));
    expect(await tsh(s, 'jobs')).toBe('');
    expect(s.zombies()).toEqual([]);
  });

  it('quit and end of input leave at once, silently, with status 0 (A01)', async () => {
    const s = await startTsh();
    s.sendLine('quit');
    const quit = await s.waitExit();
    expect(quit.exitCode).toBe(0);
    expect(stripControls(quit.output.slice(quit.output.lastIndexOf('quit'))).replace(/\r/g, '')).toBe('quit\n');
    const e = await startTsh();
    await launch(e, './spin 20 &', 1);
    e.press('Ctrl+D');
    const eof = await e.waitExit();
    expect(eof.exitCode).toBe(0);
    expect(stripControls(eof.output.slice(eof.output.lastIndexOf('&\r\n') + 3))).toBe(PROMPT);
  });

  it('-p drops the prompt', async () => {
    const s = await startTsh(['-p']);
    s.sendLine('/bin/echo ready');
    await s.expect('ready\r\n');
    s.sendLine('quit');
    expect((await s.waitExit()).output).not.toContain(PROMPT);
  });
});

describe('tsh job control from the keyboard', () => {
  it('^C ends the foreground job, spares the background one (C01, C02, trace06-07)', async () => {
    const s = await startTsh();
    const bg = await launch(s, './spin 40 &', 1);
    const fg = await foreground(s, './spin 50', 'spin');
    s.press('Ctrl+C');
    await s.expect(`Job [2] (${fg}) terminated by signal 2\r\n`);
    await s.expectPrompt();
    expect(await tsh(s, 'jobs')).toBe(`[1] (${bg}) Running ./spin 40 &\n`);
  });

  it('^Z stops the foreground job; bg and fg by %job and by pid (C03, F01, trace08-10)', async () => {
    const s = await startTsh();
    const p1 = await launch(s, './spin 40 &', 1);
    const p2 = await foreground(s, './spin 50 ', 'spin');
    s.press('Ctrl+Z');
    await s.expect(`Job [2] (${p2}) stopped by signal 20\r\n`);
    await s.expectPrompt();
    expect(await tsh(s, 'jobs')).toBe(`[1] (${p1}) Running ./spin 40 &\n[2] (${p2}) Stopped ./spin 50 \n`);
    expect(await tsh(s, 'bg %2')).toBe(`[2] (${p2}) ./spin 50 \n`);
    await s.waitUntil(() => s.processes().find((p) => p.pid === p2)?.state !== 'T');
    expect(await tsh(s, 'jobs')).toBe(`[1] (${p1}) Running ./spin 40 &\n[2] (${p2}) Running ./spin 50 \n`);
    s.sendLine('fg %1');
    await expectForeground(s, p1);
    s.press('Ctrl+Z');
    await s.expect(`Job [1] (${p1}) stopped by signal 20\r\n`);
    await s.expectPrompt();
    s.sendLine(`fg ${p1}`);
    await expectForeground(s, p1);
    s.press('Ctrl+C');
    await s.expect(`Job [1] (${p1}) terminated by signal 2\r\n`);
    await s.expectPrompt();
    expect(await tsh(s, 'jobs')).toBe(`[2] (${p2}) Running ./spin 50 \n`);
  });

  it('^C reaches every process of the job (H01, trace11)', async () => {
    const s = await startTsh();
    const pid = await foreground(s, './split 30', 'split');
    await s.waitUntil(() => s.processes().filter((p) => p.comm === 'split').length === 2);
    s.press('Ctrl+C');
    await s.expect(`Job [1] (${pid}) terminated by signal 2\r\n`);
    await s.expectPrompt();
    await s.waitUntil(() => !s.processes().some((p) => p.comm === 'split' && p.state !== 'Z'));
  });

  it('jobs that stop or kill themselves are reported (L02, trace16)', async () => {
    const s = await startTsh();
    s.sendLine('./selfstop 0.2');
    await s.expect(/Job \[1\] \((\d+)\) stopped by signal 20\r\n/);
    await s.expectPrompt();
    s.sendLine('./selfint 0.2');
    await s.expect(/Job \[2\] \((\d+)\) terminated by signal 2\r\n/);
    await s.expectPrompt();
    expect(await tsh(s, 'jobs')).toMatch(/^\[1\] \(\d+\) Stopped \.\/selfstop 0\.2\n$/);
  });
});

describe('tsh reports changes at once and forwards signals sent to it', () => {
  it('a background job that stops or is killed is reported without waiting for a prompt', async () => {
    const s = await startTsh();
    const p1 = await launch(s, './spin 40 &', 1);
    const p2 = await launch(s, './spin 41 &', 2);
    process.kill(p1, 'SIGSTOP');
    await s.expect(`Job [1] (${p1}) stopped by signal 19\r\n`);
    process.kill(p2, 'SIGTERM');
    await s.expect(`Job [2] (${p2}) terminated by signal 15\r\n`);
    expect(await tsh(s, 'jobs')).toBe(`[1] (${p1}) Stopped ./spin 40 &\n`);
  });

  it('SIGTSTP and SIGINT sent to the shell go to the foreground job\'s group (C07, sdriver)', async () => {
    const s = await startTsh();
    const bg = await launch(s, './spin 40 &', 1);
    const pid = await foreground(s, './split 30', 'split');
    await s.waitUntil(() => s.processes().filter((p) => p.comm === 'split').length === 2);
    s.kill('SIGTSTP');
    await s.expect(`Job [2] (${pid}) stopped by signal 20\r\n`);
    await s.expectPrompt();
    await s.waitUntil(() => s.processes().filter((p) => p.comm === 'split' && p.state === 'T').length === 2);
    s.sendLine('fg %2');
    await s.waitUntil(() => s.processes().filter((p) => p.comm === 'split' && p.state !== 'T').length === 2);
    await expectForeground(s, pid);
    s.kill('SIGINT');
    await s.expect(`Job [2] (${pid}) terminated by signal 2\r\n`);
    await s.expectPrompt();
    await s.waitUntil(() => !s.processes().some((p) => p.comm === 'split' && p.state !== 'Z'));
    // With no foreground job they do nothing: the shell and its background job live on.
    s.kill('SIGINT');
    s.kill('SIGTSTP');
    expect(await tsh(s, 'jobs')).toBe(`[1] (${bg}) Running ./spin 40 &\n`);
    expect(s.exitStatus).toBeNull();
  });

  it('SIGQUIT ends the shell with tsh\'s farewell and status 1 (the driver\'s QUIT)', async () => {
    const s = await startTsh();
    s.kill('SIGQUIT');
    const exit = await s.waitExit();
    expect(exit.exitCode).toBe(1);
    expect(exit.output).toContain('Terminating after receipt of SIGQUIT signal\r\n');
  });

  it('runs on pipes as the lab\'s driver runs it: stdout only, signals to the shell pid', async () => {
    const child = spawn(process.execPath, [JCSH, '--compat=tsh', '-p'], {
      cwd: HELPERS_BIN, detached: true, stdio: ['pipe', 'pipe', 'pipe'],
      env: { PATH: pathWithHelpers(), HOME: tempHome() },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const until = (what: RegExp) => waitUntil(() => what.exec(out), { timeout: 8000, description: `${what} in ${JSON.stringify(out)}` });
    const state = (pid: number) => readProcess(pid)?.state;
    try {
      child.stdin.write('./spin 30\n');
      const spin = await waitUntil(() => listProcesses((p) => p.ppid === child.pid && p.comm === 'spin')[0], { timeout: 8000 });
      child.kill('SIGTSTP');
      await until(/^Job \[1\] \(\d+\) stopped by signal 20\n$/m);
      child.stdin.write('./bogus\njobs\nbg %1\n');
      await until(/^\[1\] \(\d+\) \.\/spin 30\n$/m);
      expect(out).toBe([
        `Job [1] (${spin.pid}) stopped by signal 20`, './bogus: Command not found',
        `[1] (${spin.pid}) Stopped ./spin 30`, `[1] (${spin.pid}) ./spin 30`, '',
      ].join('\n'));
      await waitUntil(() => state(spin.pid) !== 'T', { timeout: 8000 });
      // Stopped once more, so that the moment fg continues it can be seen.
      process.kill(spin.pid, 'SIGSTOP');
      await until(/^Job \[1\] \(\d+\) stopped by signal 19\n$/m);
      child.stdin.write(`fg ${spin.pid}\n/bin/echo after\n`);
      await waitUntil(() => state(spin.pid) !== 'T', { timeout: 8000 });
      child.kill('SIGINT');
      // The shell runs the next line only once the job is gone.
      await until(/^after\n/m);
      expect(out.split('\n').slice(4)).toEqual([
        `Job [1] (${spin.pid}) stopped by signal 19`, `Job [1] (${spin.pid}) terminated by signal 2`, 'after', '',
      ]);
      child.stdin.end();
      expect(await exited).toBe(0);
      expect(err).toBe('');
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    }
  });
});
