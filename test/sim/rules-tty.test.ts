// Rule book sections 1-3 on the simulated terminal driver: background reads (SIGTTIN),
// background writes and terminal changes (SIGTTOU, TOSTOP), keyboard signals and line editing.

import { describe, expect, it } from 'vitest';
import { SANE } from '../../src/os/sim/tty/termios.js';
import { forkGroup, hex, SIGS, sys, waitRaw, world } from './helpers.js';

const text = (r: Uint8Array | sys.SysError): string => (r instanceof sys.SysError ? r.errno : new TextDecoder().decode(r));

describe('background reads (section 1)', () => {
  it('S1-a/R1.4c: a background read stops the whole group, the member that never read included', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      const a = yield* forkGroup(function* () {
        yield* sys.fork(function* () { yield* sys.pause(); return 0; });
        yield* sys.read(0);
        return 0;
      });
      seen.push(hex(yield* waitRaw(a, { untraced: true })));
      const b = (yield* sys.procs()).find((p) => p.ppid === a)!;
      seen.push(b.state);
      yield* sys.kill(-a, SIGS.KILL);
      return 0;
    });
    await w.settle();
    expect(seen).toEqual(['0x157f', 'T']);
  });

  it('S1-b/R1.4a: a background reader that blocks or ignores SIGTTIN gets EIO and nothing stays pending', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      const a = yield* forkGroup(function* () {
        yield* sys.sigprocmask('block', [SIGS.TTIN]);
        seen.push(text(yield* sys.read(0)));
        seen.push((yield* sys.sigpending()).join(','));
        yield* sys.sigprocmask('unblock', [SIGS.TTIN]);
        yield* sys.signal(SIGS.TTIN, 'ignore');
        seen.push(text(yield* sys.read(0)));
        return 0;
      });
      seen.push(hex(yield* waitRaw(a, { untraced: true })));
      return 0;
    });
    await w.settle();
    expect(seen).toEqual(['EIO', '', 'EIO', '0x0000']);
  });

  it('S1-c/R1.4b: a reader in an orphaned group gets EIO, and its own SIGTSTP does nothing (R4.4)', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      const mid = yield* sys.fork(function* () {
        yield* forkGroup(function* () {
          yield* sys.sleep(10);
          seen.push(text(yield* sys.read(0)));
          yield* sys.kill(0, SIGS.TSTP);
          seen.push('still running');
          return 0;
        });
        return 0;
      });
      yield* waitRaw(mid as number);
      yield* sys.sleep(100);
      return 0;
    });
    await w.advance(200);
    expect(seen).toEqual(['EIO', 'still running']);
  });

  it('S1-d/R1.6: a reader asleep in read() when its group leaves the foreground gets the next line, no SIGTTIN', async () => {
    const w = world();
    const seen: string[] = [];
    let shell = 0;
    w.start(function* () {
      shell = yield* sys.getpid();
      yield* sys.signal(SIGS.TTOU, 'ignore');
      const f = yield* forkGroup(function* () {
        seen.push(text(yield* sys.read(0)));
        return 0;
      });
      yield* sys.tcsetpgrp(0, f);
      yield* sys.sleep(10);
      yield* sys.tcsetpgrp(0, shell);
      seen.push(hex(yield* waitRaw(f, { untraced: true })));
      return 0;
    });
    await w.advance(20);
    w.machine.type('abc\n');
    await w.settle();
    expect(seen).toEqual(['abc\n', '0x0000']);
    expect(w.events.some((e) => e.kind === 'signal' && e.signal === SIGS.TTIN)).toBe(false);
  });

  it('R1.4c: a handler without SA_RESTART makes the read fail with EINTR; after the continue a stopped read is checked again', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      const a = yield* forkGroup(function* () {
        yield* sys.sigaction(SIGS.TTIN, { handler: function* () { seen.push('handler'); }, flags: {}, mask: [] });
        seen.push(text(yield* sys.read(0)));
        return 0;
      });
      seen.push(hex(yield* waitRaw(a)));
      const b = yield* forkGroup(function* () {
        seen.push(text(yield* sys.read(0)));
        return 0;
      });
      seen.push(hex(yield* waitRaw(b, { untraced: true })));
      yield* sys.signal(SIGS.TTOU, 'ignore');
      yield* sys.tcsetpgrp(0, b);
      yield* sys.kill(-b, SIGS.CONT);
      seen.push(hex(yield* waitRaw(b, { untraced: true })));
      return 0;
    });
    await w.settle();
    w.machine.type('line\n');
    await w.settle();
    expect(seen).toEqual(['handler', 'EINTR', '0x0000', '0x157f', 'line\n', '0x0000']);
  });
});

describe('background writes and terminal changes (section 2)', () => {
  it('S2-a/W2.2: without TOSTOP a background write is written; with it the writer stops with SIGTTOU', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      const a = yield* forkGroup(function* () { yield* sys.write(1, 'x\n'); return 0; });
      seen.push(hex(yield* waitRaw(a, { untraced: true })));
      yield* sys.tcsetattr(0, 'drain', { ...SANE, tostop: true });
      const b = yield* forkGroup(function* () { yield* sys.write(1, 'y\n'); return 0; });
      seen.push(hex(yield* waitRaw(b, { untraced: true })));
      yield* sys.kill(-b, SIGS.KILL);
      return 0;
    });
    await w.settle();
    expect(seen).toEqual(['0x0000', '0x167f']);
    expect(w.machine.output()).toBe('x\r\n');
  });

  it('S2-b/W2.3: tcsetattr from the background stops with SIGTTOU even with TOSTOP clear; tcgetattr does not (W2.4)', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      const a = yield* forkGroup(function* () {
        const t = yield* sys.tcgetattr(0);
        if (t instanceof sys.SysError) return 9;
        yield* sys.tcsetattr(0, 'now', { ...t, echo: false });
        return 0;
      });
      seen.push(hex(yield* waitRaw(a, { untraced: true })));
      yield* sys.kill(-a, SIGS.KILL);
      return 0;
    });
    await w.settle();
    expect(seen).toEqual(['0x167f']);
  });

  it('S2-c/W2.1: a background process that ignores SIGTTOU can take the foreground', async () => {
    const w = world();
    const seen: (string | number)[] = [];
    w.start(function* () {
      const a = yield* forkGroup(function* () {
        yield* sys.signal(SIGS.TTOU, 'ignore');
        const r = yield* sys.tcsetpgrp(0, yield* sys.getpgrp());
        seen.push(r instanceof sys.SysError ? r.errno : r);
        return 0;
      });
      yield* waitRaw(a);
      seen.push((yield* sys.tcgetpgrp(0)) === a ? 'stolen' : 'not stolen');
      return 0;
    });
    await w.settle();
    expect(seen).toEqual([0, 'stolen']);
  });

  it('S2-d/W2.5: in an orphaned group, write under TOSTOP and tcsetattr fail with EIO, tcsetpgrp with ENOTTY, read with EIO', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      yield* sys.tcsetattr(0, 'drain', { ...SANE, tostop: true });
      const mid = yield* sys.fork(function* () {
        yield* forkGroup(function* () {
          yield* sys.sleep(10);
          const e = (r: unknown) => (r instanceof sys.SysError ? r.errno : String(r));
          seen.push(e(yield* sys.write(1, 'x')));
          seen.push(e(yield* sys.tcsetattr(0, 'now', SANE)));
          seen.push(e(yield* sys.tcsetpgrp(0, yield* sys.getpgrp())));
          seen.push(text(yield* sys.read(0)));
          return 0;
        });
        return 0;
      });
      yield* waitRaw(mid as number);
      yield* sys.sleep(100);
      return 0;
    });
    await w.advance(200);
    expect(seen).toEqual(['EIO', 'EIO', 'ENOTTY', 'EIO']);
  });
});

describe('keyboard signals and line editing (section 3)', () => {
  it('S3-a/K3.3/K3.4: ^C is echoed as ^C and flushes the typed-ahead part of a line unless NOFLSH is set', async () => {
    for (const noflsh of [false, true]) {
      const w = world();
      const got: string[] = [];
      w.start(function* () {
        yield* sys.tcsetattr(0, 'drain', { ...SANE, noflsh });
        yield* sys.sigaction(SIGS.INT, { handler: function* () {}, flags: { restart: true }, mask: [] });
        got.push(text(yield* sys.read(0)));
        return 0;
      });
      await w.settle();
      w.machine.type('abc\x03xyz\n');
      await w.settle();
      expect(got).toEqual([noflsh ? 'abcxyz\n' : 'xyz\n']);
      expect(w.machine.output()).toBe('abc^Cxyz\r\n');
    }
  });

  it('S3-b/K3.1: ^C reaches the foreground group only', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      yield* sys.signal(SIGS.INT, 'ignore');
      const bg = yield* forkGroup(function* () { yield* sys.pause(); return 0; });
      yield* sys.sleep(10);
      seen.push((yield* waitRaw(bg, { nohang: true })) === 0 ? 'bg job untouched' : 'bg job changed');
      yield* sys.kill(bg, SIGS.KILL);
      return 0;
    });
    await w.advance(5);
    w.machine.type('\x03');
    await w.advance(10);
    expect(seen).toEqual(['bg job untouched']);
    expect(w.events.some((e) => e.kind === 'signal' && e.signal === SIGS.INT && e.to.comm === 'leader')).toBe(true);
  });

  it('S3-c/K3.5: ^Z stops the foreground job (0x147f) and the terminal keeps it as foreground group', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      yield* sys.signal(SIGS.TTOU, 'ignore');
      const j = yield* forkGroup(function* () { yield* sys.pause(); return 0; });
      yield* sys.tcsetpgrp(0, j);
      seen.push(hex(yield* waitRaw(j, { untraced: true })));
      seen.push((yield* sys.tcgetpgrp(0)) === j ? 'job still fg' : 'changed');
      yield* sys.kill(-j, SIGS.KILL);
      return 0;
    });
    await w.settle();
    w.machine.type('\x1a');
    await w.settle();
    expect(seen).toEqual(['0x147f', 'job still fg']);
    expect(w.machine.output()).toBe('^Z');
  });

  it('S3-d: ^\\ kills the foreground job with SIGQUIT (0x0003 without a core limit)', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      yield* sys.signal(SIGS.TTOU, 'ignore');
      const j = yield* forkGroup(function* () { yield* sys.pause(); return 0; });
      yield* sys.tcsetpgrp(0, j);
      seen.push(hex(yield* waitRaw(j)));
      return 0;
    });
    await w.settle();
    w.machine.type('\x1c');
    await w.settle();
    expect(seen).toEqual(['0x0003']);
  });

  it('K3.6: with ISIG clear ^C is data', async () => {
    const w = world();
    const got: string[] = [];
    w.start(function* () {
      yield* sys.tcsetattr(0, 'drain', { ...SANE, isig: false });
      got.push(text(yield* sys.read(0)));
      return 0;
    });
    await w.settle();
    w.machine.type('\x03\n');
    await w.settle();
    expect(got).toEqual(['\x03\n']);
  });

  it('canonical editing: erase and kill, ^D ends a partial line without its newline, ^D alone is end of file', async () => {
    const w = world();
    const got: string[] = [];
    w.start(function* () {
      for (let i = 0; i < 3; i++) got.push(text(yield* sys.read(0)));
      return 0;
    });
    await w.settle();
    w.machine.type('abd\x7fc\n');
    w.machine.type('junk\x15ok\x04');
    w.machine.type('\x04');
    await w.settle();
    expect(got).toEqual(['abc\n', 'ok', '']);
  });

  it('input typed while non-canonical becomes one line when canonical mode comes back (n_tty_set_termios)', async () => {
    const w = world();
    const got: string[] = [];
    w.start(function* () {
      yield* sys.tcsetattr(0, 'drain', { ...SANE, icanon: false, echo: false });
      yield* sys.sleep(10);
      yield* sys.tcsetattr(0, 'drain', SANE);
      got.push(text(yield* sys.read(0)));
      return 0;
    });
    await w.advance(5);
    w.machine.type('ls');
    await w.advance(10);
    expect(got).toEqual(['ls']);
  });
});
