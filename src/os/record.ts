// readRecord for kernels without a faster way: one byte at a time, so that nothing after the
// delimiter is consumed.

import { OsError, type OsPort } from './port.js';

/**
 * A byte at a time through read(). Called off (`cancel`) after some bytes came, it gives
 * those, as read(2) interrupted by a signal does; before any, the EINTR stands.
 */
export async function readRecordBytewise(
  port: Pick<OsPort, 'read'>, fd: number, delimiter: number, max: number, cancel?: AbortSignal,
): Promise<Uint8Array> {
  const bytes: number[] = [];
  while (bytes.length < max) {
    let chunk: Uint8Array | null;
    try {
      chunk = await port.read(fd, 1, cancel);
    } catch (e) {
      if (bytes.length > 0 && e instanceof OsError && e.code === 'EINTR') break;
      throw e;
    }
    if (chunk === null || chunk.length === 0) break;
    bytes.push(chunk[0]!);
    if (chunk[0] === delimiter) break;
  }
  return new Uint8Array(bytes);
}

/**
 * The same from an fd that never makes its reader wait (a regular file), synchronously:
 * `readNow(n)` reads at most n bytes at once (null at end of file).
 */
export function readRecordNow(readNow: (count: number) => Uint8Array | null, delimiter: number, max: number): Uint8Array {
  const bytes: number[] = [];
  while (bytes.length < max) {
    const chunk = readNow(1);
    if (chunk === null || chunk.length === 0) break;
    bytes.push(chunk[0]!);
    if (chunk[0] === delimiter) break;
  }
  return new Uint8Array(bytes);
}
