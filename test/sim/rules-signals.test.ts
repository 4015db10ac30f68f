// Rule book section 4 (stop and continue, generation and delivery) on the simulated kernel.

import { describe, expect, it } from 'vitest';
import { forkGroup, hex, SIGS, sys, waitRaw, world } from './helpers.js';

describe('stop and continue (section 4)', () => {
  it('S4-a/G4.2: a blocked SIGTSTP left pending is removed by SIGCONT; the child never stops', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      const c = yield* forkGroup(function* () {
        yield* sys.sigprocmask('block', [SIGS.TSTP]);
        yield* sys.sleep(10);
        seen.push((yield* sys.sigpending()).join(','));
        yield* sys.sleep(10);
        seen.push((yield* sys.sigpending()).join(','));
        yield* sys.sigprocmask('unblock', [SIGS.TSTP]);
        return 0;
      });
      yield* sys.sleep(5);
      yield* sys.kill(c, SIGS.TSTP);
      yield* sys.sleep(10);
      yield* sys.kill(c, SIGS.CONT);
      seen.push(hex(yield* waitRaw(c, { untraced: true })));
      return 0;
    });
    await w.advance(100);
    expect(seen).toEqual([String(SIGS.TSTP), '', '0x0000']);
  });

  it('S4-b/G4.1: a pending SIGCONT is removed by a later stop signal', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      const c = yield* forkGroup(function* () {
        yield* sys.sigprocmask('block', [SIGS.CONT, SIGS.TTOU]);
        yield* sys.sleep(20);
        seen.push((yield* sys.sigpending()).join(','));
        yield* sys.signal(SIGS.TTOU, 'ignore');
        return 0;
      });
      yield* sys.sleep(5);
      yield* sys.kill(c, SIGS.CONT);
      yield* sys.kill(c, SIGS.TTOU);
      yield* waitRaw(c);
      return 0;
    });
    await w.advance(100);
    expect(seen).toEqual([String(SIGS.TTOU)]);
  });

  it('S4-c/G4.6: a signal to a stopped process stays pending until SIGCONT; SIGKILL kills at once', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      const a = yield* forkGroup(function* () { yield* sys.pause(); return 0; });
      yield* sys.kill(a, SIGS.STOP);
      seen.push(hex(yield* waitRaw(a, { untraced: true })));
      yield* sys.kill(a, SIGS.TERM);
      seen.push((yield* sys.procs()).find((p) => p.pid === a)!.state);
      yield* sys.kill(a, SIGS.CONT);
      seen.push(hex(yield* waitRaw(a)));
      const b = yield* forkGroup(function* () { yield* sys.pause(); return 0; });
      yield* sys.kill(b, SIGS.STOP);
      yield* waitRaw(b, { untraced: true });
      yield* sys.kill(b, SIGS.KILL);
      seen.push(hex(yield* waitRaw(b)));
      return 0;
    });
    await w.settle();
    expect(seen).toEqual(['0x137f', 'T', '0x000f', '0x0009']);
  });

  it('G4.7: a stopped job sent HUP, CONT, TERM, CONT dies of SIGTERM', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      const a = yield* forkGroup(function* () { yield* sys.pause(); return 0; });
      yield* sys.kill(a, SIGS.STOP);
      yield* waitRaw(a, { untraced: true });
      for (const s of [SIGS.HUP, SIGS.CONT, SIGS.TERM, SIGS.CONT]) yield* sys.kill(-a, s);
      seen.push(hex(yield* waitRaw(a)));
      return 0;
    });
    await w.settle();
    expect(seen).toEqual(['0x000f']);
  });

  it('S4-d/R4.3/R4.4: an orphaned process ignores its own SIGTSTP but stops on SIGSTOP', async () => {
    const w = world();
    const seen: string[] = [];
    let orphan = 0;
    w.start(function* () {
      const mid = yield* sys.fork(function* () {
        orphan = yield* forkGroup(function* () {
          yield* sys.sleep(10);
          yield* sys.kill(yield* sys.getpid(), SIGS.TSTP);
          seen.push('survived TSTP');
          yield* sys.kill(yield* sys.getpid(), SIGS.STOP);
          seen.push('continued');
          return 0;
        });
        return 0;
      });
      yield* waitRaw(mid as number);
      yield* sys.sleep(100);
      return 0;
    });
    await w.advance(50);
    expect(seen).toEqual(['survived TSTP']);
    expect(w.machine.processes().find((p) => p.pid === orphan)?.state).toBe('T');
  });

  it('R4.6/S5-d: with SA_NOCLDSTOP only the death sends SIGCHLD, yet WUNTRACED and WCONTINUED still report', async () => {
    const w = world();
    let chld = 0;
    const seen: string[] = [];
    w.start(function* () {
      yield* sys.sigaction(SIGS.CHLD, { handler: function* () { chld++; }, flags: { noCldStop: true, restart: true }, mask: [] });
      const a = yield* forkGroup(function* () { yield* sys.pause(); return 0; });
      yield* sys.kill(a, SIGS.STOP);
      seen.push(hex(yield* waitRaw(a, { untraced: true })));
      yield* sys.kill(a, SIGS.CONT);
      seen.push(hex(yield* waitRaw(a, { continued: true })));
      yield* sys.kill(a, SIGS.KILL);
      seen.push(hex(yield* waitRaw(a)));
      yield* sys.sleep(1);
      return 0;
    });
    await w.advance(10);
    expect(seen).toEqual(['0x137f', '0xffff', '0x0009']);
    expect(chld).toBe(1);
  });

  it('R4.7: SIGKILL and SIGSTOP cannot be caught, ignored or blocked', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      const r = yield* sys.signal(SIGS.KILL, 'ignore');
      seen.push(r instanceof sys.SysError ? r.errno : 'ok');
      const r2 = yield* sys.signal(SIGS.STOP, function* () {});
      seen.push(r2 instanceof sys.SysError ? r2.errno : 'ok');
      yield* sys.sigprocmask('block', [SIGS.KILL, SIGS.STOP, SIGS.USR1]);
      seen.push((yield* sys.sigprocmask('block', null)).join(','));
      return 0;
    });
    await w.settle();
    expect(seen).toEqual(['EINVAL', 'EINVAL', String(SIGS.USR1)]);
  });

  it('G4.4: a standard signal does not queue: two while blocked make one handler call', async () => {
    const w = world();
    let calls = 0;
    w.start(function* () {
      yield* sys.sigaction(SIGS.USR1, { handler: function* () { calls++; }, flags: {}, mask: [] });
      yield* sys.sigprocmask('block', [SIGS.USR1]);
      const me = yield* sys.getpid();
      yield* sys.kill(me, SIGS.USR1);
      yield* sys.kill(me, SIGS.USR1);
      yield* sys.sigprocmask('unblock', [SIGS.USR1]);
      yield* sys.getpid();
      return 0;
    });
    await w.settle();
    expect(calls).toBe(1);
  });

  it('SA_RESETHAND: the second signal gets the default action', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      const a = yield* sys.fork(function* () {
        yield* sys.sigaction(SIGS.USR1, { handler: function* () { seen.push('caught'); }, flags: { resetHand: true }, mask: [] });
        for (;;) yield* sys.pause();
      });
      yield* sys.sleep(1);
      yield* sys.kill(a as number, SIGS.USR1);
      yield* sys.sleep(1);
      yield* sys.kill(a as number, SIGS.USR1);
      seen.push(hex(yield* waitRaw(a as number)));
      return 0;
    });
    await w.advance(10);
    expect(seen).toEqual(['caught', '0x000a']);
  });

  it('SIGPIPE: writing to a pipe with no reader kills with SIGPIPE, or fails with EPIPE when it is ignored', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      for (const ignore of [false, true]) {
        const fds = yield* sys.pipe();
        if (fds instanceof sys.SysError) return 1;
        const c = yield* sys.fork(function* () {
          if (ignore) yield* sys.signal(SIGS.PIPE, 'ignore');
          yield* sys.close(fds[0]);
          const r = yield* sys.write(fds[1], 'x');
          seen.push(r instanceof sys.SysError ? r.errno : String(r));
          return 0;
        });
        yield* sys.close(fds[0]);
        yield* sys.close(fds[1]);
        seen.push(hex(yield* waitRaw(c as number)));
      }
      return 0;
    });
    await w.settle();
    expect(seen).toEqual(['0x000d', 'EPIPE', '0x0000']);
  });
});
