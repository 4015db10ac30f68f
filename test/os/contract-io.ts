// Contract, part 2: pipes, the fd map of spawned children, emit programs, SIGPIPE, files.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OsPort, Program, SpawnRequest } from '../../src/os/port.js';
import { SIG } from '../../src/os/signals.js';
import { Tracker, bytes, errorCode, readAll, type ContractFixture } from './contract-helpers.js';

export function ioContract(fx: ContractFixture): void {
  let port: OsPort;
  let t: Tracker;
  let dir: string;

  beforeEach(() => {
    port = fx.makePort();
    t = new Tracker(port);
    dir = fx.tmpdir();
  });
  afterEach(async () => {
    await t.cleanup();
  });

  const req = (program: Program, fds: number[]): SpawnRequest =>
    ({ program, fds, cwd: dir, group: { kind: 'lead' } });
  const emit = (status: number, ...chunks: [1 | 2, string][]): Program =>
    ({ kind: 'emit', status, chunks: chunks.map(([fd, text]) => ({ fd, data: bytes(text) })) });

  /** Spawns, closes the parent's copies of the write ends, and collects what came out. */
  async function run(program: Program, fds: number[], readers: number[], writers: number[]) {
    const pid = t.spawn(req(program, fds));
    for (const w of writers) t.close(w);
    const outputs = await Promise.all(readers.map((r) => readAll(port, r)));
    return { outputs, status: await t.final(pid) };
  }

  describe('pipes', () => {
    it('round-trips data and reports end of file', async () => {
      const [r, w] = t.pipe();
      await port.write(w, 'hello ');
      await port.write(w, bytes('world'));
      t.close(w);
      expect(await readAll(port, r)).toBe('hello world');
      expect(await port.read(r)).toBeNull();
    });

    it('writes everything even when the pipe fills up', async () => {
      const [r, w] = t.pipe();
      const big = 'x'.repeat(1 << 20);
      const reading = readAll(port, r);
      await port.write(w, big);
      t.close(w);
      expect((await reading).length).toBe(big.length);
    });

    it('knows which fds are open', () => {
      const [r, w] = t.pipe();
      expect(port.isOpen(r)).toBe(true);
      t.close(w);
      expect(port.isOpen(w)).toBe(false);
    });
  });

  describe('emit programs and the fd map', () => {
    it('writes its chunks in order to fds 1 and 2, then exits with the status', async () => {
      const [r, w] = t.pipe();
      const program = emit(5, [1, 'one\n'], [2, 'two\n'], [1, 'three\n']);
      const { outputs, status } = await run(program, [-1, w, w], [r], [w]);
      expect(outputs).toEqual(['one\ntwo\nthree\n']);
      expect(status).toEqual({ kind: 'exited', code: 5 });
    });

    it('sends child fds where the map says, swaps included', async () => {
      const [r1, w1] = t.pipe();
      const [r2, w2] = t.pipe();
      const program = emit(0, [1, 'to-one'], [2, 'to-two']);
      const { outputs } = await run(program, [-1, w2, w1], [r1, r2], [w1, w2]);
      expect(outputs).toEqual(['to-two', 'to-one']);
    });

    it('delivers large output completely', async () => {
      const [r, w] = t.pipe();
      const big = 'y'.repeat(300_000);
      const { outputs, status } = await run(emit(0, [1, big], [2, 'end']), [-1, w, w], [r], [w]);
      expect(outputs[0]?.length).toBe(big.length + 3);
      expect(outputs[0]?.endsWith('yend')).toBe(true);
      expect(status).toEqual({ kind: 'exited', code: 0 });
    });

    it('connects a pipeline: the first stage feeds the second', async () => {
      const [pr, pw] = t.pipe();
      const [r, w] = t.pipe();
      const first = t.spawn(req(emit(0, [1, 'a\nb\nc\n']), [-1, pw, -1]));
      const second = t.spawn({ ...req(fx.exec(['cat']), [pr, w, -1]), group: { kind: 'join', pgid: first } });
      t.close(pw);
      t.close(pr);
      t.close(w);
      expect(await readAll(port, r)).toBe('a\nb\nc\n');
      expect(await t.final(first)).toEqual({ kind: 'exited', code: 0 });
      expect(await t.final(second)).toEqual({ kind: 'exited', code: 0 });
    });

    it('gives a program a closed stdin when the map says -1', async () => {
      const [r, w] = t.pipe();
      const { status } = await run(fx.exec(['cat']), [-1, w, w], [r], [w]);
      expect(status).toMatchObject({ kind: 'exited' });
      expect(status).not.toEqual({ kind: 'exited', code: 0 });
    });
  });

  describe('SIGPIPE', () => {
    it('kills an emit program that writes to a pipe nobody reads', async () => {
      const [r, w] = t.pipe();
      t.close(r);
      const { status } = await run(emit(0, [1, 'lost']), [-1, w, -1], [], [w]);
      expect(status).toEqual({ kind: 'signaled', signal: SIG.PIPE, coreDumped: false });
    });

    it('kills the writer of `yes | head -n 1` silently', async () => {
      const [pr, pw] = t.pipe();
      const [r, w] = t.pipe();
      const [er, ew] = t.pipe();
      const yes = t.spawn(req(fx.exec(['yes']), [-1, pw, ew]));
      const head = t.spawn({ ...req(fx.exec(['head', '-n', '1']), [pr, w, ew]), group: { kind: 'join', pgid: yes } });
      for (const fd of [pr, pw, w, ew]) t.close(fd);
      const [out, err] = await Promise.all([readAll(port, r), readAll(port, er)]);
      expect(out).toBe('y\n');
      expect(err).toBe('');
      expect(await t.final(head)).toEqual({ kind: 'exited', code: 0 });
      expect(await t.final(yes)).toEqual({ kind: 'signaled', signal: SIG.PIPE, coreDumped: false });
    });
  });

  describe('files', () => {
    it('opens for write, append and read', async () => {
      const path = `${dir}/f.txt`;
      let fd = port.open(path, 'write');
      await port.write(fd, 'first\n');
      port.close(fd);
      fd = port.open(path, 'append');
      await port.write(fd, 'second\n');
      port.close(fd);
      fd = port.open(path, 'read');
      expect(await readAll(port, fd)).toBe('first\nsecond\n');
      port.close(fd);
      fd = port.open(path, 'write');
      port.close(fd);
      expect(port.readFile(path)).toBe('');
    });

    it('opens read-write, creating the file', async () => {
      const fd = port.open(`${dir}/rw`, 'readwrite');
      await port.write(fd, 'rw');
      port.close(fd);
      expect(port.readFile(`${dir}/rw`)).toBe('rw');
    });

    it('reads one record up to its delimiter and leaves the rest, from a file and a pipe', async () => {
      port.writeFile(`${dir}/lines`, 'one\ntwo\nthree', false);
      const fd = port.open(`${dir}/lines`, 'read');
      const text = async (f: number, max = 100) => new TextDecoder().decode(await port.readRecord(f, 10, max));
      expect(await text(fd)).toBe('one\n');
      expect(await text(fd, 2)).toBe('tw');
      expect(await readAll(port, fd)).toBe('o\nthree');
      expect(await text(fd)).toBe('');
      port.close(fd);
      const [r, w] = t.pipe();
      await port.write(w, 'a;b;c');
      t.close(w);
      expect(await new TextDecoder().decode(await port.readRecord(r, 59, 100))).toBe('a;');
      expect(await readAll(port, r)).toBe('b;c');
    });

    it('writes at once all or nothing, and at once to a file', async () => {
      const [r, w] = t.pipe();
      const piped = port.writeNow(w, 'maybe');
      t.close(w);
      expect(await readAll(port, r)).toBe(piped ? 'maybe' : '');
      const fd = port.open(`${dir}/now`, 'write');
      const now = port.writeNow(fd, 'written');
      if (!now) await port.write(fd, 'written');
      port.close(fd);
      expect(port.readFile(`${dir}/now`)).toBe('written');
    });

    it('reads and writes whole files', () => {
      port.writeFile(`${dir}/a`, 'one', false);
      port.writeFile(`${dir}/a`, 'two', true);
      expect(port.readFile(`${dir}/a`)).toBe('onetwo');
    });

    it('stats files and directories and lists directories', () => {
      port.writeFile(`${dir}/file`, '', false);
      expect(port.stat(`${dir}/file`)).toEqual({ type: 'file', executable: false });
      expect(port.stat(dir)).toMatchObject({ type: 'directory' });
      expect(port.stat(`${dir}/missing`)).toBeNull();
      expect(port.readdir(dir).sort()).toEqual(['file']);
      expect(port.realpath(`${dir}/./file`)).toBe(`${port.realpath(dir)}/file`);
    });

    it('fails with OsError codes', () => {
      expect(errorCode(() => port.open(`${dir}/missing`, 'read'))).toBe('ENOENT');
      expect(errorCode(() => port.readFile(`${dir}/missing`))).toBe('ENOENT');
      expect(errorCode(() => port.readdir(`${dir}/missing`))).toBe('ENOENT');
      expect(errorCode(() => port.open(`${dir}/missing/x`, 'write'))).toBe('ENOENT');
      expect(errorCode(() => port.open(dir, 'write'))).toBe('EISDIR');
    });
  });
}
