// readecho SUFFIX (the Oils PYCAT one-liner): reads one line from standard input and prints it
// (without its line ending) followed by SUFFIX, exit 0. Run in the background it stops with
// SIGTTIN; a read error (EIO for an orphaned reader) exits 1.

import * as sys from '../sys.js';
import type { Program } from '../types.js';
import { needArgs, perror } from './helperargs.js';
import { decode, out } from './lib.js';

export const readecho: Program = function* (argv) {
  const bad = yield* needArgs(argv, 1, 1, 'readecho SUFFIX');
  if (bad !== undefined) return bad;
  // stdio's getline: buffer-sized reads until a newline or end of file.
  let line = '';
  for (;;) {
    const r = yield* sys.read(0, 4096);
    if (r instanceof sys.SysError) {
      if (r.errno === 'EINTR') continue;
      yield* perror('readecho: read', r.reason);
      return 1;
    }
    if (r.length === 0) break;
    const text = decode(r);
    const nl = text.indexOf('\n');
    if (nl >= 0) {
      line += text.slice(0, nl + 1);
      break;
    }
    line += text;
  }
  yield* out(`${line.replace(/[\r\n]+$/, '')}${argv[1]}\n`);
  return 0;
};
