// Rule book section 5 (waitpid) and 9 (reparenting) on the simulated kernel.

import { describe, expect, it } from 'vitest';
import { forkGroup, hex, SIGS, sys, waitRaw, world } from './helpers.js';

describe('waitpid (section 5)', () => {
  it('W5.6: status words for exit, kill, stop and continue', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      const a = yield* sys.fork(function* () { return 3; });
      seen.push(hex(yield* waitRaw(a as number)));
      const b = yield* sys.fork(function* () { yield* sys.pause(); return 0; });
      yield* sys.kill(b as number, SIGS.TERM);
      seen.push(hex(yield* waitRaw(b as number)));
      const c = yield* sys.fork(function* () { yield* sys.pause(); return 0; });
      yield* sys.kill(c as number, SIGS.STOP);
      seen.push(hex(yield* waitRaw(c as number, { untraced: true })));
      yield* sys.kill(c as number, SIGS.CONT);
      seen.push(hex(yield* waitRaw(c as number, { continued: true })));
      yield* sys.kill(c as number, SIGS.KILL);
      seen.push(hex(yield* waitRaw(c as number)));
      return 0;
    });
    await w.settle();
    expect(seen).toEqual(['0x0300', '0x000f', '0x137f', '0xffff', '0x0009']);
  });

  it('W5.2/S5-a: waitpid(0) with the only child in another group is ECHILD at once, also with WNOHANG', async () => {
    const w = world();
    const seen: (string | number)[] = [];
    w.start(function* () {
      yield* forkGroup(function* () { yield* sys.sleep(1000); return 0; });
      seen.push(yield* waitRaw(0));
      seen.push(yield* waitRaw(0, { nohang: true }));
      seen.push(yield* waitRaw(-99999));
      seen.push(yield* waitRaw(-1, { nohang: true }));
      return 0;
    });
    await w.settle();
    expect(seen).toEqual(['ECHILD', 'ECHILD', 'ECHILD', 0]);
  });

  it('W5.8/S5-b: with SIGCHLD ignored, wait() returns ECHILD once the longest child is gone, and no zombie stays', async () => {
    const w = world();
    let result = '';
    let at = -1;
    w.start(function* () {
      yield* sys.signal(SIGS.CHLD, 'ignore');
      yield* sys.fork(function* () { yield* sys.sleep(200); return 0; });
      yield* sys.fork(function* () { yield* sys.sleep(500); return 0; });
      result = String(yield* waitRaw(-1));
      at = yield* sys.time();
      return 0;
    });
    await w.advance(1000);
    expect(result).toBe('ECHILD');
    expect(at).toBe(500);
    expect(w.events.filter((e) => e.kind === 'signal' && e.signal === SIGS.CHLD && e.to.comm === 'leader')).toEqual([]);
  });

  it('W5.9: three exits while SIGCHLD is blocked make one handler call that reaps all three', async () => {
    const w = world();
    let calls = 0;
    let reaped = 0;
    w.start(function* () {
      yield* sys.sigaction(SIGS.CHLD, {
        handler: function* () {
          calls++;
          for (;;) {
            const r = yield* sys.waitpid(-1, { nohang: true });
            if (r === 0 || r instanceof sys.SysError) break;
            reaped++;
          }
        },
        flags: { restart: true }, mask: [],
      });
      yield* sys.sigprocmask('block', [SIGS.CHLD]);
      for (let i = 0; i < 3; i++) yield* sys.fork(function* () { return i; });
      yield* sys.sleep(10);
      yield* sys.sigprocmask('unblock', [SIGS.CHLD]);
      yield* sys.sleep(10);
      return 0;
    });
    await w.advance(100);
    expect({ calls, reaped }).toEqual({ calls: 1, reaped: 3 });
  });

  it('W5.5: children are scanned oldest first', async () => {
    const w = world();
    const order: number[] = [];
    const pids: number[] = [];
    w.start(function* () {
      for (let i = 0; i < 3; i++) pids.push((yield* sys.fork(function* () { return i; })) as number);
      yield* sys.sleep(1);
      for (let i = 0; i < 3; i++) {
        const r = yield* sys.waitpid(-1);
        if (!(r instanceof sys.SysError) && r !== 0) order.push(r.pid);
      }
      return 0;
    });
    await w.advance(10);
    expect(order).toEqual(pids);
  });

  it('X9.2/S9-a: an orphan is adopted by init, which reaps it', async () => {
    const w = world();
    const ppids: number[] = [];
    let orphan = 0;
    w.start(function* () {
      const p = yield* sys.fork(function* () {
        orphan = (yield* sys.fork(function* () {
          ppids.push(yield* sys.getppid());
          yield* sys.sleep(100);
          ppids.push(yield* sys.getppid());
          return 7;
        })) as number;
        yield* sys.sleep(10);
        return 0;
      });
      yield* waitRaw(p as number);
      yield* sys.sleep(1000);
      return 0;
    });
    await w.advance(2000);
    expect(ppids[1]).toBe(1);
    expect(ppids[0]).not.toBe(1);
    const reaped = w.events.find((e) => e.kind === 'reaped' && e.who.pid === orphan);
    expect(reaped).toMatchObject({ by: 1, raw: 0x0700 });
  });
});
