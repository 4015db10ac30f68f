// Scale and robustness of the simulated kernel: thousands of processes leave nothing behind;
// what it does not model fails the way a real system says so, never with a JavaScript exception.

import { describe, expect, it } from 'vitest';
import { hex, sys, waitRaw, world } from './helpers.js';
import { simShell } from './shell-helpers.js';

describe('scale', () => {
  it('10,000 processes fork, exit and are reaped; the tables hold only the living', async () => {
    const w = world();
    let reaped = 0;
    w.start(function* () {
      for (let i = 0; i < 10000; i++) {
        const c = yield* sys.fork(function* () { return i & 0xff; });
        if ((yield* waitRaw(c as number)) === (i & 0xff) << 8) reaped++;
      }
      return 0;
    });
    await w.settle();
    expect(reaped).toBe(10000);
    const k = w.machine.kernel;
    expect([...k.procs.keys()]).toEqual([1]);
    expect(k.groups.size).toBe(1);
    expect(k.sessions.size).toBe(1);
  });

  it('1,000 live processes at once, then all killed by their group: every one is reaped', async () => {
    const w = world();
    let reaped = 0;
    let live = 0;
    w.start(function* () {
      yield* sys.setpgid(0, 0);
      const g = yield* sys.fork(function* () {
        yield* sys.setpgid(0, 0);
        for (let i = 0; i < 1000; i++) yield* sys.fork(function* () { yield* sys.pause(); return 0; });
        for (;;) {
          const r = yield* sys.waitpid(-1);
          if (r instanceof sys.SysError) return 0;
        }
      });
      yield* sys.sleep(1);
      live = (yield* sys.procs()).length;
      yield* sys.kill(-(g as number), 9);
      yield* waitRaw(g as number);
      reaped = 1;
      return 0;
    });
    await w.advance(10);
    expect(live).toBe(1003);
    expect(reaped).toBe(1);
    await w.advance(10);
    expect([...w.machine.kernel.procs.keys()]).toEqual([1]);
  });
});

describe('what the simulator does not model', () => {
  it('a system call it does not model fails with ENOSYS and the call\'s name', async () => {
    const w = world();
    let r: sys.SysError | undefined;
    w.start(function* () {
      r = yield* sys.unknown('ptrace');
      return 0;
    });
    await w.settle();
    expect([r?.errno, r?.call, r?.toString()]).toEqual(['ENOSYS', 'ptrace', 'ptrace: Function not implemented']);
  });

  it('real-time signals are not modelled: kill fails with ENOSYS', async () => {
    const w = world();
    let r: unknown;
    w.start(function* () {
      r = yield* sys.kill(yield* sys.getpid(), 40);
      return 0;
    });
    await w.settle();
    expect(r).toMatchObject({ errno: 'ENOSYS' });
  });

  it('a simulated program that throws dies of SIGSEGV, as a crashing C program would', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      const c = yield* sys.fork(function* () {
        yield* sys.getpid();
        throw new Error('bug in a simulated program');
      });
      seen.push(hex(yield* waitRaw(c as number)));
      return 0;
    });
    await w.settle();
    expect(seen).toEqual(['0x000b']);
  });

  it('a program the simulator does not have is "command not found" (127), not a crash', async () => {
    const sh = simShell(['-c', 'python3 -c 1; echo st=$?']);
    expect(await sh.exited).toEqual({ kind: 'exited', code: 0 });
    expect(sh.output()).toBe('jcsh: line 1: python3: command not found\r\nst=127\r\n');
  });
});
