// An idle interactive jcsh sleeps: nothing wakes it on a timer at its prompt (with a job
// running in the background), nor while it waits for input on a non-blocking pipe with no
// terminal. And a nohup-style start keeps SIGHUP ignored in its children although the
// interactive shell catches SIGHUP itself (issue 11 items 1 and 9).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadNative } from '../../src/os/linux/native.js';
import { spawnPty } from '../../src/ptytest/index.js';
import { waitUntil } from '../../src/ptytest/wait.js';
import { quietWindow, sleepsOf } from '../helpers/quiet.js';
import { pathWithHelpers } from '../helpers/paths.js';
import { detachedChildren, JCSH, outputOf, PROMPT, run, startJcsh, tempHome } from './harness.js';


describe('an idle interactive shell', () => {
  it('makes no system call at its prompt while a background job runs', async () => {
    const s = await startJcsh();
    await run(s, 'sleep 1000 &');
    await s.waitIdle();
    await quietWindow(s.pid);
    // Killed from outside, with no key pressed: the shell still wakes on SIGCHLD and reaps it.
    const sleep = s.processes().find((p) => p.comm === 'sleep')!;
    process.kill(sleep.pid, 'SIGTERM');
    await s.waitUntil(() => !s.processes().some((p) => p.pid === sleep.pid), { description: 'the job reaped' });
    s.sendLine('');
    await s.expect(/Terminated\s+sleep 1000/);
  });

  it('waits for input on a non-blocking pipe without a terminal, without polling', async () => {
    const native = loadNative();
    const [r, w] = native.pipe();
    // A description of its own with O_NONBLOCK, as a parent that made its end non-blocking hands it.
    const stdin = fs.openSync(`/proc/self/fd/${r}`, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    fs.closeSync(r);
    const child = spawn(JCSH, ['-i', '--norc'], {
      stdio: [stdin, 'pipe', 'pipe'], detached: true, env: { PATH: pathWithHelpers(), HOME: tempHome(), PS1: PROMPT },
    });
    fs.closeSync(stdin);
    detachedChildren.push(child);
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr!.resume();
    await waitUntil(() => fs.existsSync(`/proc/${child.pid}/task`) && sleepsOf(child.pid!) > 0, { description: 'jcsh running' });
    await quietWindow(child.pid!);
    fs.writeSync(w, 'echo hi\n');
    await waitUntil(() => out.includes('hi\n'), { timeout: 10_000, description: 'the echo' });
    fs.closeSync(w);
    const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(0);
  });
});

describe('a nohup-style start (issue 11 item 9)', () => {
  it('keeps SIGHUP ignored in children although the interactive shell catches it', async () => {
    const home = tempHome();
    const s = spawnPty('/bin/sh', ['-c', `trap '' HUP; exec "${JCSH}" --plain --norc`], {
      prompt: PROMPT, timeout: 8000, cwd: home, env: { PS1: PROMPT, PATH: pathWithHelpers(), HOME: home },
    });
    await s.expectPrompt();
    expect(await outputOf(s, 'grep SigIgn /proc/self/status')).toBe('SigIgn:\t0000000000000001');
    expect(await outputOf(s, 'grep SigIgn /proc/self/status | cat')).toBe('SigIgn:\t0000000000000001');
  });
});
