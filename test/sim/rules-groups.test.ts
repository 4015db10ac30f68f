// Rule book sections 6 (groups, sessions, the controlling terminal), 7 (orphaned groups at
// exit) and 8 (hang-up) on the simulated kernel.

import { describe, expect, it } from 'vitest';
import { SANE } from '../../src/os/sim/tty/termios.js';
import { forkGroup, hex, SIGS, sys, waitRaw, world } from './helpers.js';

const errno = (r: unknown): string => (r instanceof sys.SysError ? r.errno : String(r));

/** A child that records the signals it gets (HUP, CONT) and otherwise sleeps. */
function* recorder(log: string[], name: string, stopFirst = false): sys.Code {
  for (const s of [SIGS.HUP, SIGS.CONT]) {
    yield* sys.sigaction(s, { handler: function* (sig) { log.push(`${name}:${sig === SIGS.HUP ? 'HUP' : 'CONT'}`); }, flags: { restart: true }, mask: [] });
  }
  if (stopFirst) yield* sys.kill(yield* sys.getpid(), SIGS.STOP);
  for (;;) yield* sys.pause();
}

describe('groups and sessions (section 6)', () => {
  it('S6-a: setpgid on a child that has exec\'d is EACCES', async () => {
    const w = world({ idle: function* () { for (;;) yield* sys.pause(); } });
    const seen: string[] = [];
    w.start(function* () {
      const c = yield* sys.fork(function* () { return (yield* sys.execve('/bin/idle', ['idle'])) ? 1 : 0; });
      yield* sys.sleep(1);
      seen.push(errno(yield* sys.setpgid(c as number, 0)));
      yield* sys.kill(c as number, SIGS.KILL);
      return 0;
    });
    await w.advance(5);
    expect(seen).toEqual(['EACCES']);
  });

  it('S6-b: setsid is EPERM while a process is still in the group named by the caller\'s pid', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      const p = yield* sys.fork(function* () {
        yield* sys.setpgid(0, 0);
        const q = yield* sys.fork(function* () { yield* sys.sleep(10); return 0; });
        const leaderPgrp = yield* sys.getpgid(yield* sys.getppid());
        seen.push(errno(yield* sys.setpgid(0, leaderPgrp as number)));
        seen.push(errno(yield* sys.setsid()));
        yield* waitRaw(q as number);
        const me = yield* sys.getpid();
        seen.push(errno(yield* sys.setsid()) === String(me) ? 'new session' : 'failed');
        return 0;
      });
      yield* waitRaw(p as number);
      return 0;
    });
    await w.advance(50);
    expect(seen).toEqual(['0', 'EPERM', 'new session']);
  });

  it('S6-c: setpgid to a non-leader sibling is EPERM; tcsetpgrp to a non-leader pid of the session succeeds (Linux quirk)', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      yield* sys.signal(SIGS.TTOU, 'ignore');
      const a = yield* forkGroup(function* () { yield* sys.pause(); return 0; });
      const b = yield* sys.fork(function* () { yield* sys.pause(); return 0; });
      const c = yield* sys.fork(function* () { yield* sys.pause(); return 0; });
      seen.push(errno(yield* sys.setpgid(c as number, b as number)));
      seen.push(errno(yield* sys.tcsetpgrp(0, b as number)));
      seen.push(String((yield* sys.tcgetpgrp(0)) === b));
      seen.push(errno(yield* sys.tcsetpgrp(0, 99999)));
      seen.push(errno(yield* sys.tcsetpgrp(0, -5)));
      for (const p of [a, b as number, c as number]) yield* sys.kill(p, SIGS.KILL);
      return 0;
    });
    await w.settle();
    expect(seen).toEqual(['EPERM', '0', 'true', 'ESRCH', 'EINVAL']);
  });

  it('W5.7/S5-c: an unreaped zombie keeps its group alive for setpgid and kill', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      const g = yield* forkGroup(function* () { return 0; });
      const other = yield* sys.fork(function* () { yield* sys.pause(); return 0; });
      yield* sys.sleep(1);
      seen.push(errno(yield* sys.setpgid(other as number, g)));
      seen.push(errno(yield* sys.kill(-g, 0)));
      yield* waitRaw(g);
      yield* sys.kill(other as number, SIGS.KILL);
      yield* waitRaw(other as number);
      seen.push(errno(yield* sys.kill(-g, 0)));
      return 0;
    });
    await w.advance(10);
    expect(seen).toEqual(['0', '0', 'ESRCH']);
  });

  it('C6.1/S6-d: a session leader gets a controlling terminal by opening it for reading, not for writing only', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      const c = yield* sys.fork(function* () {
        yield* sys.setsid();
        seen.push(errno(yield* sys.open('/dev/tty', { read: true })));
        const wr = yield* sys.open('/dev/pts/0', { write: true });
        seen.push(errno(yield* sys.tcgetpgrp(wr as number)));
        return 0;
      });
      yield* waitRaw(c as number);
      return 0;
    });
    await w.settle();
    expect(seen).toEqual(['ENXIO', 'ENOTTY']);
  });
});

describe('orphaned groups at exit (section 7)', () => {
  it('S7-a/O7.1a/O7.2: the job\'s last link exits; the group with a stopped member gets HUP then CONT, and all members get both', async () => {
    const w = world();
    const log: string[] = [];
    w.start(function* () {
      const j = yield* forkGroup(function* () {
        yield* sys.fork(() => recorder(log, 'K', true));
        yield* sys.fork(() => recorder(log, 'R'));
        yield* sys.sleep(10);
        return 0;
      });
      yield* waitRaw(j);
      yield* sys.sleep(10);
      return 0;
    });
    await w.advance(50);
    expect(log.sort()).toEqual(['K:CONT', 'K:HUP', 'R:CONT', 'R:HUP']);
  });

  it('S7-b/O7.4: no signal while another member still links the group to the session', async () => {
    const w = world();
    const log: string[] = [];
    w.start(function* () {
      const j = yield* forkGroup(function* () {
        yield* sys.fork(() => recorder(log, 'K', true));
        yield* sys.sleep(10);
        return 0;
      });
      const m = yield* sys.fork(function* () { yield* sys.pause(); return 0; });
      yield* sys.setpgid(m as number, j);
      yield* waitRaw(j);
      yield* sys.sleep(1000);
      return 0;
    });
    await w.advance(50);
    expect(log).toEqual([]);
  });

  it('S7-c/O7.1b: a parent in the shell\'s group exits; its stopped child in a group of its own gets HUP and CONT (CONT\'s handler runs first)', async () => {
    const w = world();
    const log: string[] = [];
    w.start(function* () {
      const p = yield* sys.fork(function* () {
        yield* forkGroup(() => recorder(log, 'C', true));
        yield* sys.sleep(10);
        return 0;
      });
      yield* waitRaw(p as number);
      yield* sys.sleep(10);
      return 0;
    });
    await w.advance(50);
    // Both are pending when the child resumes: SIGHUP is taken first, then SIGCONT, whose
    // handler's frame is on top and so runs first (a C program on Linux shows the same).
    expect(log).toEqual(['C:CONT', 'C:HUP']);
  });

  it('O7.2: a stopped member that does not catch SIGHUP dies of it (0x0001)', async () => {
    const w = world();
    let status = '';
    w.start(function* () {
      const j = yield* forkGroup(function* () {
        const k = yield* sys.fork(function* () {
          yield* sys.kill(yield* sys.getpid(), SIGS.STOP);
          return 0;
        });
        yield* sys.sleep(10);
        return k as number;
      });
      yield* waitRaw(j);
      return 0;
    });
    await w.advance(50);
    const death = w.events.find((e) => e.kind === 'exit' && e.raw === 0x0001);
    status = death ? hex(death.kind === 'exit' ? death.raw : 0) : 'none';
    expect(status).toBe('0x0001');
  });

  it('O7.3/O7.5: orphaning without a stopped member, or by setsid, sends nothing', async () => {
    const w = world();
    const log: string[] = [];
    w.start(function* () {
      const j = yield* forkGroup(function* () {
        yield* sys.fork(() => recorder(log, 'K'));
        yield* sys.sleep(10);
        return 0;
      });
      yield* waitRaw(j);
      yield* sys.sleep(10);
      return 0;
    });
    await w.advance(50);
    expect(log).toEqual([]);
  });
});

describe('hang-up (section 8)', () => {
  it('S8-a/H8.1/H8.3: the session leader exits; the foreground group gets SIGHUP only, a running background job nothing', async () => {
    const w = world();
    const log: string[] = [];
    w.start(function* () {
      yield* sys.signal(SIGS.TTOU, 'ignore');
      const f = yield* forkGroup(() => recorder(log, 'F'));
      yield* forkGroup(() => recorder(log, 'B'));
      yield* sys.tcsetpgrp(0, f);
      yield* sys.sleep(10);
      return 0;
    });
    await w.advance(20);
    expect(log).toEqual(['F:HUP']);
    expect(w.machine.tty.session).toBeNull();
  });

  it('S8-c: after the leader\'s exit a former background process changes the modes without SIGTTOU', async () => {
    const w = world();
    const seen: string[] = [];
    w.start(function* () {
      yield* forkGroup(function* () {
        yield* sys.sleep(20);
        seen.push(errno(yield* sys.tcsetattr(0, 'now', SANE)));
        seen.push(errno(yield* sys.tcgetpgrp(0)));
        return 0;
      });
      yield* sys.sleep(10);
      return 0;
    });
    await w.advance(50);
    expect(seen).toEqual(['0', 'ENOTTY']);
  });

  it('S8-b/H8.4: a hang-up sends the leader HUP then CONT and the foreground job nothing; reads see end of file, writes EIO; the old foreground group hears at the leader\'s exit', async () => {
    const w = world();
    const log: string[] = [];
    const seen: string[] = [];
    w.start(function* () {
      yield* sys.signal(SIGS.TTOU, 'ignore');
      for (const s of [SIGS.HUP, SIGS.CONT]) {
        yield* sys.sigaction(s, { handler: function* (sig) { log.push(`S:${sig === SIGS.HUP ? 'HUP' : 'CONT'}`); }, flags: { restart: true }, mask: [] });
      }
      const f = yield* forkGroup(function* () {
        for (const s of [SIGS.HUP, SIGS.CONT]) {
          yield* sys.sigaction(s, { handler: function* (sig) { log.push(`F:${sig === SIGS.HUP ? 'HUP' : 'CONT'}`); }, flags: { restart: true }, mask: [] });
        }
        yield* sys.sleep(10);
        const r = yield* sys.read(0);
        seen.push(r instanceof sys.SysError ? r.errno : `read ${r.length}`);
        seen.push(errno(yield* sys.write(1, 'x')));
        for (;;) yield* sys.pause();
      });
      yield* sys.tcsetpgrp(0, f);
      // A handled signal cuts a sleep short (EINTR): sleep until t=20 whatever arrives.
      for (let now = yield* sys.time(); now < 20; now = yield* sys.time()) yield* sys.sleep(20 - now);
      return 0;
    });
    await w.advance(5);
    w.machine.hangup();
    await w.advance(50);
    expect(seen).toEqual(['read 0', 'EIO']);
    expect(log).toEqual(['S:CONT', 'S:HUP', 'F:CONT', 'F:HUP']);
  });
});
