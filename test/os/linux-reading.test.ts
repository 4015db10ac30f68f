// LinuxPort's reads and writes of pipes hold no thread of libuv's pool while they wait
// (src/os/linux/reading.ts, files.ts): a pipe is read and written with RWF_NOWAIT and waited
// for on the event loop. So any number of pending reads and writes leaves the pool free, a
// wait can be called off (EINTR, nothing consumed), a file is read synchronously, and no file
// description is made non-blocking on the way.

import { closeSync, constants, readFileSync, write, writeFileSync, writeSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { LinuxPort } from '../../src/os/linux/port.js';
import { readAll } from './contract-helpers.js';
import { removeScratch, scratchDir } from './linux-fixture.js';

afterAll(removeScratch);

const port = new LinuxPort({ blockingWait: false });
const text = (b: Uint8Array | null) => (b === null ? null : Buffer.from(b).toString());
const isNonBlocking = (fd: number) =>
  (parseInt(/flags:\s+([0-7]+)/.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))![1]!, 8) & constants.O_NONBLOCK) !== 0;

/** A write(2) on the thread pool, which only finishes if a thread of it is free. */
function poolWrite(fd: number, data: string): Promise<void> {
  return new Promise((resolve, reject) => write(fd, data, (err) => (err ? reject(err) : resolve())));
}

describe('LinuxPort reads that hold no thread', () => {
  it('leaves the pool free while many reads of empty pipes wait', async () => {
    const pipes = Array.from({ length: 80 }, () => port.pipe());
    const reads = pipes.slice(0, 40).map(([r]) => port.read(r));
    const records = pipes.slice(40).map(([r]) => port.readRecord(r, 10, 100));
    // Eighty reads wait: on a pool of four threads, these writes would never get one.
    for (const [, w] of pipes) await poolWrite(w, 'a\nb\n');
    expect((await Promise.all(reads)).map(text)).toEqual(Array(40).fill('a\nb\n'));
    expect((await Promise.all(records)).map(text)).toEqual(Array(40).fill('a\n'));
    for (const [r, w] of pipes) {
      expect(isNonBlocking(r)).toBe(false);
      closeSync(r);
      closeSync(w);
    }
  });

  it('leaves the pool free while writes wait for room in full pipes', async () => {
    const pipes = Array.from({ length: 20 }, () => port.pipe());
    const big = new Uint8Array(100_000).fill(97);
    const writes = pipes.map(([, w]) => port.write(w, big));
    const [r, w] = port.pipe();
    await poolWrite(w, 'a thread was free');
    expect(text(await port.read(r))).toBe('a thread was free');
    for (const [pr, pw] of pipes) {
      expect(isNonBlocking(pw)).toBe(false);
      const reading = readAll(port, pr);
      await writes.shift();
      closeSync(pw);
      expect((await reading).length).toBe(100_000);
      closeSync(pr);
    }
    closeSync(r);
    closeSync(w);
  });

  it('gives up a wait with EINTR when called off, having consumed nothing', async () => {
    const [r, w] = port.pipe();
    const cancel = new AbortController();
    const pending = port.read(r, undefined, cancel.signal);
    cancel.abort();
    await expect(pending).rejects.toMatchObject({ name: 'OsError', code: 'EINTR' });
    const record = new AbortController();
    const waiting = port.readRecord(r, 10, 100, record.signal);
    record.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'EINTR' });
    await port.write(w, 'still here\n');
    closeSync(w);
    expect(await readAll(port, r)).toBe('still here\n');
    closeSync(r);
  });

  it('gives the bytes of a record read so far when called off after some came', async () => {
    const [r, w] = port.pipe();
    await port.write(w, 'par');
    const cancel = new AbortController();
    const pending = port.readRecord(r, 10, 100, cancel.signal);
    expect(pending).toBeInstanceOf(Promise);
    cancel.abort();
    expect(text(await pending)).toBe('par');
    await port.write(w, 'tial\nnext\n');
    expect(text(await port.readRecord(r, 10, 100))).toBe('tial\n');
    closeSync(w);
    expect(await readAll(port, r)).toBe('next\n');
    closeSync(r);
  });

  it('reads a record of a file, or of a pipe that has it all, as a plain value', () => {
    const file = `${scratchDir()}/lines`;
    writeFileSync(file, 'one\ntwo');
    const fd = port.open(file, 'read');
    expect(text(port.readRecord(fd, 10, 100) as Uint8Array)).toBe('one\n');
    expect(text(port.readRecord(fd, 10, 100) as Uint8Array)).toBe('two');
    expect(text(port.readRecord(fd, 10, 100) as Uint8Array)).toBe('');
    port.close(fd);
    // Lines longer than the first read of a file, and one longer than max.
    writeFileSync(file, `${'a'.repeat(1000)}\n${'b'.repeat(5000)}\nend`);
    const long = port.open(file, 'read');
    const sizes = [0, 1, 2, 3, 4].map(() => (port.readRecord(long, 10, 4096) as Uint8Array).length);
    expect(sizes).toEqual([1001, 4096, 905, 3, 0]);
    port.close(long);
    const [r, w] = port.pipe();
    writeSync(w, 'whole\nrest');
    expect(text(port.readRecord(r, 10, 100) as Uint8Array)).toBe('whole\n');
    closeSync(w);
    expect(text(port.readRecord(r, 10, 100) as Uint8Array)).toBe('rest');
    closeSync(r);
  });
});
