// The scenario helpers behave as their C versions in test/helpers (same texts, same statuses).

import { describe, expect, it } from 'vitest';
import { PROGRAMS } from '../../../src/os/sim/programs/index.js';
import * as sys from '../../../src/os/sim/sys.js';
import type { Program } from '../../../src/os/sim/types.js';
import { exited, lastTime, run, runInBackground, signaled } from './run.js';

describe('scenario helpers', () => {
  it('spin N sleeps N seconds and exits 0; bad arguments give usage or "bad number" and 2', async () => {
    const r = await run(['spin', '3']);
    expect(r.status).toEqual(exited(0));
    expect(lastTime(r)).toBeGreaterThanOrEqual(3000);
    const usage = await run(['spin']);
    expect(usage.out).toBe('usage: spin SECONDS\n');
    expect(usage.status).toEqual(exited(2));
    expect((await run(['spin', 'x'])).out).toBe('spin: bad number of seconds: x\n');
  });

  it('split N is two processes of one group and exits 0', async () => {
    const r = await run(['split', '1']);
    expect(r.status).toEqual(exited(0));
    const forks = r.events.filter((e) => e.kind === 'fork' && e.parent === 101);
    expect(forks.map((e) => e.kind === 'fork' && e.child.pgid)).toEqual([101]);
  });

  it('selfstop N stops its group with SIGTSTP; selfint N dies of its own SIGINT', async () => {
    const stop = await run(['selfstop', '1']);
    expect(stop.events.some((e) => e.kind === 'deliver' && e.signal === 20 && e.action === 'stopped')).toBe(true);
    expect((await run(['selfint', '1'])).status).toEqual(signaled(2));
  });

  it('checkfg and fgreport tell the foreground from the background', async () => {
    expect((await run(['checkfg'])).status).toEqual(exited(0));
    expect((await runInBackground('/bin/checkfg')).out).toBe('exited 1\n');
    expect((await run(['fgreport'])).out).toBe('foreground\n');
    expect((await runInBackground('/bin/fgreport')).out).toBe('background\nexited 0\n');
  });

  it('pgrp prints its process group', async () => {
    expect((await run(['pgrp'])).out).toBe('101\n');
  });

  it('stopcont prints SIGTSTP and stops itself on SIGTSTP, prints SIGCONT when continued, and exits 0 on input', async () => {
    // Its parent plays the keyboard: SIGTSTP, then SIGCONT, then a line of input is not possible
    // here, so SIGTERM ends it.
    const parent: Program = function* () {
      const pid = yield* sys.fork(function* () {
        yield* sys.execve('/bin/stopcont', ['stopcont']);
        return 127;
      });
      if (pid instanceof sys.SysError) return 1;
      yield* sys.sleep(1000);
      yield* sys.kill(pid, 20);
      const stopped = yield* sys.waitpid(pid, { untraced: true });
      if (!(stopped instanceof sys.SysError) && stopped !== 0) yield* sys.write(1, `${stopped.status.kind} ${JSON.stringify(stopped.status)}\n`);
      yield* sys.kill(pid, 18);
      yield* sys.sleep(1000);
      yield* sys.kill(pid, 15);
      yield* sys.waitpid(pid);
      return 0;
    };
    const r = await run(['/bin/parent'], { programs: new Map([...PROGRAMS, ['/bin/parent', parent]]) });
    expect(r.out).toBe('SIGTSTP\nstopped {"kind":"stopped","signal":19}\nSIGCONT\n');
    expect((await run(['stopcont'], { input: 'x\n' })).status).toEqual(exited(0));
  });

  it('claimtty takes the terminal in the foreground and is stopped by SIGTTOU in the background', async () => {
    const r = await run(['claimtty']);
    expect(r.out).toBe('claimtty done\n');
    expect((await runInBackground('/bin/claimtty')).out).toBe('stopped 22\n');
  });

  it('stealtty leaves the terminal to a group that no longer exists', async () => {
    const r = await run(['stealtty']);
    expect(r.status).toEqual(exited(0));
    expect(r.events.some((e) => e.kind === 'tty' && e.what === 'foreground' && e.pgid === 102)).toBe(true);
  });

  it('hupimmune gives up after 60 s when its parent never changes', async () => {
    const r = await run(['hupimmune']);
    expect(r.status).toEqual(exited(1));
    expect(lastTime(r)).toBeGreaterThanOrEqual(60_000);
  });

  it('sigreport prints nothing for a child with clean dispositions and mask', async () => {
    expect((await run(['sigreport'])).out).toBe('');
  });

  it('selfkill SIG dies of SIG; an unknown name is refused with 2', async () => {
    expect((await run(['selfkill', 'TERM'])).status).toEqual(signaled(15));
    expect((await run(['selfkill', 'sigusr1'])).status).toEqual(signaled(10));
    const bad = await run(['selfkill', 'FOO']);
    expect(bad.out).toBe('selfkill: unknown signal: FOO\n');
    expect(bad.status).toEqual(exited(2));
  });

  it('readecho prints the line it reads with its suffix; in the background it stops with SIGTTIN', async () => {
    expect((await run(['readecho', '-sfx'], { input: 'hello\n' })).out).toBe('hello\nhello-sfx\n');
    expect((await runInBackground('/bin/readecho', ['x'])).out).toBe('stopped 21\n');
  });

  it('exitwith N [secs] exits N after the delay; a bad status gives 2', async () => {
    const r = await run(['exitwith', '7', '1.5']);
    expect(r.status).toEqual(exited(7));
    expect(lastTime(r)).toBeGreaterThanOrEqual(1500);
    const bad = await run(['exitwith', '300']);
    expect(bad.out).toBe('exitwith: bad status: 300\n');
    expect(bad.status).toEqual(exited(2));
  });

  it('has the shell lab names as aliases', () => {
    expect(PROGRAMS.get('/bin/myspin')).toBe(PROGRAMS.get('/bin/spin'));
    expect(PROGRAMS.get('/usr/bin/mysplit')).toBe(PROGRAMS.get('/bin/split'));
    expect(PROGRAMS.get('/bin/mystop')).toBe(PROGRAMS.get('/bin/selfstop'));
    expect(PROGRAMS.get('/bin/myint')).toBe(PROGRAMS.get('/bin/selfint'));
  });
});
