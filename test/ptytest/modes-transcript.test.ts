// Library additions for the CLI: the terminal's modes read from outside, and the transcript
// (scrollback included, wrapped rows joined).

import { afterEach, describe, expect, test } from 'vitest';
import { closeAllSessions, isCooked, spawnPty } from '../../src/ptytest/index.js';
import { helper } from '../helpers/paths.js';
import { run, spawnBash } from '../helpers/shells.js';

afterEach(closeAllSessions);

describe('terminalModes()', () => {
  test('cooked for a program reading lines, raw while fullscreen runs, cooked again after it quits', async () => {
    const bash = spawnBash();
    await bash.expectPrompt();
    expect(bash.ttyPath).toMatch(/^\/dev\/pts\/\d+$/);
    bash.sendLine('cat');
    await bash.waitUntil(() => bash.foregroundProcesses().some((p) => p.comm === 'cat'));
    await bash.waitIdle();
    expect(isCooked(await bash.terminalModes())).toBe(true);
    bash.press('Ctrl+D');
    await bash.expectPrompt();
    bash.sendLine(helper('fullscreen'));
    await bash.expect('keys: 0', { on: 'screen' });
    const raw = await bash.terminalModes();
    expect(raw.flags).toMatchObject({ icanon: false, echo: false, isig: true });
    expect([raw.cols, raw.rows]).toEqual([80, 24]);
    bash.send('q');
    await bash.expectPrompt();
  });
});

describe('transcript()', () => {
  test('keeps what scrolled off the screen and joins wrapped rows', async () => {
    const bash = spawnBash({ cols: 20, rows: 5 });
    await bash.expectPrompt();
    await run(bash, 'for i in 1 2 3 4 5 6 7 8; do echo line$i; done');
    await run(bash, `echo ${'x'.repeat(30)}`);
    const lines = (await bash.transcript()).split('\n');
    expect(lines).toContain('line1');
    expect(lines).toContain('line8');
    expect(lines).toContain('x'.repeat(30));
    expect(lines.at(-1)).toBe('jc$');
    expect((await bash.screen()).lines).not.toContain('line1');
  });

  test('is still there after close()', async () => {
    const app = spawnPty('sh', ['-c', 'echo hello; sleep 10']);
    await app.expect('hello');
    await app.close();
    expect(await app.transcript()).toBe('hello');
  });
});
