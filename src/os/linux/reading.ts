// Reads of fds that hold no thread of libuv's pool while they wait (native/ready_napi.c). A
// pipe the shell reads (a `$(…)`, a `read` from a pipe) is read with RWF_NOWAIT, which says
// "nothing yet" instead of blocking, and waited for on the event loop; the thread pool only
// reads what cannot be read so (a terminal), and only once it is ready. `$(…)` nested deeper
// than the pool is wide then no longer hangs, and a wait can be called off: a signal with a
// trap interrupts a `read` as it does in bash.

import * as fs from 'node:fs';
import { makeOsError, toOsError } from './errors.js';
import type { NativeAddon } from './native.js';

export type Direction = 'read' | 'write';

const READ_CHUNK = 65536;

function interrupted(syscall: string) {
  return makeOsError('EINTR', syscall);
}

/**
 * Resolves when fd is ready (or hung up: the next read or write says so). An abort of
 * `cancel` first rejects with EINTR, as a signal interrupts a waiting read(2).
 */
export function whenReady(native: NativeAddon, fd: number, direction: Direction, cancel?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (cancel?.aborted) return reject(interrupted(direction));
    let id = 0;
    const onAbort = (): void => {
      if (native.unwatchFd(id)) reject(interrupted(direction));
    };
    try {
      id = native.watchFd(fd, direction, () => {
        cancel?.removeEventListener('abort', onAbort);
        resolve();
      });
    } catch (e) {
      return reject(toOsError(e, 'poll'));
    }
    if (id === 0) return resolve();
    cancel?.addEventListener('abort', onAbort, { once: true });
  });
}

function poolRead(fd: number, buf: Uint8Array): Promise<number> {
  return new Promise((resolve, reject) => {
    fs.read(fd, buf, 0, buf.length, null, (err, n) => (err ? reject(err) : resolve(n)));
  });
}

/** One read(2) on the pool, of an fd that was ready: EIO (a hung-up terminal) is the end. */
async function readOnPool(native: NativeAddon, fd: number, max: number, cancel?: AbortSignal): Promise<Uint8Array | null> {
  const buf = Buffer.allocUnsafe(max);
  for (;;) {
    try {
      const n = await poolRead(fd, buf);
      return n === 0 ? null : new Uint8Array(buf.subarray(0, n));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EIO') return null;
      if (code !== 'EAGAIN') throw toOsError(err, 'read');
      await whenReady(native, fd, 'read', cancel);
    }
  }
}

/** One chunk of at most `max` bytes, or null at end of file. */
export async function readChunk(native: NativeAddon, fd: number, max = READ_CHUNK, cancel?: AbortSignal): Promise<Uint8Array | null> {
  const most = Math.max(1, Math.min(max, READ_CHUNK));
  for (;;) {
    let got: ReturnType<NativeAddon['readNow']>;
    try {
      got = native.readNow(fd, most);
    } catch (e) {
      throw toOsError(e, 'read');
    }
    if (got !== 'wait' && got !== 'blocking') return got;
    await whenReady(native, fd, 'read', cancel);
    if (got === 'blocking') return readOnPool(native, fd, most, cancel);
  }
}

/**
 * Up to and including the delimiter, at most `max` bytes: at once from a file, or as soon as
 * the bytes are there. Called off before any byte came, it rejects with EINTR; after some, it
 * gives those (the rest is for the next call), as read(2) does.
 */
export function readRecord(native: NativeAddon, fd: number, delimiter: number, max: number, cancel?: AbortSignal): Uint8Array | Promise<Uint8Array> {
  const got = record(native, fd, delimiter, max);
  return got instanceof Uint8Array ? got : recordLater(native, fd, delimiter, max, got, cancel);
}

function record(native: NativeAddon, fd: number, delimiter: number, max: number) {
  try {
    return native.readRecord(fd, delimiter, max);
  } catch (e) {
    throw toOsError(e, 'read');
  }
}

async function recordLater(
  native: NativeAddon, fd: number, delimiter: number, max: number,
  first: { bytes: Uint8Array; next: 'wait' | 'blocking' }, cancel?: AbortSignal,
): Promise<Uint8Array> {
  const parts = [first.bytes];
  let have = first.bytes.length;
  for (let next = first.next; ;) {
    try {
      await whenReady(native, fd, 'read', cancel);
    } catch (e) {
      if (have === 0) throw e;
      return Buffer.concat(parts);
    }
    const got = next === 'blocking' ? await blockingRecord(native, fd, delimiter, max - have) : record(native, fd, delimiter, max - have);
    if (got instanceof Uint8Array) return have === 0 ? got : Buffer.concat([...parts, got]);
    parts.push(got.bytes);
    have += got.bytes.length;
    next = got.next;
  }
}

async function blockingRecord(native: NativeAddon, fd: number, delimiter: number, max: number): Promise<Uint8Array> {
  try {
    return await native.readRecordBlocking(fd, delimiter, max);
  } catch (e) {
    throw toOsError(e, 'read');
  }
}
