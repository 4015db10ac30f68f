// Traps when an interactive shell is hung up, each compared with bash 5.2. Killed by SIGHUP or
// by the terminal closing, at the prompt or while a job runs, the shell runs its EXIT trap
// (with `$?` the last status) before it dies of SIGHUP (termsig_handler). With a trap on HUP or
// TERM, the signal ends the prompt as ^D would (readline's rl_getc): "exit", the trap, the
// EXIT trap, and the shell leaves with `$?`; its jobs are not hung up. If the terminal is gone,
// jcsh still dies of SIGHUP (Node cannot exit on a hung-up terminal), where bash exits with
// `$?`. An ignored SIGHUP changes nothing.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProcess, type PtySession } from '../../src/ptytest/index.js';
import { quietWindow } from '../helpers/quiet.js';
import { run, startBash, startJcsh, stripControls } from './harness.js';

type Start = () => Promise<PtySession>;
const SHELLS: readonly [string, Start][] = [['jcsh', () => startJcsh()], ['bash', startBash]];

interface Ending {
  readonly code: number | null;
  readonly signal: string | null;
  /** What the EXIT trap wrote to its file, or null when it did not run. */
  readonly exitTrap: string | null;
  readonly output: string;
}

/** A shell whose EXIT trap writes "bye $?" to a file, with `$?` 1 at its prompt. */
async function withExitTrap(start: Start) {
  const s = await start();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jcsh-trap-')), 'exit-trap');
  await run(s, `trap 'echo "bye $?" > ${file}' EXIT`);
  return { s, file };
}

async function ending(s: PtySession, file: string): Promise<Ending> {
  const r = await s.waitExit();
  const output = stripControls(r.output).replace(/\r/g, '');
  return { code: r.exitCode, signal: r.signal, exitTrap: fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null, output };
}

async function atIdlePrompt(s: PtySession): Promise<void> {
  await run(s, 'false');
  await quietWindow(s.pid, 300);
}

describe.each(SHELLS)('%s hung up', (_name, start) => {
  it('SIGHUP at the prompt: the EXIT trap runs, then the shell dies of SIGHUP', async () => {
    const { s, file } = await withExitTrap(start);
    await atIdlePrompt(s);
    s.kill('SIGHUP');
    expect(await ending(s, file)).toMatchObject({ code: null, signal: 'SIGHUP', exitTrap: 'bye 1\n' });
  });

  it('the terminal closed at the prompt: the EXIT trap runs, then the shell dies of SIGHUP', async () => {
    const { s, file } = await withExitTrap(start);
    await atIdlePrompt(s);
    s.hangup();
    expect(await ending(s, file)).toMatchObject({ code: null, signal: 'SIGHUP', exitTrap: 'bye 1\n' });
  });

  it('the terminal closed while a job runs: the job is hung up, the EXIT trap runs', async () => {
    const { s, file } = await withExitTrap(start);
    await run(s, 'false');
    s.sendLine('sleep 1311');
    const sleep = await s.waitUntil(() => s.foregroundProcesses().find((p) => p.comm === 'sleep')?.pid);
    s.hangup();
    expect(await ending(s, file)).toMatchObject({ code: null, signal: 'SIGHUP', exitTrap: 'bye 1\n' });
    await s.waitUntil(() => readProcess(sleep) === null || readProcess(sleep)?.state === 'Z', { description: 'the job to be gone' });
  });

  it.each(['HUP', 'TERM'])('a trapped SIG%s at the prompt ends it as ^D: exit, the trap, the EXIT trap', async (sig) => {
    const { s, file } = await withExitTrap(start);
    await run(s, `trap 'echo "trapped $?"' ${sig}`);
    await atIdlePrompt(s);
    s.kill(`SIG${sig}` as NodeJS.Signals);
    const end = await ending(s, file);
    expect(end).toMatchObject({ code: 1, signal: null, exitTrap: 'bye 1\n' });
    expect(end.output).toMatch(/exit\ntrapped 1\n$/);
  });

  it('the terminal closed with a trapped SIGHUP: the trap, the EXIT trap; a background job is left alone', async () => {
    const { s, file } = await withExitTrap(start);
    const hupFile = `${file}.hup`;
    await run(s, `trap 'echo "hup $?" > ${hupFile}' HUP`);
    await run(s, 'sleep 1321 &');
    const job = await s.waitUntil(() => s.processes().find((p) => p.comm === 'sleep')?.pid);
    try {
      await atIdlePrompt(s);
      s.hangup();
      expect(await ending(s, file)).toMatchObject({ exitTrap: 'bye 1\n' });
      expect(fs.readFileSync(hupFile, 'utf8')).toBe('hup 1\n');
      expect(readProcess(job)?.state).toMatch(/^[SR]$/);
    } finally {
      process.kill(job, 'SIGKILL');
    }
  });

  it('an ignored SIGHUP at the prompt changes nothing', async () => {
    const { s, file } = await withExitTrap(start);
    await run(s, `trap '' HUP`);
    await atIdlePrompt(s);
    s.kill('SIGHUP');
    await quietWindow(s.pid, 300);
    expect(stripControls(await run(s, 'echo alive'))).toMatch(/alive/);
    s.sendLine('exit 4');
    expect(await ending(s, file)).toMatchObject({ code: 4, exitTrap: 'bye 4\n' });
  });
});
