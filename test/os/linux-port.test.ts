// LinuxPort: the OS-interface contract, run with both ways of starting children, plus what
// only Linux can show: /proc views of the children (fds, groups, signal masks, cwd, env).

import { closeSync, constants, openSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LinuxPort } from '../../src/os/linux/port.js';
import type { Program, SpawnRequest } from '../../src/os/port.js';
import { SIG } from '../../src/os/signals.js';
import { portContract } from './contract.js';
import { Tracker, bytes, readAll, until } from './contract-helpers.js';
import {
  execProgram, fdTarget, linuxFixture, procEnviron, procFds, procGroups, procStatus, removeScratch, scratchDir,
} from './linux-fixture.js';

afterAll(removeScratch);

portContract(linuxFixture('Linux (clone on the shared stack)', { blockingWait: true }));
portContract(linuxFixture('Linux (clone fallback: own stack, dispositions queried; no blocking wait)', { blockingWait: false, forkFallback: true }));

const methods = [
  ['the shared stack', false],
  ['the fallback', true],
] as const;

describe.each(methods)('LinuxPort children, started with %s', (_name, forkFallback) => {
  let port: LinuxPort;
  let t: Tracker;
  let cwd: string;
  beforeEach(() => {
    port = new LinuxPort({ blockingWait: true, forkFallback });
    t = new Tracker(port);
    cwd = scratchDir();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  const sleeper = (env: string[] = []) => execProgram(['sleep', '30'], env);
  const req = (program: Program, fds: number[], more: Partial<SpawnRequest> = {}): SpawnRequest =>
    ({ program, fds, cwd, group: { kind: 'lead' }, ...more });

  /** Waits until the child's fd table is exactly `expected` (startup may open files briefly). */
  async function expectFds(pid: number, expected: Record<number, string>) {
    let last: Record<number, string> = {};
    try {
      await until('the fd table', () => {
        last = procFds(pid);
        return JSON.stringify(last) === JSON.stringify(expected) ? true : undefined;
      });
    } catch {
      expect(last).toEqual(expected);
    }
  }

  it('returns from spawn only once the child has exec\'d, in its own group (CLONE_VFORK)', () => {
    const program = sleeper();
    const pid = t.spawn(req(program, [-1, -1, -1]));
    // Read synchronously, before anything else can run: no polling.
    expect(readlinkSync(`/proc/${pid}/exe`)).toBe(realpathSync(program.kind === 'exec' ? program.path : ''));
    expect(procGroups(pid).pgid).toBe(pid);
  });

  it('has exactly the requested fds, stdin closed for -1', async () => {
    const [, w] = t.pipe();
    const pid = t.spawn(req(sleeper(), [-1, w, -1, w]));
    await expectFds(pid, { 1: fdTarget(w), 3: fdTarget(w) });
  });

  it('remaps fds whose sources are also targets (swaps and duplicates)', async () => {
    const [, aw] = t.pipe();
    const [, bw] = t.pipe();
    const [, rw] = t.pipe();
    const fds: number[] = new Array(Math.max(aw, bw) + 1).fill(-1);
    fds[0] = aw;
    fds[1] = rw;
    fds[2] = aw;
    fds[aw] = bw;
    fds[bw] = aw;
    const pid = t.spawn(req(sleeper(), fds));
    const a = fdTarget(aw);
    const b = fdTarget(bw);
    await expectFds(pid, { 0: a, 1: fdTarget(rw), 2: a, [aw]: b, [bw]: a });
  });

  it('gives an emit program only its job fds (the record fd is closed at once)', async () => {
    const [r, w] = t.pipe();
    const big = 'z'.repeat(200_000); // more than a pipe holds: emit blocks in write
    const pid = t.spawn(req({ kind: 'emit', status: 0, chunks: [{ fd: 1, data: bytes(big) }] }, [-1, w, w]));
    await expectFds(pid, { 1: fdTarget(w), 2: fdTarget(w) });
    t.close(w);
    expect((await readAll(port, r)).length).toBe(big.length);
    expect(await t.final(pid)).toEqual({ kind: 'exited', code: 0 });
  });

  it('starts children with no signal ignored or blocked, whatever the shell ignores', async () => {
    const shellIgnores = [SIG.HUP, SIG.INT, SIG.QUIT, SIG.TERM, SIG.TSTP, SIG.TTIN, SIG.TTOU];
    for (const s of shellIgnores) port.setSignalAction(s, 'ignore');
    try {
      const pid = t.spawn(req(sleeper(), []));
      await until('the exec', () => (procStatus(pid, 'Name') === 'sleep' ? true : undefined));
      expect(procStatus(pid, 'SigIgn')).toBe('0000000000000000');
      expect(procStatus(pid, 'SigBlk')).toBe('0000000000000000');
    } finally {
      for (const s of shellIgnores) port.setSignalAction(s, 'default');
    }
  });

  it('puts children in the requested process group', () => {
    const leader = t.spawn(req(sleeper(), []));
    const member = t.spawn(req(sleeper(), [], { group: { kind: 'join', pgid: leader } }));
    const inherit = t.spawn(req(sleeper(), [], { group: { kind: 'inherit' } }));
    expect(procGroups(leader).pgid).toBe(leader);
    expect(procGroups(member).pgid).toBe(leader);
    expect(procGroups(inherit).pgid).toBe(port.getpgrp());
  });

  it('runs children in the requested directory with exactly the given environment', async () => {
    const env = ['A=1', 'B=two words', 'EMPTY='];
    const pid = t.spawn(req(sleeper(env), []));
    expect(readlinkSync(`/proc/${pid}/cwd`)).toBe(realpathSync(cwd));
    // The spawner resumes while execve is still setting up the new stack; /proc shows the
    // environment only once that is done.
    const seen = await until('the environment', () => {
      const now = procEnviron(pid);
      return now.length > 0 ? now : undefined;
    });
    expect(seen).toEqual(env);
  });

  it('reports exit codes and deaths of real programs', async () => {
    const sh = (script: string) => execProgram(['sh', '-c', script]);
    expect(await t.final(t.spawn(req(sh('exit 3'), [])))).toEqual({ kind: 'exited', code: 3 });
    expect(await t.final(t.spawn(req(sh('kill -TERM $$'), [])))).toEqual(
      { kind: 'signaled', signal: SIG.TERM, coreDumped: false });
    expect(t.blocking(t.spawn(req(sh('exit 7'), [])), { untraced: true, continued: true }))
      .toEqual({ kind: 'exited', code: 7 });
  });
});

describe('LinuxPort errors and identity', () => {
  const port = new LinuxPort({ blockingWait: false });

  it('writes at once to a file and /dev/null, and reports a full disk', () => {
    const file = `${scratchDir()}/now`;
    const fd = port.open(file, 'write');
    expect(port.writeNow(fd, 'at once')).toBe(true);
    port.close(fd);
    expect(readFileSync(file, 'utf8')).toBe('at once');
    const dn = port.open('/dev/null', 'write');
    expect(port.writeNow(dn, 'gone')).toBe(true);
    port.close(dn);
    const full = port.open('/dev/full', 'write');
    expect(() => port.writeNow(full, 'x')).toThrow(expect.objectContaining({ code: 'ENOSPC', reason: 'No space left on device' }));
    port.close(full);
  });

  it('writes at once into a pipe with room, a write of at most PIPE_BUF bytes, all or nothing', () => {
    const [r, w] = port.pipe();
    expect(port.writeNow(w, 'now')).toBe(true);
    expect(port.writeNow(w, 'x'.repeat(4097))).toBe(false);
    const page = 'y'.repeat(4096);
    let pages = 0;
    while (port.writeNow(w, page)) pages++;
    // 64 KiB: sixteen pages, of which the first holds 'now' and then a full one would not fit.
    expect(pages).toBe(15);
    expect(isNonBlocking(w)).toBe(false);
    port.close(w);
    const inPipe = readFileSync(`/proc/self/fd/${r}`).length;
    expect(inPipe).toBe(3 + 15 * 4096);
    port.close(r);
  });

  it('throws OsError with glibc texts', () => {
    const missing = { kind: 'exec', path: '/no/such/program', argv: ['x'], env: [] } as const;
    const spawn = () => port.spawn({ program: missing, fds: [], cwd: '/', group: { kind: 'lead' } });
    expect(spawn).toThrow(expect.objectContaining({ name: 'OsError', code: 'ENOENT', reason: 'No such file or directory' }));
    expect(() => port.readFile('/no/such/file')).toThrow(
      expect.objectContaining({ code: 'ENOENT', reason: 'No such file or directory' }));
    expect(() => port.kill(0x3fffffff, 0)).toThrow(expect.objectContaining({ code: 'ESRCH', reason: 'No such process' }));
    expect(() => port.tcgetpgrp(port.pipe()[0])).toThrow(
      expect.objectContaining({ code: 'ENOTTY', reason: 'Inappropriate ioctl for device' }));
  });

  it('moves its own working directory', () => {
    const before = process.cwd();
    const dir = scratchDir();
    try {
      port.chdir(dir);
      expect(process.cwd()).toBe(realpathSync(dir));
      expect(() => port.chdir(`${dir}/missing`)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    } finally {
      process.chdir(before);
    }
  });

  it('refuses waitpidBlocking when the host did not ask for it', () => {
    expect(() => port.waitpidBlocking(1, { untraced: false, continued: false })).toThrow(
      expect.objectContaining({ code: 'ENOSYS' }));
  });

  /** A description of its own, O_NONBLOCK, of one of our fds: as a parent that set it hands it. */
  const nonBlocking = (fd: number, flags: number) => openSync(`/proc/self/fd/${fd}`, flags | constants.O_NONBLOCK);
  const isNonBlocking = (fd: number) =>
    (parseInt(/flags:\s+([0-7]+)/.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))![1]!, 8) & constants.O_NONBLOCK) !== 0;

  it('reads an fd it was handed non-blocking once data comes, and leaves it non-blocking', async () => {
    const [r, w] = port.pipe();
    const fd = nonBlocking(r, constants.O_RDONLY);
    try {
      const pending = port.read(fd); // finds the pipe empty (EAGAIN) and waits
      await port.write(w, 'late');
      expect(Buffer.from((await pending)!).toString()).toBe('late');
      expect(isNonBlocking(fd)).toBe(true);
    } finally {
      for (const f of [fd, r, w]) closeSync(f);
    }
  });

  it('writes all of a large buffer to a full non-blocking pipe as the reader drains it', async () => {
    const [r, w] = port.pipe();
    const fd = nonBlocking(w, constants.O_WRONLY);
    closeSync(w);
    try {
      const data = new Uint8Array(300_000).fill(120);
      const writing = port.write(fd, data).then(() => closeSync(fd));
      expect(await readAll(port, r)).toBe('x'.repeat(300_000));
      await writing;
    } finally {
      closeSync(r);
    }
  });

  it('does not count what Node ignores as inherited', () => {
    expect(port.inheritedIgnored().has(SIG.PIPE)).toBe(false);
    expect(port.inheritedIgnored().has(25)).toBe(false);
  });

  it('knows users, the host and the environment', () => {
    expect(port.username().length).toBeGreaterThan(0);
    expect(port.homeOf(port.username())).toMatch(/^\//);
    // root's home as the passwd file says, which is not /root on every system
    const rootHome = /^root:[^:]*:0:[^:]*:[^:]*:([^:]*):/m.exec(readFileSync('/etc/passwd', 'utf8'))?.[1];
    expect(port.homeOf('root')).toBe(rootHome);
    expect(port.homeOf('no-such-user-jcsh')).toBeNull();
    expect(port.hostname().length).toBeGreaterThan(0);
    expect(port.getuid()).toBe(process.getuid?.());
    expect(port.environ()).toContain(`PATH=${process.env['PATH']}`);
  });
});
