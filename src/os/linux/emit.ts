// The record format read by jcsh-emit (native/emit.c): for each chunk, in order,
// [u8 target fd][u32 length, little-endian][bytes].

import type { OutputChunk } from '../port.js';

const HEADER = 5;

export function encodeEmitRecords(chunks: readonly OutputChunk[]): Uint8Array {
  const size = chunks.reduce((n, c) => n + HEADER + c.data.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let pos = 0;
  for (const chunk of chunks) {
    view.setUint8(pos, chunk.fd);
    view.setUint32(pos + 1, chunk.data.length, true);
    out.set(chunk.data, pos + HEADER);
    pos += HEADER + chunk.data.length;
  }
  return out;
}
