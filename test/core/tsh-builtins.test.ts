// tsh's builtins (tsh.c builtin_cmd, do_bgfg, listjobs): their texts on stdout, a bare number
// is a pid, %n a job id, and quit leaves with 0 (scenarios.md §4, trace14).

import { describe, expect, it } from 'vitest';
import { bgTsh } from '../../src/core/compat/tsh/bg.js';
import { tshDialect } from '../../src/core/compat/tsh/dialect.js';
import { fgTsh } from '../../src/core/compat/tsh/fg.js';
import { atoi } from '../../src/core/compat/tsh/jobarg.js';
import { jobsTsh } from '../../src/core/compat/tsh/jobs.js';
import { quitTsh } from '../../src/core/compat/tsh/quit.js';
import { findTshBuiltin } from '../../src/core/compat/tsh/registry.js';
import { ExitRequest } from '../../src/core/errors.js';
import { exited, signaled, stopped } from '../../src/os/status.js';
import { addJob, fakeShell, runIn } from './fakeport.js';

function tshShell() {
  return fakeShell({ dialect: tshDialect });
}

describe('tsh fg and bg errors', () => {
  it('need an argument', async () => {
    const { shell } = tshShell();
    expect(await runIn(shell, fgTsh, 'fg')).toEqual({ status: 1, out: 'fg command requires PID or %jobid argument\n', err: '' });
    expect(await runIn(shell, bgTsh, 'bg')).toEqual({ status: 1, out: 'bg command requires PID or %jobid argument\n', err: '' });
  });

  it('want a PID or %jobid', async () => {
    const { shell } = tshShell();
    expect((await runIn(shell, fgTsh, 'fg', 'a')).out).toBe('fg: argument must be a PID or %jobid\n');
    expect((await runIn(shell, bgTsh, 'bg', '-1')).out).toBe('bg: argument must be a PID or %jobid\n');
    expect((await runIn(shell, bgTsh, 'bg', '')).out).toBe('bg: argument must be a PID or %jobid\n');
  });

  it('name the missing pid as atoi read it, and the missing job as written', async () => {
    const { shell } = tshShell();
    addJob(shell, [400], ['./myspin 4 &']);
    expect((await runIn(shell, fgTsh, 'fg', '9999999')).out).toBe('(9999999): No such process\n');
    expect((await runIn(shell, bgTsh, 'bg', '0099x')).out).toBe('(99): No such process\n');
    // A bare number is a pid: job 1 exists, pid 1 is not one of ours.
    expect((await runIn(shell, fgTsh, 'fg', '1')).out).toBe('(1): No such process\n');
    expect((await runIn(shell, fgTsh, 'fg', '%2')).out).toBe('%2: No such job\n');
    expect((await runIn(shell, bgTsh, 'bg', '%abc')).out).toBe('%abc: No such job\n');
  });

  it('a job that has finished is no longer there', async () => {
    const { shell, port } = tshShell();
    addJob(shell, [400], ['./myspin 4 &']);
    port.change(400, exited(0));
    expect((await runIn(shell, bgTsh, 'bg', '%1')).out).toBe('%1: No such job\n');
    expect(shell.control.jobs.size).toBe(0);
  });

  it('atoi as C has it', () => {
    expect([atoi('12ab'), atoi(' 7'), atoi('-3'), atoi('+4'), atoi('x1'), atoi('')]).toEqual([12, 7, -3, 4, 0, 0]);
  });
});

describe('tsh bg, jobs and quit', () => {
  it('bg continues a stopped job by %jobid or pid and prints its line again (trace09)', async () => {
    const { shell, port } = tshShell();
    addJob(shell, [400], ['./myspin 4 &']);
    const j2 = addJob(shell, [500], ['./myspin 5 '], true);
    port.change(500, stopped(20));
    // Reaping reports the stop at once (tested in tsh-notify); here only what follows.
    shell.control.update();
    await shell.out.drain();
    expect(await runIn(shell, jobsTsh, 'jobs')).toEqual({
      status: 0, err: '', out: '[1] (400) Running ./myspin 4 &\n[2] (500) Stopped ./myspin 5 \n',
    });
    expect(await runIn(shell, bgTsh, 'bg', '%2')).toEqual({ status: 0, out: '[2] (500) ./myspin 5 \n', err: '' });
    expect(port.sent).toEqual([{ pid: -500, signal: 18 }]);
    expect([j2.state, j2.foreground]).toEqual(['running', false]);
    expect((await runIn(shell, bgTsh, 'bg', '400')).out).toBe('[1] (400) ./myspin 4 &\n');
    expect((await runIn(shell, jobsTsh, 'jobs', 'ignored')).out).toBe('[1] (400) Running ./myspin 4 &\n[2] (500) Running ./myspin 5 \n');
  });

  it('jobs first reports what happened since, then lists what is left', async () => {
    const { shell, port } = tshShell();
    addJob(shell, [400], ['./myspin 4 &']);
    addJob(shell, [500], ['./myspin 5 &']);
    addJob(shell, [600], ['./myspin 6 &']);
    port.change(400, signaled(15));
    port.change(500, exited(0));
    const r = await runIn(shell, jobsTsh, 'jobs');
    expect(r.out).toBe('Job [1] (400) terminated by signal 15\n[3] (600) Running ./myspin 6 &\n');
  });

  it('quit leaves with status 0, stopped jobs or not', () => {
    const { shell, port } = tshShell();
    addJob(shell, [400], ['./myspin 4']);
    port.change(400, stopped(20));
    expect(() => quitTsh({ shell, argv: ['quit'], io: { out: () => {}, err: () => {} }, error: () => {}, usage: () => {}, isBuiltin: () => false, runBuiltin: () => undefined, fd: () => undefined, captured: false }))
      .toThrow(new ExitRequest(0));
  });

  it('has exactly quit, jobs, bg and fg', () => {
    expect(['quit', 'jobs', 'bg', 'fg'].map((n) => findTshBuiltin(n) !== undefined)).toEqual([true, true, true, true]);
    expect(['exit', 'cd', 'kill', 'echo', 'wait', '%1'].map((n) => findTshBuiltin(n))).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
