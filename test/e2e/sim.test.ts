// `jcsh --sim` end to end: the shell core on the simulated kernel, behind a real pty (the real
// terminal is the simulated terminal's master side) or behind pipes.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCooked, spawnPty } from '../../src/ptytest/index.js';
import { pathWithHelpers } from '../helpers/paths.js';
import { JCSH, PROMPT, startJcsh, tempHome } from './harness.js';

const sim = (args: readonly string[], input = '') =>
  spawnSync(process.execPath, [JCSH, '--sim', ...args], { input, encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: os.tmpdir() } });

describe('jcsh --sim at a terminal', () => {
  it('runs job control on the simulated driver: SIGTTIN, ^Z, fg, kill, as on Linux', async () => {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jcsh-sim-')), 'events.jsonl');
    const s = await startJcsh({ args: ['--sim', '--events', log] });
    // The simulated processes are not in /proc: their event log says when sleep owns the terminal.
    const sleepInForeground = () => {
      const events = fs.readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; what?: string; who?: { comm: string }; to?: string; wchan?: string });
      return events.some((e) => e.kind === 'state' && e.who?.comm === 'sleep' && e.to === 'S' && e.wchan === 'sleep') || undefined;
    };
    s.sendLine('cat &');
    await s.expect(/\[1\] \d+/);
    await s.expectPrompt();
    // The stop is told before the first prompt after it: this one if cat read the terminal
    // before the shell got there, else the next (bash alike).
    if (!/\[1\]\+ +Stopped +cat/.test(s.output)) {
      s.sendLine('');
      await s.expect(/\[1\]\+ +Stopped +cat/);
      await s.expectPrompt();
    }
    s.sendLine('jobs -l');
    await s.expect(/\[1\]\+ +\d+ Stopped \(tty input\) +cat/);
    await s.expectPrompt();
    s.sendLine('sleep 100');
    await s.waitUntil(sleepInForeground);
    s.press('Ctrl+Z');
    await s.expect(/\^Z\r?\n\[2\]\+ +Stopped +sleep 100/);
    await s.expectPrompt();
    s.sendLine('echo $?');
    await s.expect(/^148\r?$/m);
    await s.expectPrompt();
    s.sendLine('fg %1');
    await s.expect(/^cat\r?$/m);
    s.sendLine('hello');
    await s.expect(/hello\r?\nhello/);
    s.press('Ctrl+D');
    await s.expectPrompt();
    s.sendLine('kill %2; wait %2; echo st=$?');
    await s.expect(/st=143/);
    await s.expectPrompt();
    s.sendLine('exit 4');
    expect(await s.waitExit()).toMatchObject({ exitCode: 4 });
  });

  it('leaves the real terminal cooked after exit and after a hang-up (SIGHUP to the real process)', async () => {
    for (const how of ['exit', 'hangup'] as const) {
      const home = tempHome();
      const s = spawnPty('sh', ['-c', `"$0" "$1" --plain --norc --sim; echo "[ended $?]"; read line`, process.execPath, JCSH], {
        prompt: PROMPT, timeout: 8000, cwd: home, env: { PS1: PROMPT, PATH: pathWithHelpers(), HOME: home },
      });
      await s.expectPrompt();
      const real = await s.waitUntil(() => s.processes().find((p) => p.pid !== s.pid && p.args.includes(JCSH))?.pid);
      if (how === 'exit') s.sendLine('exit 3');
      else process.kill(real, 'SIGHUP');
      const m = await s.expect(/\[ended (\d+)\]/);
      expect(Number(m.groups[0])).toBe(how === 'exit' ? 3 : 129);
      expect(isCooked(await s.terminalModes())).toBe(true);
    }
  });
});

describe('jcsh --sim without a terminal', () => {
  it('-c: output through a pipe without \\r, the shell\'s status, programs found on PATH', () => {
    const r = sim(['-c', 'echo hi | cat; sleep 100; wc -c < /dev/null; nosuch; exit 3']);
    expect(r.stdout).toBe('hi\n0\n');
    expect(r.stderr).toBe('jcsh: line 1: nosuch: command not found\n');
    expect(r.status).toBe(3);
  });

  it('reads a script file and commands on stdin', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jcsh-sim-'));
    const file = path.join(dir, 'script.sh');
    fs.writeFileSync(file, 'echo from-file\nsh -c "exit 5"\necho $?\n');
    expect(sim([file]).stdout).toBe('from-file\n5\n');
    expect(sim([], 'echo from-stdin\n').stdout).toBe('from-stdin\n');
  });

  it('--events writes every event as a JSON line, the same for the same script; --narrative as sentences', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jcsh-sim-'));
    const files = [1, 2].map((n) => path.join(dir, `events${n}.jsonl`));
    for (const f of files) sim(['--events', f, '-c', 'sleep 1 | cat; sh -c "kill -TERM \\$\\$"; echo $?']);
    const [a, b] = files.map((f) => fs.readFileSync(f, 'utf8'));
    expect(a).toBe(b);
    const events = a!.trim().split('\n').map((l) => JSON.parse(l) as { kind: string });
    expect(events.some((e) => e.kind === 'reaped')).toBe(true);
    const story = path.join(dir, 'story.txt');
    sim(['--narrative', story, '-c', 'true']);
    expect(fs.readFileSync(story, 'utf8')).toMatch(/jcsh \(pid \d+\) starts session \d+/);
  });

  it('options of the simulator alone, or with bad values, are one-line errors with status 2', () => {
    const bad = (args: string[]) => spawnSync(process.execPath, [JCSH, ...args], { encoding: 'utf8' });
    for (const [args, message] of [
      [['--events', 'x', '-c', 'true'], 'jcsh: --events: only with --sim'],
      [['--sim', '--clock-scale', 'fast'], 'jcsh: --clock-scale: fast: not a speed between 0 and 1000'],
      [['--sim', '--events', '/nonexistent/dir/x', '-c', 'true'], 'jcsh: /nonexistent/dir/x: No such file or directory'],
    ] as const) {
      const r = bad([...args]);
      expect(r.stderr.split('\n')[0]).toBe(message);
      expect(r.status).toBe(2);
    }
  });
});

