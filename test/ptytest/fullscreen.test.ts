// The toolkit against full-screen programs: alternate screen, hidden cursor,
// raw mode, SIGWINCH, and suspending them from bash.

import { afterEach, describe, expect, test } from 'vitest';
import { closeAllSessions, spawnPty, type PtySession } from '../../src/ptytest/index.js';
import { helper } from '../helpers/paths.js';
import { PROMPT, run, spawnBash } from '../helpers/shells.js';

afterEach(closeAllSessions);

/** Start a helper at the bash prompt and wait until it has drawn its box. */
async function startInBash(bash: PtySession, program: string): Promise<void> {
  await bash.expectPrompt();
  bash.sendLine(program);
  await bash.expect('keys: 0', { on: 'screen' });
  await bash.waitIdle();
}

describe('fullscreen on its own', () => {
  test('draws on the alternate screen with the cursor hidden', async () => {
    const app = spawnPty(helper('fullscreen'), [], { cols: 40, rows: 10 });
    await app.expect('keys: 0', { on: 'screen' });
    const screen = await app.screen();
    expect(screen.altScreen).toBe(true);
    expect(screen.cursorVisible).toBe(false);
    expect(await app.snapshot()).toMatchInlineSnapshot(`
      "┌────────────────────────────────────────┐
      │+--------------------------------------+│
      │| fullscreen                           |│
      │| keys: 0                              |│
      │| draws: 1                             |│
      │| size: 40x10                          |│
      │| q quits                              |│
      │+--------------------------------------+│
      └────────────────────────────────────────┘"
    `);
  });

  test('raw mode: each key arrives at once, without Enter and without echo', async () => {
    const app = spawnPty(helper('fullscreen'), [], { cols: 40, rows: 10 });
    await app.expect('keys: 0', { on: 'screen' });
    app.send('x');
    await app.expect('keys: 1  last: 0x78', { on: 'screen' });
    app.press('Enter'); // ICRNL is off: Enter arrives as \r
    await app.expect('keys: 2  last: 0x0d', { on: 'screen' });
    app.press('Up', { times: 2 });
    await app.expect(/keys: 8 {2}last: 0x41/, { on: 'screen' });
  });

  test('a resize sends SIGWINCH and the box is redrawn at the new size', async () => {
    const app = spawnPty(helper('fullscreen'), [], { cols: 40, rows: 10 });
    await app.expect('size: 40x10', { on: 'screen' });
    app.resize(30, 8);
    await app.expect('size: 30x8', { on: 'screen' });
    const screen = await app.screen();
    expect([screen.cols, screen.rows]).toEqual([30, 8]);
    expect(screen.lines[0]).toBe(`+${'-'.repeat(28)}+`);
  });

  test('q restores the terminal and exits 0', async () => {
    const app = spawnPty(helper('fullscreen'), [], { cols: 40, rows: 10 });
    await app.expect('keys: 0', { on: 'screen' });
    app.send('q');
    expect((await app.waitExit()).exitCode).toBe(0);
    const screen = await app.screen();
    expect(screen.altScreen).toBe(false);
    expect(screen.cursorVisible).toBe(true);
  });

  test('SIGTERM restores the terminal and dies of SIGTERM', async () => {
    const app = spawnPty(helper('fullscreen'), [], { cols: 40, rows: 10 });
    await app.expect('keys: 0', { on: 'screen' });
    app.kill('SIGTERM');
    expect((await app.waitExit()).signal).toBe('SIGTERM');
    expect((await app.screen()).altScreen).toBe(false);
  });
});

describe('suspending from bash', () => {
  test('^Z: fullscreen restores the screen, bash reports it stopped, fg brings it back', async () => {
    const bash = spawnBash({ cols: 50, rows: 12 });
    await startInBash(bash, 'fullscreen');
    bash.press('Ctrl+Z');
    await bash.expect('[1]+  Stopped                 fullscreen');
    await bash.expectPrompt();
    let screen = await bash.screen();
    expect(screen.altScreen).toBe(false);
    expect(screen.cursorVisible).toBe(true);
    expect(await run(bash, 'echo cooked-$((1 + 1))')).toContain('cooked-2'); // echo works: modes restored

    bash.sendLine('fg');
    await bash.expect('draws: 2', { on: 'screen' }); // redrawn on SIGCONT
    screen = await bash.screen();
    expect(screen.altScreen).toBe(true);
    expect(screen.cursorVisible).toBe(false);
    bash.send('q');
    await bash.expectPrompt();
    expect((await bash.screen()).altScreen).toBe(false);
  });

  test('^Z on badtstp leaves the alternate screen up, but bash puts its own modes back', async () => {
    const bash = spawnBash({ cols: 50, rows: 12 });
    await startInBash(bash, 'badtstp');
    bash.press('Ctrl+Z');
    await bash.expect('Stopped                 badtstp');
    await bash.expectPrompt();
    const screen = await bash.screen();
    expect(screen.altScreen).toBe(true); // nobody left it
    expect(screen.cursorVisible).toBe(false);
    // bash restored cooked modes for itself: what we type is echoed and run.
    bash.sendLine('echo still-$((6 * 7))');
    await bash.expect('still-42', { on: 'screen' });
    await bash.expectPrompt();
    bash.sendLine('fg');
    await bash.expect('draws: 2', { on: 'screen' });
    bash.send('q');
    await bash.expect(PROMPT, { on: 'screen' });
    expect((await bash.screen()).altScreen).toBe(false);
  });
});
