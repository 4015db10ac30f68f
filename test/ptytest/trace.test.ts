// Recording a session and replaying its output into a fresh screen.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, expect, test } from 'vitest';
import { closeAllSessions, readTrace, replayTrace, spawnPty, writeTrace } from '../../src/ptytest/index.js';
import { helper } from '../helpers/paths.js';
import { run, spawnBash } from '../helpers/shells.js';

afterEach(closeAllSessions);
const dir = mkdtempSync(join(tmpdir(), 'jcsh-trace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a trace records input, output and resizes with times', async () => {
  const bash = spawnBash({ cols: 60, rows: 8, trace: true });
  await bash.expectPrompt();
  await run(bash, 'echo traced');
  bash.resize(70, 9);
  const events = bash.trace();
  expect(events[0]).toEqual({ t: expect.any(Number), dir: 'resize', data: '60x8' });
  expect(events).toContainEqual({ t: expect.any(Number), dir: 'in', data: 'echo traced\r' });
  expect(events.at(-1)).toMatchObject({ dir: 'resize', data: '70x9' });
  expect(events.filter((e) => e.dir === 'out').map((e) => e.data).join('')).toBe(bash.output);
  const times = events.map((e) => e.t);
  expect(times).toEqual([...times].sort((a, b) => a - b));
});

test('replaying a written trace reproduces the screen of a shell session', async () => {
  const bash = spawnBash({ cols: 40, rows: 6, trace: true });
  await bash.expectPrompt();
  await run(bash, 'for i in 1 2 3 4 5 6 7; do echo line-$i; done');
  await run(bash, String.raw`printf '\033[2;3Hpatched\n'`);
  const path = join(dir, 'bash.jsonl');
  bash.writeTrace(path);
  expect(readFileSync(path, 'utf8').split('\n')[0]).toMatch(/^\{"t":[\d.]+,"dir":"resize","data":"40x6"\}$/);

  const replay = await replayTrace(readTrace(path));
  expect(replay.snapshot).toBe(await bash.snapshot());
  expect(replay.screen).toEqual(await bash.screen());
});

test('replay follows resizes and the alternate screen of a full-screen program', async () => {
  const app = spawnPty(helper('fullscreen'), [], { cols: 40, rows: 10, trace: true });
  await app.expect('size: 40x10', { on: 'screen' });
  app.resize(32, 8);
  await app.expect('size: 32x8', { on: 'screen' });
  app.send('k');
  await app.expect('keys: 1', { on: 'screen' });

  const replay = await replayTrace(app.trace());
  expect(replay.screen.altScreen).toBe(true);
  expect(replay.screen.cursorVisible).toBe(false);
  expect([replay.screen.cols, replay.screen.rows]).toEqual([32, 8]);
  expect(replay.snapshot).toBe(await app.snapshot());
});

test('writeTrace and readTrace round-trip any events', () => {
  const events = [
    { t: 0, dir: 'resize' as const, data: '10x2' },
    { t: 1.5, dir: 'out' as const, data: 'a\x1b[1mb\r\n"quoted"' },
    { t: 2, dir: 'in' as const, data: '\x03' },
  ];
  const path = join(dir, 'manual.jsonl');
  writeTrace(path, events);
  expect(readTrace(path)).toEqual(events);
});

test('replayTrace takes an explicit size', async () => {
  const replay = await replayTrace([{ t: 0, dir: 'out', data: 'abcdef' }], { cols: 3, rows: 2 });
  expect(replay.screen.lines).toEqual(['abc', 'def']);
  expect(replay.snapshot).toBe('┌───┐\n│abc│\n│def│\n└───┘');
});
