// The addon and jcsh-emit below the port: error shapes, close-on-exec fds, memfd contents,
// and jcsh-emit's own rules (EPIPE means death by SIGPIPE; malformed input is refused).

import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadNative, packagePaths } from '../../src/os/linux/native.js';
import { envBlock, prepareSpawn, signalMask } from '../../src/os/linux/spawn.js';
import { LinuxPort } from '../../src/os/linux/port.js';
import { SIG } from '../../src/os/signals.js';
import { Tracker, readAll } from './contract-helpers.js';
import { execProgram, removeScratch, scratchDir } from './linux-fixture.js';

afterAll(removeScratch);

const native = loadNative();
const O_CLOEXEC = 0o2000000;

function fdFlags(fd: number): number {
  const line = readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8').split('\n').find((l) => l.startsWith('flags:'));
  return parseInt(line?.split(/\s+/)[1] ?? '0', 8);
}

describe('the addon', () => {
  it('throws errors with the errno name and number', () => {
    const err = (() => {
      try {
        native.kill(0x3fffffff, 0);
      } catch (e) {
        return e as { code: string; errno: number; syscall: string; message: string };
      }
      throw new Error('kill did not throw');
    })();
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ code: 'ESRCH', errno: 3, syscall: 'kill', message: 'kill: No such process' });
  });

  it('checks argument types', () => {
    expect(() => native.kill('1' as unknown as number, 0)).toThrow(TypeError);
    expect(() => native.spawn({} as never)).toThrow(TypeError);
    expect(() => native.setSignalAction(2, 'catch' as never)).toThrow(TypeError);
  });

  it.each([
    ['2 ** 31', 2 ** 31], ['-(2 ** 31) - 1', -(2 ** 31) - 1], ['2 ** 53', 2 ** 53], ['1e300', 1e300],
    ['NaN', NaN], ['Infinity', Infinity], ['1.5', 1.5],
  ])('refuses %s where C wants an int, with a RangeError naming the argument', (_text, n) => {
    expect(() => native.kill(n, 0)).toThrow(RangeError);
    expect(() => native.kill(n, 0)).toThrow(/^pid: .* is not an integer from -2147483648 to 2147483647$/);
    expect(() => native.spawn({ path: '/bin/true', argv: ['true'], envp: [], fds: [n], cwd: '/' })).toThrow(/^opts\.fds: /);
  });

  it('still takes the ends of the int range', () => {
    expect(() => native.kill(-(2 ** 31), 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
    expect(() => native.kill(2 ** 31 - 1, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
  });

  it('makes close-on-exec pipes and memfds', () => {
    const [r, w] = native.pipe();
    const m = native.memfd(new TextEncoder().encode('records'));
    for (const fd of [r, w, m]) expect(fdFlags(fd) & O_CLOEXEC).toBe(O_CLOEXEC);
    expect(readFileSync(`/proc/self/fd/${m}`, 'utf8')).toBe('records');
    for (const fd of [r, w, m]) new LinuxPort({ blockingWait: false }).close(fd);
  });

  it('reports glibc texts and which spawn mechanism it uses', () => {
    expect(native.strerror(2)).toBe('No such file or directory');
    expect(native.spawnMethod(true)).toBe('clone');
  });

  it('reads and sets its own signal dispositions', () => {
    const USR2 = 12;
    native.setSignalAction(USR2, 'ignore');
    expect(native.getSignalAction(USR2)).toBe('ignore');
    native.setSignalAction(USR2, 'default');
    expect(native.getSignalAction(USR2)).toBe('default');
    expect(() => native.setSignalAction(SIG.KILL, 'ignore')).toThrow(expect.objectContaining({ code: 'EINVAL' }));
  });
});

describe('jcsh-emit', () => {
  let port: LinuxPort;
  let t: Tracker;
  let dir: string;
  beforeEach(() => {
    port = new LinuxPort({ blockingWait: true });
    t = new Tracker(port);
    dir = scratchDir();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  /** Runs jcsh-emit through sh so that the test controls how it starts. */
  function emitVia(script: string, records: Uint8Array, fds: number[]): number {
    const file = `${dir}/records`;
    writeFileSync(file, records);
    const program = execProgram(['sh', '-c', script, 'sh', packagePaths().emit, file]);
    return t.spawn({ program, fds, cwd: dir, group: { kind: 'lead' } });
  }

  const record = (fd: number, text: string) => {
    const data = new TextEncoder().encode(text);
    const out = new Uint8Array(5 + data.length);
    new DataView(out.buffer).setUint32(1, data.length, true);
    out[0] = fd;
    out.set(data, 5);
    return out;
  };

  it('dies of SIGPIPE on EPIPE even when it starts with SIGPIPE ignored', async () => {
    const [r, w] = t.pipe();
    t.close(r);
    const pid = emitVia('trap "" PIPE; exec "$1" 3 0 3<"$2"', record(1, 'lost'), [-1, w, -1]);
    t.close(w);
    expect(await t.final(pid)).toEqual({ kind: 'signaled', signal: SIG.PIPE, coreDumped: false });
  });

  it('refuses a truncated record with status 2, having written the good ones', async () => {
    const [r, w] = t.pipe();
    const good = record(1, 'ok');
    const bad = record(1, 'cut').subarray(0, 6);
    const both = new Uint8Array([...good, ...bad]);
    const pid = emitVia('exec "$1" 3 0 3<"$2"', both, [-1, w, w]);
    t.close(w);
    expect(await readAll(port, r)).toBe('ok');
    expect(await t.final(pid)).toEqual({ kind: 'exited', code: 2 });
  });

  it('refuses bad arguments with status 2', async () => {
    const program = { kind: 'exec', path: packagePaths().emit, argv: ['jcsh-emit', 'x'], env: [] } as const;
    const pid = t.spawn({ program, fds: [], cwd: dir, group: { kind: 'lead' } });
    expect(await t.final(pid)).toEqual({ kind: 'exited', code: 2 });
  });
});

describe('spawn requests', () => {
  const paths = packagePaths();

  it('runs a subshell as a copy of jcsh on the same node, its source and state in an fd', () => {
    const program = { kind: 'subshell', source: 'a && b', state: 'STATE', env: ['X=1'] } as const;
    const req = { program, fds: [0, 1, 2], cwd: '/', group: { kind: 'lead' }, ignoreSignals: [2, 3] } as const;
    const { options, release } = prepareSpawn(req, native, paths);
    try {
      expect(options).toMatchObject({
        path: process.execPath,
        argv: [process.execPath, paths.shell, '--subshell-fd', '3'],
        // with the thread pool bin/jcsh.js would give it, since X=1 sets none
        envp: new TextEncoder().encode(`X=1\0JCSH_SIGIGN=${signalMask([...native.inheritedIgnored(), 2, 3])}\0UV_THREADPOOL_SIZE=64\0JCSH_POOL=64\0`),
        pgid: 0,
        ignore: [2, 3],
      });
      expect(options.fds).toHaveLength(4);
      expect(options.fds.slice(0, 3)).toEqual([0, 1, 2]);
      expect(readFileSync(`/proc/self/fd/${options.fds[3]}`, 'utf8')).toBe(JSON.stringify({ source: 'a && b', state: 'STATE' }));
    } finally {
      release();
    }
  });

  it('keeps a thread pool size the environment of a subshell sets', () => {
    const program = { kind: 'subshell', source: 'a', state: 'S', env: ['UV_THREADPOOL_SIZE=9'] } as const;
    const { options, release } = prepareSpawn({ program, fds: [0, 1, 2], cwd: '/', group: { kind: 'lead' } }, native, paths);
    try {
      expect(new TextDecoder().decode(options.envp as Uint8Array).split('\0').filter((e) => e.startsWith('UV_') || e.startsWith('JCSH_POOL'))).toEqual(['UV_THREADPOOL_SIZE=9']);
    } finally {
      release();
    }
  });

  it('writes signal sets as /proc writes SigIgn', () => {
    expect(signalMask([])).toBe('0');
    expect(signalMask([1, 2, 3, 13, 25])).toBe('1001007');
    expect(signalMask([64])).toBe('8000000000000000');
  });

  it('passes the environment as one block, built once for the same array', () => {
    const env = ['A=1', 'B=two words', 'EMPTY='];
    const block = envBlock(env);
    expect(new TextDecoder().decode(block)).toBe('A=1\0B=two words\0EMPTY=\0');
    expect(envBlock(env)).toBe(block);
    expect(envBlock([...env])).not.toBe(block);
  });

  it('hands jcsh-emit its records as the fd just above the job fds', () => {
    const program = { kind: 'emit', chunks: [], status: 300 } as const;
    const req = { program, fds: [-1, 1], cwd: '/', group: { kind: 'join', pgid: 77 }, foregroundOn: 9 } as const;
    const { options, release } = prepareSpawn(req, native, paths);
    try {
      expect(options).toMatchObject({ path: paths.emit, argv: ['jcsh-emit', '2', '44'], pgid: 77, ttyfd: 9 });
      expect(options.fds.slice(0, 2)).toEqual([-1, 1]);
      expect(options.fds).toHaveLength(3);
    } finally {
      release();
    }
  });

  it('refuses bad groups and fds before spawning', () => {
    const program = { kind: 'exec', path: '/bin/true', argv: ['true'], env: [] } as const;
    const bad = [
      { program, fds: [], cwd: '/', group: { kind: 'join', pgid: 0 } },
      { program, fds: [-2], cwd: '/', group: { kind: 'lead' } },
    ] as const;
    for (const req of bad) expect(() => prepareSpawn(req, native, paths)).toThrow(expect.objectContaining({ name: 'OsError' }));
  });
});
