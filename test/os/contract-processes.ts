// Contract, part 1: processes, wait statuses, process groups, signals. Behaviour only, as
// seen through the OsPort, so the simulated kernel can run the same suite.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OsPort, Program, SpawnRequest } from '../../src/os/port.js';
import { SIG } from '../../src/os/signals.js';
import { ALL, EXITS, Tracker, errorCode, until, type ContractFixture } from './contract-helpers.js';

export function processContract(fx: ContractFixture): void {
  let port: OsPort;
  let t: Tracker;
  let cwd: string;

  beforeEach(() => {
    port = fx.makePort();
    t = new Tracker(port);
    cwd = fx.tmpdir();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  const req = (program: Program, more: Partial<SpawnRequest> = {}): SpawnRequest =>
    ({ program, fds: [], cwd, group: { kind: 'lead' }, ...more });
  const emitStatus = (status: number): Program => ({ kind: 'emit', chunks: [], status });
  const sleeper = () => fx.exec(['sleep', '30']);

  describe('identity', () => {
    it('reports its own pid, parent and group', () => {
      expect(port.getpid()).toBeGreaterThan(0);
      expect(port.getppid()).toBeGreaterThan(0);
      expect(port.getppid()).not.toBe(port.getpid());
      expect(port.getpgrp()).toBeGreaterThan(0);
      expect(port.inheritedIgnored()).toBeInstanceOf(Set);
    });
  });

  describe('wait statuses', () => {
    it.each([0, 3, 255])('decodes exit status %i', async (code) => {
      const pid = t.spawn(req(emitStatus(code)));
      expect(await t.status(pid)).toEqual({ kind: 'exited', code });
    });

    it('reports a running child as null with WNOHANG', async () => {
      const pid = t.spawn(req(sleeper()));
      expect(port.waitpid(pid, ALL)).toBeNull();
      port.kill(pid, SIG.TERM);
      expect(await t.status(pid)).toEqual({ kind: 'signaled', signal: SIG.TERM, coreDumped: false });
    });

    it('names a child that has a change waiting, without collecting it', async () => {
      const pid = t.spawn(req(sleeper()));
      expect(port.pendingChild()).toBe(0);
      port.kill(pid, SIG.STOP);
      await until('a pending stop', () => (port.pendingChild() === pid ? true : undefined));
      expect(port.pendingChild()).toBe(pid);
      expect(port.waitpid(pid, ALL)).toEqual({ kind: 'stopped', signal: SIG.STOP });
      expect(port.pendingChild()).toBe(0);
      port.kill(pid, SIG.KILL);
      await until('a pending death', () => (port.pendingChild() === pid ? true : undefined));
      expect(await t.status(pid)).toEqual({ kind: 'signaled', signal: SIG.KILL, coreDumped: false });
      expect(port.pendingChild()).toBe(0);
    });

    it('reports a stop once, then the continue, then the death', async () => {
      const pid = t.spawn(req(sleeper()));
      port.kill(pid, SIG.STOP);
      expect(await t.status(pid)).toEqual({ kind: 'stopped', signal: SIG.STOP });
      expect(port.waitpid(pid, ALL)).toBeNull();
      port.kill(pid, SIG.CONT);
      expect(await t.status(pid)).toEqual({ kind: 'continued' });
      port.kill(pid, SIG.KILL);
      expect(await t.status(pid)).toEqual({ kind: 'signaled', signal: SIG.KILL, coreDumped: false });
    });

    it('hides stops and continues unless asked', async () => {
      const pid = t.spawn(req(sleeper()));
      port.kill(pid, SIG.TSTP);
      await until('the stop', () => (fx.processState(pid) === 'stopped' ? true : undefined));
      expect(port.waitpid(pid, EXITS)).toBeNull();
      expect(await t.status(pid, { untraced: true, continued: false })).toEqual({ kind: 'stopped', signal: SIG.TSTP });
      port.kill(pid, SIG.CONT);
      await until('the continue', () => (fx.processState(pid) === 'alive' ? true : undefined));
      expect(port.waitpid(pid, { untraced: true, continued: false })).toBeNull();
    });

    it('keeps a signal sent to a stopped child pending until SIGCONT', async () => {
      const pid = t.spawn(req(sleeper()));
      port.kill(pid, SIG.STOP);
      expect(await t.status(pid)).toEqual({ kind: 'stopped', signal: SIG.STOP });
      port.kill(pid, SIG.INT);
      expect(fx.processState(pid)).toBe('stopped');
      port.kill(pid, SIG.CONT);
      expect(await t.final(pid)).toEqual({ kind: 'signaled', signal: SIG.INT, coreDumped: false });
    });

    it('wakes childEvent() when a child changes', async () => {
      const pid = t.spawn(req(sleeper()));
      const woken = port.childEvent();
      port.kill(pid, SIG.TERM);
      await woken;
      expect(await t.status(pid)).toMatchObject({ kind: 'signaled' });
    });

    it('waits blockingly when the kernel offers it, and refuses with ENOSYS when not', async () => {
      const pid = t.spawn(req(emitStatus(4)));
      if (port.features.blockingWait) {
        expect(t.blocking(pid)).toEqual({ kind: 'exited', code: 4 });
      } else {
        expect(errorCode(() => port.waitpidBlocking(pid, EXITS))).toBe('ENOSYS');
        expect(await t.final(pid)).toEqual({ kind: 'exited', code: 4 });
      }
    });

    it('refuses to wait for a process that is not its child', () => {
      expect(errorCode(() => port.waitpid(port.getpid(), ALL))).toBe('ECHILD');
    });
  });

  describe('process groups', () => {
    it('lets the first stage lead a group and later stages join it', async () => {
      const leader = t.spawn(req(sleeper()));
      const member = t.spawn(req(sleeper(), { group: { kind: 'join', pgid: leader } }));
      port.kill(-leader, SIG.TERM);
      const dead = { kind: 'signaled', signal: SIG.TERM, coreDumped: false };
      expect(await t.status(leader)).toEqual(dead);
      expect(await t.status(member)).toEqual(dead);
    });

    it('leaves an inheriting child in the shell group', async () => {
      const pid = t.spawn(req(sleeper(), { group: { kind: 'inherit' } }));
      expect(errorCode(() => port.kill(-pid, 0))).toBe('ESRCH');
      port.kill(pid, SIG.KILL);
      await t.final(pid);
    });

    it('joins a group whose leader is a zombie', async () => {
      const leader = t.spawn(req(emitStatus(0)));
      await until('a zombie leader', () => (fx.processState(leader) === 'zombie' ? true : undefined));
      const member = t.spawn(req(sleeper(), { group: { kind: 'join', pgid: leader } }));
      port.kill(-leader, SIG.TERM);
      expect(await t.status(member)).toMatchObject({ kind: 'signaled', signal: SIG.TERM });
      expect(await t.status(leader)).toEqual({ kind: 'exited', code: 0 });
    });

    it('refuses to join a group that does not exist', async () => {
      const gone = t.spawn(req(emitStatus(0)));
      await t.final(gone);
      const join = req(sleeper(), { group: { kind: 'join', pgid: gone } });
      expect(errorCode(() => t.spawn(join))).toBe('EPERM');
    });
  });

  describe('signals', () => {
    it('kill checks with signal 0 and fails with ESRCH for a reaped child', async () => {
      const pid = t.spawn(req(emitStatus(0)));
      port.kill(pid, 0);
      await t.final(pid);
      expect(errorCode(() => port.kill(pid, 0))).toBe('ESRCH');
    });

    it('starts children with default dispositions although the shell ignores signals', async () => {
      for (const s of [SIG.INT, SIG.QUIT, SIG.TERM, SIG.TSTP]) port.setSignalAction(s, 'ignore');
      try {
        const pid = t.spawn(req(sleeper()));
        port.kill(pid, SIG.TSTP);
        expect(await t.status(pid)).toEqual({ kind: 'stopped', signal: SIG.TSTP });
        port.kill(pid, SIG.INT);
        port.kill(pid, SIG.CONT);
        expect(await t.final(pid)).toEqual({ kind: 'signaled', signal: SIG.INT, coreDumped: false });
      } finally {
        for (const s of [SIG.INT, SIG.QUIT, SIG.TERM, SIG.TSTP]) port.setSignalAction(s, 'default');
      }
    });

    it('catches a signal, and ignoring survives the end of catching', async () => {
      const USR2 = 12;
      port.setSignalAction(USR2, 'ignore');
      let caught = 0;
      const stop = port.onSignal(USR2, () => caught++);
      port.kill(port.getpid(), USR2);
      await until('the handler', () => (caught > 0 ? true : undefined));
      stop();
      port.kill(port.getpid(), USR2); // still ignored: the test process survives
      const pid = t.spawn(req(emitStatus(0)));
      expect(await t.final(pid)).toEqual({ kind: 'exited', code: 0 });
      expect(caught).toBe(1);
      port.setSignalAction(USR2, 'default');
    });

    it('a trap records a caught signal at once, wakes its listener, and gives back the disposition it replaced', async () => {
      const USR1 = 10;
      port.setSignalAction(USR1, 'ignore');
      let woken = 0;
      port.onCaught(() => woken++);
      port.trapSignal(USR1, 'catch');
      port.kill(port.getpid(), USR1);
      port.kill(port.getpid(), USR1);
      // Both arrivals, before any turn of the event loop (kill to itself is delivered at once).
      expect(port.caughtSignals()).toEqual([USR1, USR1]);
      expect(port.caughtSignals()).toEqual([]);
      await until('the wake-up', () => (woken > 0 ? true : undefined));
      port.trapSignal(USR1, 'ignore');
      port.kill(port.getpid(), USR1);
      port.trapSignal(USR1, 'release');
      port.kill(port.getpid(), USR1); // ignored again, as before the trap: the test process survives
      expect(port.caughtSignals()).toEqual([]);
      port.setSignalAction(USR1, 'default');
      expect(errorCode(() => port.trapSignal(SIG.KILL, 'catch'))).toBe('EINVAL');
    });
  });

  describe('spawn errors', () => {
    it('fails with ENOENT for a missing program', () => {
      const missing: Program = { kind: 'exec', path: `${cwd}/no-such-program`, argv: ['x'], env: [] };
      expect(errorCode(() => t.spawn(req(missing)))).toBe('ENOENT');
    });

    it('fails with EACCES for a file that is not executable, and for a directory', () => {
      port.writeFile(`${cwd}/plain`, 'echo hi\n', false);
      const plain: Program = { kind: 'exec', path: `${cwd}/plain`, argv: ['plain'], env: [] };
      expect(errorCode(() => t.spawn(req(plain)))).toBe('EACCES');
      const dir: Program = { kind: 'exec', path: cwd, argv: ['dir'], env: [] };
      expect(errorCode(() => t.spawn(req(dir)))).toBe('EACCES');
    });

    it('fails with ENOENT for a missing working directory', () => {
      expect(errorCode(() => t.spawn(req(emitStatus(0), { cwd: `${cwd}/gone` })))).toBe('ENOENT');
    });
  });
}
