// Ending sessions: nothing may survive a test, whatever state it left its processes in.

import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { closeAllSessions, PtyExpectError, readProcess, spawnPty, waitUntil, type PtySession } from '../../src/ptytest/index.js';
import { run, spawnBash } from '../helpers/shells.js';

afterEach(closeAllSessions);

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

function dead(pid: number): boolean {
  const state = readProcess(pid)?.state;
  return state === undefined || state === 'Z' || state === 'X';
}

/** A bash with a running job, a stopped job, a two-process job and a job that ignores SIGHUP. */
async function busyBash(): Promise<PtySession> {
  const bash = spawnBash();
  await bash.expectPrompt();
  await run(bash, 'sleep 1000 &');
  await run(bash, 'split 1000 &');
  await run(bash, 'hupimmune &');
  bash.sendLine('sleep 1001');
  await bash.waitUntil(() => bash.foregroundProcesses().some((p) => p.comm === 'sleep'), { description: 'sleep 1001' });
  bash.press('Ctrl+Z');
  await bash.expect('Stopped');
  await bash.expectPrompt();
  await bash.waitUntil(() => bash.processes().filter((p) => p.comm !== 'bash').length === 5, {
    description: 'five job processes',
  });
  return bash;
}

test('close() kills every process of the session, stopped and HUP-immune ones included', async () => {
  const bash = await busyBash();
  const pids = bash.processes().map((p) => p.pid);
  expect(bash.processes().map((p) => p.state)).toContain('T');
  await bash.close();
  expect(pids.filter((pid) => !dead(pid))).toEqual([]);
  expect(bash.processes().filter((p) => !dead(p.pid))).toEqual([]);
  await bash.close(); // idempotent
});

test('closeAllSessions closes every open session', async () => {
  const first = await busyBash();
  const second = spawnPty('sleep', ['1000']);
  const pids = [...first.processes(), ...second.processes()].map((p) => p.pid);
  await closeAllSessions();
  expect(pids.filter((pid) => !dead(pid))).toEqual([]);
});

test('close() right after the spawn still finds the program', async () => {
  // The child may not have called setsid() yet; it must be killed all the same.
  const program = spawnPty('sh', ['-c', 'trap "" HUP; exec sleep 1000']);
  await program.close();
  expect(dead(program.pid)).toBe(true);
});

test('a wait still pending at close() fails with reason "closed"', async () => {
  const cat = spawnPty('cat');
  const pending = cat.expect('never', { timeout: 20_000 });
  const closing = cat.close();
  const error = await pending.catch((e: unknown) => e);
  await closing;
  expect(error).toBeInstanceOf(PtyExpectError);
  // cat dies of the SIGHUP close() sends, so the exit is known by then.
  expect((error as PtyExpectError).reason).toMatch(/^(closed|exit)$/);
});

test('the last screen and the output stay readable after close()', async () => {
  const cat = spawnPty('cat', [], { cols: 20, rows: 3 });
  cat.sendLine('kept');
  await cat.expect('kept\r\nkept\r\n');
  await cat.close();
  expect(cat.output).toBe('kept\r\nkept\r\n');
  expect((await cat.screen()).lines).toEqual(['kept', 'kept', '']);
  expect(await cat.snapshot()).toBe('┌────────────────────┐\n│kept                │\n│kept                │\n└────────────────────┘');
  expect(cat.exitStatus?.signal).toBe('SIGHUP');
});

// The program ignores SIGHUP, so the hangup of the closing pty alone would not end it.
test('a process that exits without closing its sessions still kills them', async () => {
  const script = `
    const { spawnPty } = await import(${JSON.stringify(join(root, 'dist/ptytest/index.js'))});
    const s = spawnPty('sh', ['-c', 'trap "" HUP; exec sleep 1000']);
    console.log(s.pid);
    process.exit(0);`;
  const pid = Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim());
  expect(pid).toBeGreaterThan(1);
  // SIGKILL was sent before the exit; the kernel finishes it off when it next runs.
  await waitUntil(() => dead(pid), { timeout: 2000, description: `pid ${pid} to die` });
});

// (Not bash: closing the master wakes its read with end of file, and whether bash then acts
// on the SIGHUP or on the EOF first, hanging up its jobs or not, is a race inside bash.)
test('hangup() closes the master: the kernel sends SIGHUP to the session leader', async () => {
  const program = spawnPty('sleep', ['1000']);
  await program.waitUntil(() => readProcess(program.pid)?.comm === 'sleep', { description: 'sleep to run' });
  program.hangup();
  expect(await program.waitExit()).toMatchObject({ exitCode: null, signal: 'SIGHUP' });
});
