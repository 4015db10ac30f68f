// jcsh-pty suspend-check: ^Z and fg under jcsh (and bash) for full-screen programs.

import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { helper } from '../helpers/paths.js';
import { installed } from '../helpers/tools.js';
import { BASH, cli } from './cli-support.js';

const README = join(import.meta.dirname, '..', '..', 'README.md');

const hasVim = installed('vim');
const hasLess = installed('less');

/** The checklist lines that must all be there for a clean suspend and resume. */
const CLEAN = [
  /✓ \S+ starts and owns the terminal: process group \d+, alternate screen/,
  /✓ \^Z stops it \(every process of its group in state T\)/,
  /✓ the shell reports it stopped: "\[1\]\+ +Stopped +/,
  /✓ the shell owns the terminal again/,
  /✓ the alternate screen was left/,
  /✓ the cursor is visible/,
  /✓ the next command gets a cooked terminal \(icanon echo isig\): icanon echo isig/,
  /✓ fg %1: it owns the terminal again/,
  /✓ fg: it runs again \(no process in state T\)/,
  /✓ fg: it redraws: alternate screen re-entered/,
  /✓ it quits: /,
  /✓ the shell prompt is back/,
  /PASSED: all 14 checks\./,
];

function expectClean(out: string): void {
  for (const line of CLEAN) expect(out).toMatch(line);
  expect(out).not.toMatch(/[✗–]/);
}

describe('suspend-check passes for programs that suspend cleanly', () => {
  test('test/helpers/bin/fullscreen under jcsh', async () => {
    const r = await cli(['suspend-check', '--', helper('fullscreen')]);
    expect(r.out).toMatch(/^suspend-check: \S+\/fullscreen under jcsh --plain --norc$/m);
    expectClean(r.out);
    expect(r.out).toContain('✓ it quits: typing "q"');
    expect(r.status).toBe(0);
  });

  test.skipIf(!hasLess)(`less FILE under jcsh${hasLess ? '' : ' (skipped: less is not installed)'}`, async () => {
    const r = await cli(['suspend-check', '--', 'less', README]);
    expectClean(r.out);
    expect(r.status).toBe(0);
  });

  test.skipIf(!hasLess)(`less FILE under bash${hasLess ? '' : ' (skipped: less is not installed)'}`, async () => {
    const r = await cli(['suspend-check', '--shell', BASH, '--', 'less', README]);
    expectClean(r.out);
    expect(r.status).toBe(0);
  });

  test.skipIf(!hasVim)(`vim -u NONE under jcsh, quit with --quit ':q!\\r'${hasVim ? '' : ' (skipped: vim is not installed)'}`, async () => {
    const r = await cli(['suspend-check', '--quit', ':q!\\r', '--', 'vim', '-u', 'NONE']);
    expectClean(r.out);
    expect(r.out).toContain('✓ it quits: typing ":q!\\r"');
    expect(r.status).toBe(0);
  });

  test.skipIf(!hasVim)(`vim -u NONE under jcsh with the default quit keys: q and ^C do not quit vim, SIGTERM does${hasVim ? '' : ' (skipped: vim is not installed)'}`, async () => {
    const r = await cli(['suspend-check', '--', 'vim', '-u', 'NONE']);
    expect(r.out).toMatch(/✓ it quits: SIGTERM to its process group \(typing "q", \^C did not end it\)/);
    expect(r.status).toBe(0);
  });
});

describe('suspend-check fails where it should', () => {
  test('badtstp stops still raw, on the alternate screen with the cursor hidden: exit 1', async () => {
    const r = await cli(['suspend-check', '--', helper('badtstp')]);
    expect(r.out).toContain('✓ ^Z stops it (every process of its group in state T)');
    expect(r.out).toContain('✗ the alternate screen was left: still on the alternate screen');
    expect(r.out).toContain('✗ the cursor is visible: the cursor is still hidden');
    // jcsh puts its own modes back after a stop, as bash does: the next program is fine.
    expect(r.out).toContain('✓ the next command gets a cooked terminal (icanon echo isig)');
    expect(r.out).toMatch(/FAILED: 12 of 14 checks passed\./);
    expect(r.status).toBe(1);
  });

  test('a program that exits at once never owns the terminal: the rest is not checked', async () => {
    const r = await cli(['suspend-check', '--timeout', '500', '--', 'true']);
    expect(r.out).toContain('✓ the shell shows its prompt');
    expect(r.out).toMatch(/✗ true starts and owns the terminal: timed out after 500 ms/);
    expect(r.out).toContain('– ^Z stops it: not checked');
    expect(r.status).toBe(1);
  });
});
