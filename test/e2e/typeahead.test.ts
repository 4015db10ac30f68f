// Typed-ahead input is never lost: whatever is typed before the shell is back at its prompt,
// several lines in one go, keys that end a prompt (^C) followed by more, lines typed while a
// job runs or while a job has taken the terminal away, is read, in order, at the prompts
// that follow. (bash reads one byte at a time and so leaves it all in the terminal; the line
// editor here reads what is there and keeps what follows the line it returns.)

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { helper } from '../helpers/paths.js';
import { PROMPT, run, startJcsh, stripControls, tempHome } from './harness.js';
import type { PtySession } from '../../src/ptytest/index.js';

/** The lines printed by `echo` commands, in order, from everything output since `from`. */
function echoed(s: PtySession, from: number, words: readonly string[]): string[] {
  const text = stripControls(s.output.slice(from)).replace(/\r/g, '');
  return text.split('\n').filter((l) => words.includes(l));
}

/** Waits until every word is printed on a line of its own, then returns them in printed order. */
async function expectEchoes(s: PtySession, from: number, words: readonly string[]): Promise<string[]> {
  await s.waitUntil(() => echoed(s, from, words).length >= words.length, { description: `the lines ${words.join(', ')}` });
  return echoed(s, from, words);
}

describe('typed-ahead input', () => {
  it('lines typed in one go all run, in order', async () => {
    const s = await startJcsh();
    const from = s.output.length;
    s.send('echo one\recho two\recho three\r');
    expect(await expectEchoes(s, from, ['one', 'two', 'three'])).toEqual(['one', 'two', 'three']);
  });

  it('a line typed while a foreground job runs is run after it', async () => {
    const s = await startJcsh();
    s.sendLine('sleep 0.5');
    await s.waitUntil(() => s.foregroundProcesses().some((p) => p.comm === 'sleep'));
    const from = s.output.length;
    s.sendLine('echo during');
    s.sendLine('echo after');
    expect(await expectEchoes(s, from, ['during', 'after'])).toEqual(['during', 'after']);
  });

  it('what follows ^C in typed-ahead input is read at the next prompt', async () => {
    const s = await startJcsh();
    await s.waitIdle();
    const from = s.output.length;
    s.send('half a line\x03echo after-interrupt\r');
    expect(await expectEchoes(s, from, ['after-interrupt'])).toEqual(['after-interrupt']);
  });

  it('a job that takes the terminal from the prompt loses no typed line, and the shell stays', async () => {
    const home = tempHome();
    const go = path.join(home, 'go');
    execFileSync('mkfifo', [go]);
    const s = await startJcsh({ home });
    // The job waits on a fifo, so that it takes the terminal only once the shell sits at its prompt.
    await run(s, `sh -c 'read x < "${go}"; exec stealtty' &`);
    await s.waitIdle();
    fs.writeFileSync(go, 'go\n');
    await s.waitUntil(() => s.foregroundPgid() !== s.pid && !s.processes().some((p) => p.comm === 'stealtty'));
    const from = s.output.length;
    s.sendLine('echo after-steal');
    expect(await expectEchoes(s, from, ['after-steal'])).toEqual(['after-steal']);
    expect(s.exitStatus).toBeNull();
    expect(s.foregroundPgid()).toBe(s.pid);
  });

  it('tsh: lines typed right after ^Z and around fg %1 of a 2-second job are all read', async () => {
    const s = await startJcsh({ args: ['--compat=tsh'] });
    s.sendLine(`${helper('spin')} 2`);
    await s.waitUntil(() => s.foregroundProcesses().some((p) => p.comm === 'spin'));
    s.press('Ctrl+Z');
    // No wait for the prompt: typed as a quick typist (or the lab's driver) would.
    s.send('jobs\rfg %1\rjobs\r/bin/echo done\r');
    await s.expect(/^done\r?$/m, { timeout: 10000 });
    await s.expectPrompt();
    const text = stripControls(s.output).replace(/\r/g, '');
    const prompts = text.split('\n').filter((l) => l.startsWith(PROMPT)).map((l) => l.slice(PROMPT.length));
    expect(prompts.filter((l) => l !== '')).toEqual([`${helper('spin')} 2`, 'jobs', 'fg %1', 'jobs', '/bin/echo done']);
    expect(text).toMatch(/^\[1\] \(\d+\) Stopped .*spin 2$/m);
  });
});
