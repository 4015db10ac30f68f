// cat(1) from GNU coreutils: copies each FILE (or standard input for `-` or no operand) to
// standard output; a file that cannot be read is reported and the others are still copied.

import * as sys from '../sys.js';
import type { Code, Program } from '../types.js';
import { getopt, usageError } from './getopt.js';
import { err, writeAll } from './lib.js';

/** Copies fd to standard output; returns the error that stopped it, labelled read or write. */
function* copy(fd: number): Code<{ op: 'read' | 'write'; error: sys.SysError } | null> {
  for (;;) {
    const r = yield* sys.read(fd, 65536);
    if (r instanceof sys.SysError) {
      if (r.errno === 'EINTR') continue;
      return { op: 'read', error: r };
    }
    if (r.length === 0) return null;
    const w = yield* writeAll(1, r);
    if (w instanceof sys.SysError) return { op: 'write', error: w };
  }
}

export const cat: Program = function* (argv) {
  const prog = argv[0] ?? 'cat';
  // -u is accepted and ignored, as GNU cat does; the formatting options are not modelled.
  const parsed = getopt(prog, argv.slice(1), { short: 'u' });
  if (typeof parsed === 'string') return yield* usageError(prog, parsed);
  const files = parsed.operands.length > 0 ? parsed.operands : ['-'];
  let status = 0;
  for (const file of files) {
    let fd = 0;
    if (file !== '-') {
      const opened = yield* sys.open(file, { read: true });
      if (opened instanceof sys.SysError) {
        yield* err(`${prog}: ${file}: ${opened.reason}\n`);
        status = 1;
        continue;
      }
      fd = opened;
    }
    const failed = yield* copy(fd);
    if (fd !== 0) yield* sys.close(fd);
    if (failed?.op === 'write') {
      yield* err(`${prog}: write error: ${failed.error.reason}\n`);
      return 1;
    }
    if (failed) {
      yield* err(`${prog}: ${file}: ${failed.error.reason}\n`);
      status = 1;
    }
  }
  return status;
};
