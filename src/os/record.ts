// readRecord for kernels without a faster way: one byte at a time, so that nothing after the
// delimiter is consumed.

import type { OsPort } from './port.js';

export async function readRecordBytewise(port: Pick<OsPort, 'read'>, fd: number, delimiter: number, max: number): Promise<Uint8Array> {
  const bytes: number[] = [];
  while (bytes.length < max) {
    const chunk = await port.read(fd, 1);
    if (chunk === null || chunk.length === 0) break;
    bytes.push(chunk[0]!);
    if (chunk[0] === delimiter) break;
  }
  return new Uint8Array(bytes);
}
