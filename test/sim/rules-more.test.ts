// The rest of the rule book's ids on the simulated kernel: the cases where no check happens,
// what generation throws away, waitpid's selection, TIOCSCTTY and TIOCNOTTY.

import { describe, expect, it } from 'vitest';
import { forkGroup, hex, SIGS, sys, waitRaw, world } from './helpers.js';

const errno = (r: unknown): string => (r instanceof sys.SysError ? r.errno : String(r));
const text = (r: Uint8Array | sys.SysError): string => (r instanceof sys.SysError ? r.errno : new TextDecoder().decode(r));

describe('no job-control check (R1.1-R1.3)', () => {
  it('R1.1: a process of another session reads the terminal as an ordinary file, no SIGTTIN', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      const c = yield* sys.fork(function* () {
        yield* sys.setsid();
        seen.push(text(yield* sys.read(0)));
        return 0;
      });
      seen.push(hex(yield* waitRaw(c as number, { untraced: true })));
      return 0;
    });
    await w.settle();
    w.machine.type('line\n');
    await w.settle();
    expect(seen).toEqual(['line\n', '0x0000']);
  });

  it('R1.2 (with R1.1): once the session has given the terminal up (no foreground group), a read is not checked', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      // The leader's TIOCNOTTY sends SIGHUP and SIGCONT to the foreground group: its own.
      yield* sys.signal(SIGS.HUP, 'ignore');
      const c = yield* forkGroup(function* () {
        yield* sys.sleep(10);
        seen.push(text(yield* sys.read(0)));
        return 0;
      });
      yield* sys.tiocnotty(0);
      seen.push(hex(yield* waitRaw(c, { untraced: true })));
      return 0;
    });
    await w.advance(20);
    w.machine.type('x\n');
    await w.advance(20);
    expect(seen).toEqual(['x\n', '0x0000']);
  });

  it('R1.3/R1.7: the foreground group reads queued input; a background reader never takes it, even when it is queued', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      const bg = yield* forkGroup(function* () {
        seen.push(`bg:${text(yield* sys.read(0))}`);
        return 0;
      });
      seen.push(hex(yield* waitRaw(bg, { untraced: true })));
      seen.push(`fg:${text(yield* sys.read(0))}`);
      yield* sys.kill(-bg, SIGS.KILL);
      return 0;
    });
    w.machine.type('queued\n');
    await w.settle();
    expect(seen).toEqual(['0x157f', 'fg:queued\n']);
  });

  it('R1.5: O_NONBLOCK does not exempt a background read from SIGTTIN', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      const bg = yield* forkGroup(function* () {
        const fd = yield* sys.open('/dev/tty', { read: true, nonblock: true });
        yield* sys.read(fd as number);
        return 0;
      });
      seen.push(hex(yield* waitRaw(bg, { untraced: true })));
      yield* sys.kill(-bg, SIGS.KILL);
      return 0;
    });
    await w.settle();
    expect(seen).toEqual(['0x157f']);
  });

  it('W2.4: TIOCSWINSZ and tcgetattr from the background need no check (TIOCSWINSZ sends SIGWINCH to the foreground)', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      yield* sys.sigaction(SIGS.WINCH, { handler: function* () { seen.push('leader got SIGWINCH'); }, flags: { restart: true }, mask: [] });
      const bg = yield* forkGroup(function* () {
        seen.push(errno(yield* sys.tiocswinsz(0, { rows: 40, cols: 100 })));
        seen.push(typeof (yield* sys.tcgetattr(0)) === 'object' ? 'termios' : 'error');
        return 0;
      });
      seen.push(hex(yield* waitRaw(bg, { untraced: true })));
      return 0;
    });
    await w.settle();
    expect(seen).toEqual(['0', 'termios', 'leader got SIGWINCH', '0x0000']);
    expect(w.machine.tty.winsize).toEqual({ rows: 40, cols: 100 });
  });
});

describe('generation and delivery', () => {
  it('K3.2: a keyboard signal character is never queued as input', async () => {
    const w = world();
    const got: string[] = [];
    w.start(function* () {
      yield* sys.tcsetattr(0, 'drain', { ...(yield* sys.tcgetattr(0)) as sys.Termios, noflsh: true });
      yield* sys.sigaction(SIGS.INT, { handler: function* () {}, flags: { restart: true }, mask: [] });
      got.push(text(yield* sys.read(0)));
      return 0;
    });
    await w.settle();
    w.machine.type('a\x03b\n');
    await w.settle();
    expect(got).toEqual(['ab\n']);
  });

  it('G4.3/G4.5: an ignored signal is thrown away at once; ignoring a pending one discards it', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      yield* sys.signal(SIGS.USR1, 'ignore');
      yield* sys.kill(yield* sys.getpid(), SIGS.USR1);
      seen.push((yield* sys.sigpending()).join(',') || 'none pending');
      yield* sys.signal(SIGS.USR1, 'default');
      yield* sys.sigprocmask('block', [SIGS.USR1]);
      yield* sys.kill(yield* sys.getpid(), SIGS.USR1);
      seen.push((yield* sys.sigpending()).join(','));
      yield* sys.signal(SIGS.USR1, 'ignore');
      seen.push((yield* sys.sigpending()).join(',') || 'none pending');
      return 0;
    });
    await w.settle();
    expect(seen).toEqual(['none pending', String(SIGS.USR1), 'none pending']);
    expect(w.events.some((e) => e.kind === 'discard' && e.signal === SIGS.USR1 && e.why === 'ignored')).toBe(true);
  });

  it('R4.1/R4.2: a handler runs and the process goes on; the default action of SIGTERM ends it (0x000f)', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      const a = yield* sys.fork(function* () {
        yield* sys.sigaction(SIGS.TERM, { handler: function* () { seen.push('handled'); }, flags: {}, mask: [] });
        yield* sys.pause();
        return 5;
      });
      yield* sys.sleep(1);
      yield* sys.kill(a as number, SIGS.TERM);
      seen.push(hex(yield* waitRaw(a as number)));
      const b = yield* sys.fork(function* () { yield* sys.pause(); return 0; });
      yield* sys.sleep(1);
      yield* sys.kill(b as number, SIGS.TERM);
      seen.push(hex(yield* waitRaw(b as number)));
      return 0;
    });
    await w.advance(10);
    expect(seen).toEqual(['handled', '0x0500', '0x000f']);
  });

  it('W5.1/W5.3: waitpid(-pgid) selects by group; WNOHANG with a live match returns 0', async () => {
    const w = world();
    const seen: (number | string)[] = [];
    w.start(function* () {
      const g = yield* forkGroup(function* () { yield* sys.sleep(5); return 1; });
      const other = yield* sys.fork(function* () { return 2; });
      yield* sys.sleep(1);
      seen.push(yield* waitRaw(-g, { nohang: true }));
      const r = yield* sys.waitpid(-g);
      seen.push(r instanceof sys.SysError || r === 0 ? 'none' : r.pid === g ? 'the group member' : 'another child');
      seen.push(hex(yield* waitRaw(other as number)));
      return 0;
    });
    await w.advance(20);
    expect(seen).toEqual([0, 'the group member', '0x0200']);
  });
});

describe('the controlling terminal (C6.2, TIOCNOTTY)', () => {
  it('C6.2: TIOCSCTTY needs a session leader without a terminal, and a terminal no session owns', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      seen.push(errno(yield* sys.tiocsctty(0)));
      const c = yield* sys.fork(function* () {
        seen.push(errno(yield* sys.tiocsctty(0)));
        yield* sys.setsid();
        seen.push(errno(yield* sys.tiocsctty(0)));
        return 0;
      });
      yield* waitRaw(c as number);
      return 0;
    });
    await w.settle();
    expect(seen).toEqual(['0', 'EPERM', 'EPERM']);
  });

  it('TIOCNOTTY by a member drops only its own terminal, without signals', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      const c = yield* sys.fork(function* () {
        seen.push(errno(yield* sys.tiocnotty(0)));
        seen.push(errno(yield* sys.open('/dev/tty', { read: true })));
        return 0;
      });
      yield* waitRaw(c as number);
      seen.push(errno(yield* sys.tcgetpgrp(0)) === String(yield* sys.getpgrp()) ? 'leader keeps it' : 'lost');
      return 0;
    });
    await w.settle();
    expect(seen).toEqual(['0', 'ENXIO', 'leader keeps it']);
    expect(w.events.some((e) => e.kind === 'signal' && e.signal === SIGS.HUP)).toBe(false);
  });
});

describe('more of sections 2, 3, 4 and 9', () => {
  it('K3.7: ^Z to an orphaned foreground group is thrown away at delivery; a handler still runs', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      yield* sys.signal(SIGS.TTOU, 'ignore');
      const mid = yield* sys.fork(function* () {
        const g = yield* forkGroup(function* () {
          yield* sys.sleep(10);
          yield* sys.sigaction(SIGS.TSTP, { handler: function* () { seen.push('handler ran'); }, flags: { restart: true }, mask: [] });
          yield* sys.sleep(30);
          yield* sys.signal(SIGS.TSTP, 'default');
          yield* sys.sleep(30);
          seen.push('still running');
          return 0;
        });
        yield* sys.signal(SIGS.TTOU, 'ignore');
        yield* sys.tcsetpgrp(0, g);
        return 0;
      });
      yield* waitRaw(mid as number);
      yield* sys.sleep(1000);
      return 0;
    });
    await w.advance(20);
    w.machine.type('\x1a');
    await w.advance(30);
    w.machine.type('\x1a');
    await w.advance(100);
    expect(seen).toEqual(['handler ran', 'still running']);
  });

  it('R4.5: a stop is reported once; a continue then a new stop shows only the new stop; a stop then death only the death', async () => {
    const w = world();
    const seen: (string | number)[] = [];
    w.start(function* () {
      const a = yield* forkGroup(function* () { for (;;) yield* sys.pause(); });
      yield* sys.kill(a, SIGS.STOP);
      yield* sys.sleep(1);
      seen.push(hex(yield* waitRaw(a, { untraced: true, nohang: true })));
      seen.push(yield* waitRaw(a, { untraced: true, nohang: true }));
      yield* sys.kill(a, SIGS.CONT);
      yield* sys.kill(a, SIGS.TSTP);
      yield* sys.sleep(1);
      seen.push(hex(yield* waitRaw(a, { untraced: true, continued: true, nohang: true })));
      seen.push(yield* waitRaw(a, { untraced: true, continued: true, nohang: true }));
      yield* sys.kill(a, SIGS.CONT);
      yield* sys.kill(a, SIGS.STOP);
      yield* sys.sleep(1);
      yield* sys.kill(a, SIGS.KILL);
      yield* sys.sleep(1);
      seen.push(hex(yield* waitRaw(a, { untraced: true, continued: true })));
      return 0;
    });
    await w.advance(20);
    expect(seen).toEqual(['0x137f', 0, '0x147f', 0, '0x0009']);
  });

  it('W2.6: in an orphaned group with SIGTTOU ignored, write under TOSTOP, tcsetattr and tcsetpgrp all succeed', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      const t = (yield* sys.tcgetattr(0)) as sys.Termios;
      yield* sys.tcsetattr(0, 'drain', { ...t, tostop: true });
      const mid = yield* sys.fork(function* () {
        yield* forkGroup(function* () {
          yield* sys.signal(SIGS.TTOU, 'ignore');
          yield* sys.sleep(10);
          seen.push(errno(yield* sys.write(1, 'w')));
          seen.push(errno(yield* sys.tcsetattr(0, 'now', t)));
          seen.push(errno(yield* sys.tcsetpgrp(0, yield* sys.getpgrp())));
          return 0;
        });
        return 0;
      });
      yield* waitRaw(mid as number);
      yield* sys.sleep(100);
      return 0;
    });
    await w.advance(200);
    expect(seen).toEqual(['1', '0', '0']);
  });

  it('X9.1/X9.3: an exit disowns the terminal, reparents the children (appended to init\'s list), checks the groups, then leaves a zombie', async () => {
    const w = world();
    let leader = 0;
    w.start(function* () {
      leader = yield* sys.getpid();
      // It is in the leader's (foreground) group, which gets SIGHUP when the leader exits (H8.1).
      yield* sys.fork(function* () { yield* sys.signal(SIGS.HUP, 'ignore'); for (;;) yield* sys.pause(); });
      yield* sys.sleep(5);
      return 0;
    });
    await w.advance(10);
    const kinds = w.events.filter((e) => ['tty', 'reparent', 'exit'].includes(e.kind) && (e.kind !== 'tty' || e.what === 'lost-ctty')).map((e) => e.kind);
    expect(kinds.slice(-3)).toEqual(['tty', 'reparent', 'exit']);
    const init = w.machine.kernel.procs.get(1)!;
    expect(init.children.map((c) => c.ppid)).toEqual([1]);
    expect(init.children.at(-1)!.pid).not.toBe(leader);
  });
});
