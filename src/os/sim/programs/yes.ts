// yes(1) from GNU coreutils: prints its operands (or "y") on a line, for ever, until a write
// fails. Lines go out in buffers of several lines, as GNU yes fills a whole buffer per write.

import * as sys from '../sys.js';
import type { Program } from '../types.js';
import { err, writeAll } from './lib.js';

const BUFFER = 8192;

export const yes: Program = function* (argv) {
  const prog = argv[0] ?? 'yes';
  const args = argv.slice(1);
  if (args[0] === '--') args.shift();
  const line = `${args.length > 0 ? args.join(' ') : 'y'}\n`;
  const chunk = line.repeat(Math.max(1, Math.floor(BUFFER / line.length)));
  for (;;) {
    const w = yield* writeAll(1, chunk);
    if (w instanceof sys.SysError) {
      yield* err(`${prog}: standard output: ${w.reason}\n`);
      return 1;
    }
  }
};
