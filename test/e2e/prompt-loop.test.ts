// The interactive loop keeps no state from one prompt to the next beyond what it means to: no
// file descriptor leaks from the line editor, and no failure inside the loop ends the shell.

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spawnPty, type PtySession } from '../../src/ptytest/index.js';
import { pathWithHelpers } from '../helpers/paths.js';
import { JCSH, outputOf, PROMPT, run, startJcsh, tempHome } from './harness.js';

function openFds(pid: number): number {
  return fs.readdirSync(`/proc/${pid}/fd`).length;
}

/** jcsh started by sh with a limit on its open files (`ulimit -n`), exec'd so it leads the session. */
async function startLimited(maxFiles: number): Promise<PtySession> {
  const home = tempHome();
  const s = spawnPty('sh', ['-c', `ulimit -n ${maxFiles} && exec "$0" "$1" --plain --norc`, process.execPath, JCSH], {
    prompt: PROMPT, timeout: 8000, cwd: home, env: { PS1: PROMPT, PATH: pathWithHelpers(), HOME: home },
  });
  await s.expectPrompt();
  return s;
}

describe('the prompt loop', () => {
  it('opens no file descriptor for good: as many are open after 200 prompts as after the first', async () => {
    const s = await startJcsh();
    // The first command sets up for good what any command needs (the SIGCHLD watch, ...).
    await run(s, 'true');
    await s.waitIdle();
    const before = openFds(s.pid);
    for (let i = 0; i < 200; i++) await run(s, i % 2 === 0 ? '' : 'true');
    await s.waitIdle();
    expect(openFds(s.pid)).toBe(before);
  });

  it('with ulimit -n 64 a hundred commands still run', async () => {
    const s = await startLimited(64);
    for (let i = 0; i < 100; i++) expect(await outputOf(s, `echo line ${i}`)).toBe(`line ${i}`);
    expect(s.exitStatus).toBeNull();
  });

  it('a command that runs out of file descriptors is one line, not a bug report, and the shell goes on', async () => {
    const s = await startLimited(24);
    const out = await outputOf(s, 'true | true | true | true | true | true | true | true | true | true | true | true | true');
    expect(out).not.toContain('a bug in jcsh');
    expect(out.split('\n')).toHaveLength(1);
    expect(out).toMatch(/^jcsh: .*Too many open files$/);
    expect(await outputOf(s, 'echo still here')).toBe('still here');
  });

  it('an unwritable history file does not end the shell', async () => {
    const home = tempHome();
    fs.mkdirSync(`${home}/hist`);
    const s = await startJcsh({ home, env: { HISTFILE: `${home}/hist` } });
    expect(await outputOf(s, 'echo one')).toBe('one');
    expect(await outputOf(s, 'echo two')).toBe('two');
  });
});
