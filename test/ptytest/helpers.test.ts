// The C helper programs behave as scenarios.md §2 says, under a real bash.

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { closeAllSessions, readProcess, spawnPty, type PtySession } from '../../src/ptytest/index.js';
import { helper } from '../helpers/paths.js';
import { run, spawnBash } from '../helpers/shells.js';

afterEach(closeAllSessions);

async function bashAtPrompt(): Promise<PtySession> {
  const bash = spawnBash();
  await bash.expectPrompt();
  return bash;
}

/** Wait until `comm` runs in the foreground (exec'd, so its own signal handling is in place). */
function running(bash: PtySession, comm: string, count = 1): Promise<unknown> {
  return bash.waitUntil(() => bash.foregroundProcesses().filter((p) => p.comm === comm).length === count, {
    description: `${count} × ${comm} in the foreground`,
  });
}

/** Whether SIGHUP (bit 0 of the SigIgn mask) is ignored by `pid`; false if it is gone. */
function hupIgnored(pid: number): boolean {
  try {
    const mask = /^SigIgn:\s*([0-9a-f]+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? '0';
    return (parseInt(mask.slice(-1), 16) & 1) === 1;
  } catch {
    return false;
  }
}

describe('exit statuses and signals', () => {
  test('exitwith N [secs] exits with N', async () => {
    const bash = await bashAtPrompt();
    expect(await run(bash, 'exitwith 42; echo rc=$?')).toMatch(/^rc=42\r?$/m);
    expect(await run(bash, 'exitwith 3 0.05; echo rc=$?')).toMatch(/^rc=3\r?$/m);
  });

  test('spin and split sleep, then exit 0', async () => {
    const bash = await bashAtPrompt();
    expect(await run(bash, 'spin 0.1; split 0.1; echo rc=$?')).toMatch(/^rc=0\r?$/m);
  });

  // A job killed by SIGINT makes bash drop the rest of the line, so $? is asked on the next one.
  test('selfint dies of its own SIGINT (130)', async () => {
    const bash = await bashAtPrompt();
    expect(await run(bash, 'selfint 0; echo not-reached')).not.toMatch(/^not-reached\r$/m);
    expect(await run(bash, 'echo rc=$?')).toMatch(/^rc=130\r?$/m);
  });

  test('selfkill TERM dies of SIGTERM, bash says Terminated', async () => {
    const bash = await bashAtPrompt();
    const out = await run(bash, 'selfkill TERM; echo rc=$?');
    expect(out).toContain('Terminated');
    expect(out).toMatch(/^rc=143\r?$/m);
    await run(bash, 'selfkill 2');
    expect(await run(bash, 'echo rc=$?')).toMatch(/^rc=130\r?$/m);
  });

  test('sigreport prints nothing for a job of bash, or under node-pty', async () => {
    const bash = await bashAtPrompt();
    bash.sendLine('echo A-$((1)); sigreport; sigreport & wait; echo B-$((2))');
    await bash.expect('A-1\r\n');
    expect((await bash.expect('B-2')).before).toMatch(/^(\[1\] \d+\r\n)?(\[1\]\+ +Done +sigreport\r\n)?$/);
    const direct = spawnPty(helper('sigreport'));
    expect((await direct.waitExit()).output).toBe('');
  });

  test('sigreport does report an ignored signal', async () => {
    const bash = await bashAtPrompt();
    expect(await run(bash, "(trap '' HUP; sigreport)")).toContain('ignored: Hangup');
  });
});

describe('process groups and the terminal', () => {
  test('checkfg: 0 in the foreground, 1 in the background', async () => {
    const bash = await bashAtPrompt();
    expect(await run(bash, 'checkfg; echo rc=$?')).toMatch(/^rc=0\r?$/m);
    expect(await run(bash, 'checkfg & wait $!; echo rc=$?')).toMatch(/^rc=1\r?$/m);
  });

  test('pgrp: each job leads its own group', async () => {
    const bash = await bashAtPrompt();
    const out = await run(bash, 'pgrp; pgrp');
    const pgids = [...out.matchAll(/^(\d+)\r$/gm)].map((m) => Number(m[1]));
    expect(pgids).toHaveLength(2);
    expect(pgids[0]).not.toBe(pgids[1]);
    expect(pgids).not.toContain(bash.pid);
  });

  test('fgreport says foreground or background; the loop variant follows fg', async () => {
    const bash = await bashAtPrompt();
    expect(await run(bash, 'fgreport')).toContain('foreground');
    expect(await run(bash, 'fgreport & wait')).toContain('background');
    bash.sendLine('fgreport loop &');
    await bash.expect('background'); // before or after the next prompt
    await bash.waitIdle();
    bash.sendLine('fg');
    await bash.expect('foreground');
    await running(bash, 'fgreport');
    bash.press('Ctrl+C');
    await bash.expectPrompt();
  });

  test('split: ^Z stops both processes of the group', async () => {
    const bash = await bashAtPrompt();
    bash.sendLine('split 20');
    await running(bash, 'split', 2);
    bash.press('Ctrl+Z');
    await bash.expect('[1]+  Stopped                 split 20');
    // bash reports the stop of the process it waits for; the other one may take a moment longer.
    const split = () => bash.processes().filter((p) => p.comm === 'split');
    await bash.waitUntil(() => split().every((p) => p.state === 'T'), { description: 'both split processes stopped' });
    expect(split()).toHaveLength(2);
    expect(new Set(split().map((p) => p.pgid)).size).toBe(1);
  });

  test('selfstop stops its own group, and finishes when continued', async () => {
    const bash = await bashAtPrompt();
    bash.sendLine('selfstop 0');
    await bash.expect('[1]+  Stopped                 selfstop 0');
    await bash.expectPrompt();
    expect(await run(bash, 'fg; echo rc=$?')).toMatch(/^rc=0\r?$/m);
  });

  test('stopcont reports SIGTSTP and SIGCONT and exits on input', async () => {
    const bash = await bashAtPrompt();
    bash.sendLine('stopcont');
    await running(bash, 'stopcont');
    await bash.waitIdle();
    bash.press('Ctrl+Z');
    await bash.expect('SIGTSTP');
    await bash.expect('Stopped                 stopcont');
    await bash.expectPrompt();
    bash.sendLine('fg');
    await bash.expect('SIGCONT');
    await bash.waitIdle();
    bash.press('Enter');
    await bash.expectPrompt();
  });

  test('readecho: reads a line in the foreground, stops on SIGTTIN in the background', async () => {
    const bash = await bashAtPrompt();
    bash.sendLine('readecho -x');
    await running(bash, 'readecho');
    bash.sendLine('hi');
    await bash.expect('hi-x');
    await bash.expectPrompt();
    await run(bash, 'readecho -bg &');
    await bash.waitUntil(() => bash.processes().some((p) => p.comm === 'readecho' && p.state === 'T'), {
      description: 'readecho to stop with SIGTTIN',
    });
    bash.sendLine('fg');
    await running(bash, 'readecho');
    bash.sendLine('there');
    await bash.expect('there-bg');
  });

  test('claimtty works in the foreground and stops in the background', async () => {
    const bash = await bashAtPrompt();
    expect(await run(bash, 'claimtty')).toContain('claimtty done');
    await run(bash, 'claimtty &');
    await bash.waitUntil(() => bash.processes().some((p) => p.comm === 'claimtty' && p.state === 'T'), {
      description: 'claimtty to stop with SIGTTOU',
    });
  });

  test('stealtty leaves the terminal to a dead group; bash takes it back', async () => {
    const bash = await bashAtPrompt();
    expect(await run(bash, 'stealtty; echo rc=$?')).toMatch(/^rc=0\r?$/m);
    expect(bash.foregroundPgid()).toBe(bash.pid);
  });

  test('hupimmune outlives SIGHUP and exits once orphaned', async () => {
    const bash = await bashAtPrompt();
    const pid = Number(/\[1\] (\d+)/.exec(await run(bash, 'hupimmune &'))?.[1]);
    // exec'd is not enough: it must have set SIGHUP to ignored
    await bash.waitUntil(() => hupIgnored(pid), { description: 'hupimmune to ignore SIGHUP' });
    // Alive after a SIGHUP: a process that a SIGHUP kills is already dying when kill()
    // returns and can no longer be stopped, so reaching the stopped state proves it survived.
    process.kill(pid, 'SIGHUP');
    process.kill(pid, 'SIGSTOP');
    const state = await bash.waitUntil(() => {
      const st = readProcess(pid)?.state ?? 'gone';
      return ['T', 'Z', 'X', 'gone'].includes(st) ? st : undefined;
    }, { description: 'hupimmune to stop or die' });
    expect(state).toBe('T');
    process.kill(pid, 'SIGCONT');
    await bash.waitIdle(); // in readline, bash acts on the signal at once
    bash.kill('SIGHUP'); // bash passes it on to its jobs and exits
    await bash.waitExit();
    // Its parent is gone; it notices within a quarter second and exits (a zombie if init does not reap).
    await bash.waitUntil(() => (readProcess(pid)?.state ?? 'Z') === 'Z', { description: 'hupimmune to exit' });
  });
});
