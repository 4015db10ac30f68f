// jcsh-pty run: scenario scripts that pass and fail, bad input, and the launcher itself.

import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { BASH, cli, HELPERS_ON_PATH, tempFile } from './cli-support.js';

const ROOT = join(import.meta.dirname, '..', '..');

function script(...lines: string[]): string {
  return tempFile('demo.script', `${lines.join('\n')}\n`);
}

describe('scripts that pass', () => {
  test('^Z, jobs, fg and ^C against bash: every step ✓, exit 0', async () => {
    const file = script(
      '# suspend and resume a job', 'prompt', 'send spin 30', 'fg job spin', 'press ^Z', 'expect /Stopped +spin 30/',
      'prompt', 'fg shell', 'state spin T', 'send jobs', 'prompt', 'not Running', 'send fg', 'fg job spin',
      'state spin running', 'press ^C', 'prompt', 'state spin gone', 'no-zombies', 'send exit 3', 'wait-exit 3',
    );
    const r = await cli(['run', file, '--shell', BASH, ...HELPERS_ON_PATH]);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^  ✓ +2 {2}prompt(  \(\d+ ms\))?$/m);
    expect(r.out).toMatch(/✓ +6 {2}expect \/Stopped \+spin 30\/ +→ Stopped {17}spin 30/);
    expect(r.out).toContain('PASSED: 20 steps.');
    expect(r.out).toContain('(the shell exited with status 3)');
    expect(r.out).not.toContain('✗');
    expect(r.status).toBe(0);
  });

  test('terminal modes, signals, resize and show; the default shell is jcsh', async () => {
    const file = script(
      'prompt', 'send cat', 'fg job cat', 'modes icanon echo isig', 'signal INT fg', 'prompt',
      'send stty -echo', 'prompt', 'send cat', 'fg job cat', 'modes icanon -echo', 'press ^D', 'prompt',
      'resize 60 10', 'send stty size', 'expect "10 60"', 'prompt', 'show',
    );
    const r = await cli(['run', file, '--transcript']);
    expect(r.out).toMatch(/^\S*demo\.script: jcsh --plain --norc \(pid \d+\)$/m);
    expect(r.out).toMatch(/✓ +4 {2}modes icanon echo isig +→ icanon echo isig/);
    expect(r.out).toMatch(/✓ +11 {2}modes icanon -echo +→ icanon -echo/);
    expect(r.out).toMatch(/✓ +18 {2}show\n {6}┌─{60}┐/);
    expect(r.out).toContain('Transcript (jcsh --plain --norc):\n  | pty$ cat');
    expect(r.status).toBe(0);
  });
});

describe('scripts that fail', () => {
  test('output that never comes: the timeout report, the rest not run, exit 1', async () => {
    const file = script('prompt', 'send echo one', 'expect never-printed', 'send echo two', 'prompt');
    const r = await cli(['run', file, '--shell', BASH, '--timeout', '400']);
    expect(r.out).toMatch(/✗ +3 {2}expect never-printed {2}\(\d+ ms\)/);
    expect(r.out).toContain('· 2 more steps not run');
    expect(r.out).toContain(`${file}:3: expect never-printed: failed`);
    expect(r.out).toContain('timed out after 400 ms waiting for "never-printed" on the stream');
    expect(r.out).toMatch(/│pty\$ echo one +│\n│one +│/);
    expect(r.out).toContain('FAILED at line 3: 2 of 5 steps passed.');
    expect(r.status).toBe(1);
  });

  test('a shell that exits early: its status and its output so far', async () => {
    const file = script('expect hello');
    const r = await cli(['run', file, '--shell', `sh -c 'echo goodbye; exit 3'`]);
    expect(r.out).toContain('process exited with status 3 while waiting for "hello" on the stream');
    expect(r.out).toMatch(/│goodbye +│/);
    expect(r.out).toContain('(the shell exited with status 3)');
    expect(r.status).toBe(1);
  });

  test('not: the pattern is in the last command\'s output', async () => {
    const file = script('prompt', 'send echo abc; echo xyz', 'prompt', 'not xyz');
    const r = await cli(['run', file, '--shell', BASH]);
    expect(r.out).toContain('found "xyz" in the output of the last command');
    expect(r.status).toBe(1);
  });

  test('wait-exit with the wrong status', async () => {
    const r = await cli(['run', script('prompt', 'send exit 4', 'wait-exit 0'), '--shell', BASH]);
    expect(r.out).toContain('the shell exited with status 4, expected status 0');
    expect(r.status).toBe(1);
  });
});

describe('bad input: one line on stderr, exit 2, nothing run', () => {
  test.each([
    ['an unknown directive', ['prompt', '', 'frobnicate'], ':3: unknown directive "frobnicate"'],
    ['a bad regex', ['expect /a(/'], ':1: bad regular expression /a(/: Invalid regular expression: /a(/: Unterminated group'],
    ['an unknown key', ['press ^C', 'press Hyper+X'], ':2: unknown key "Hyper+X"'],
  ])('%s', async (_, lines, message) => {
    const file = script(...lines);
    const r = await cli(['run', file]);
    expect(r.err).toMatch(new RegExp(`^jcsh-pty: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${message.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}.*\n$`));
    expect(r.err.split('\n')).toHaveLength(2);
    expect(r.out).toBe('');
    expect(r.status).toBe(2);
  });

  test('a missing file', async () => {
    const r = await cli(['run', '/nonexistent/demo.script']);
    expect(r.err).toBe('jcsh-pty: /nonexistent/demo.script: cannot read: No such file or directory\n');
    expect(r.status).toBe(2);
  });

  test('a shell that does not exist, a bad option', async () => {
    const file = script('prompt');
    expect(await cli(['run', file, '--shell', 'no-such-shell -i'])).toMatchObject({ status: 2, err: expect.stringContaining('cannot run "no-such-shell"') });
    expect(await cli(['run', file, '--frob'])).toMatchObject({ status: 2, err: expect.stringContaining('unknown option --frob') });
  });
});

describe('the installed command', () => {
  const run = promisify(execFile);
  const bin = join(ROOT, 'bin', 'jcsh-pty.js');

  test('--help describes the commands and the script language', async () => {
    const { stdout } = await run(process.execPath, [bin, '--help']);
    expect(stdout).toContain('jcsh-pty run SCRIPT');
    expect(stdout).toContain('jcsh-pty suspend-check');
    expect(stdout).toContain('expect PATTERN');
  });

  test('its exit status is the CLI\'s (2 for bad input)', async () => {
    const failure = await run(process.execPath, [bin, 'trace', '/nonexistent/trace.txt']).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 2, stderr: 'jcsh-pty: /nonexistent/trace.txt: cannot read: No such file or directory\n' });
  });
});
