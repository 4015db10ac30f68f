// The toolkit against /bin/cat: a program that only echoes, in cooked mode.

import { afterEach, expect, test } from 'vitest';
import { closeAllSessions, spawnPty } from '../../src/ptytest/index.js';

afterEach(closeAllSessions);

test('the tty echoes a line and cat repeats it', async () => {
  const cat = spawnPty('/bin/cat');
  cat.sendLine('hello, pty');
  // Once from the line discipline's echo, once from cat.
  await cat.expect('hello, pty\r\n');
  const again = await cat.expect('hello, pty\r\n');
  expect(again.before).toBe('');
  expect((await cat.screen()).lines.slice(0, 3)).toEqual(['hello, pty', 'hello, pty', '']);
});

test('Ctrl+D at the start of a line is end of file: cat exits 0', async () => {
  const cat = spawnPty('/bin/cat');
  cat.sendLine('last');
  await cat.expect(/last\r\nlast\r\n/);
  cat.press('Ctrl+D');
  expect(await cat.waitExit()).toEqual({ exitCode: 0, signal: null, output: 'last\r\nlast\r\n' });
});

test('Ctrl+C kills cat with SIGINT; Ctrl+\\ with SIGQUIT', async () => {
  const interrupted = spawnPty('/bin/cat');
  await interrupted.waitIdle();
  interrupted.press('Ctrl+C');
  expect(await interrupted.waitExit()).toMatchObject({ exitCode: null, signal: 'SIGINT' });

  const quit = spawnPty('/bin/cat');
  await quit.waitIdle();
  quit.press('Ctrl+\\');
  expect(await quit.waitExit()).toMatchObject({ exitCode: null, signal: 'SIGQUIT' });
});

test('Backspace edits the line before cat sees it', async () => {
  const cat = spawnPty('/bin/cat');
  cat.send('abX');
  cat.press('Backspace');
  cat.sendLine('c');
  await cat.expect(/\r\nabc\r\n/);
});

test('paste without bracketed paste mode sends the text, newlines as carriage returns', async () => {
  const cat = spawnPty('/bin/cat');
  cat.paste('one\ntwo\n');
  await cat.expect(/one\r\ntwo\r\n/);
  await cat.expect(/one\r\ntwo\r\n/);
  expect(cat.exitStatus).toBeNull();
});

test('multi-byte text survives the trip in both directions', async () => {
  const cat = spawnPty('/bin/cat', [], { cols: 20, rows: 3 });
  cat.sendLine('héllo 中文 ✓');
  await cat.expect('héllo 中文 ✓\r\nhéllo 中文 ✓\r\n');
  expect(await cat.snapshot()).toBe(
    ['┌────────────────────┐', '│héllo 中文 ✓        │', '│héllo 中文 ✓        │', '└────────────────────┘'].join('\n'),
  );
});

test('kill() signals the program, its group, or the foreground group', async () => {
  const cat = spawnPty('/bin/cat');
  await cat.waitIdle();
  cat.kill('SIGTERM', 'foreground-group');
  expect((await cat.waitExit()).signal).toBe('SIGTERM');

  const other = spawnPty('/bin/cat');
  await other.waitIdle();
  other.kill('SIGUSR1', 'process-group');
  expect((await other.waitExit()).signal).toBe('SIGUSR1');

  const third = spawnPty('/bin/cat');
  await third.waitIdle();
  third.kill(9);
  expect((await third.waitExit()).signal).toBe('SIGKILL');
});
