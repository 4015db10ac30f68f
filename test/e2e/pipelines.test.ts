// A job is one process group: keyboard signals and fg/bg reach every process of it.
// Scenarios H01, H02, H03, D04, L02 (selfint); rules K3.1, R1.4a, B10.3.

import { describe, expect, it } from 'vitest';
import { expectForeground, outputOf, run, startJcsh } from './harness.js';

describe('pipelines and multi-process jobs', () => {
  it('^C reaches every process of the foreground group (H01)', async () => {
    const s = await startJcsh();
    s.sendLine('split 30');
    const both = await s.waitUntil(() => {
      const ps = s.processes().filter((p) => p.comm === 'split');
      return ps.length === 2 && new Set(ps.map((p) => p.pgid)).size === 1 ? ps : undefined;
    });
    await expectForeground(s, both[0]!.pgid);
    s.press('Ctrl+C');
    await s.expectPrompt();
    await s.waitUntil(() => !s.processes().some((p) => p.comm === 'split'));
    expect(await outputOf(s, 'echo $?')).toBe('130');
    s.sendLine('sleep 5 | cat');
    await s.waitUntil(() => s.processes().some((p) => p.comm === 'cat' && s.foregroundPgid() === p.pgid));
    s.press('Ctrl+C');
    await s.expectPrompt();
    expect(await outputOf(s, 'echo $?')).toBe('130');
  });

  it('^Z stops both processes of split, fg continues both (H02)', async () => {
    const s = await startJcsh();
    s.sendLine('split 1');
    await s.waitUntil(() => s.processes().filter((p) => p.comm === 'split').length === 2);
    s.press('Ctrl+Z');
    await s.expect('[1]+  Stopped                 split 1');
    await s.expectPrompt();
    await s.waitUntil(() => s.processes().filter((p) => p.comm === 'split' && p.state === 'T').length === 2);
    expect(await outputOf(s, 'jobs')).toBe('[1]+  Stopped                 split 1');
    expect(await outputOf(s, 'fg %1')).toBe('split 1');
    expect(s.processes().some((p) => p.comm === 'split')).toBe(false);
    expect(await outputOf(s, 'jobs')).toBe('');
  });

  it('a 3-stage pipeline stops, resumes and is cancelled as one job (H03)', async () => {
    const s = await startJcsh();
    s.sendLine('sleep 10 | cat | cat');
    await s.waitUntil(() => s.processes().filter((p) => p.ppid === s.pid).length === 3);
    await s.waitUntil(() => s.processes().some((p) => p.comm === 'sleep' && s.foregroundPgid() === p.pgid));
    s.press('Ctrl+Z');
    await s.expect('[1]+  Stopped                 sleep 10 | cat | cat');
    await s.expectPrompt();
    expect(await outputOf(s, 'echo $?')).toBe('148');
    const long = (await outputOf(s, 'jobs -l')).split('\n');
    expect(long).toHaveLength(3);
    expect(long[1]).toMatch(/^ {5} *\d+ {23}\| cat$/);
    expect(long[2]).toMatch(/^ {5} *\d+ {23}\| cat$/);
    s.sendLine('fg');
    await s.expect('sleep 10 | cat | cat\r\n');
    await s.waitUntil(() => s.processes().filter((p) => p.ppid === s.pid && p.state !== 'T').length === 3);
    s.press('Ctrl+C');
    await s.expectPrompt();
    expect(await outputOf(s, 'fg')).toBe('jcsh: fg: current: no such job');
  });

  it('a background reader that ignores SIGTTIN gets EIO, and is reported Done (D04, R1.4a)', async () => {
    const s = await startJcsh();
    const out = await outputOf(s, `bash -c 'trap "" TTIN; read x; echo rc=$?' & wait`);
    expect(out).toContain('read error: 0: Input/output error');
    expect(out).toMatch(/^rc=1\r?$/m);
    expect(s.foregroundPgid()).toBe(s.pid);
  });

  it('a job that interrupts itself dies in the foreground like ^C (L02 selfint)', async () => {
    const s = await startJcsh();
    s.sendLine('selfint 0; echo not-reached');
    const m = await s.expectPrompt();
    expect(m.before).not.toMatch(/^not-reached/m);
    expect(await outputOf(s, 'echo $?')).toBe('130');
  });
});
