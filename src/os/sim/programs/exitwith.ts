// exitwith N [SECONDS]: optionally sleeps, then exits with status N (0..255).

import type { Program } from '../types.js';
import { needArgs, parseSeconds } from './helperargs.js';
import { err, sleepFor } from './lib.js';

export const exitwith: Program = function* (argv) {
  const bad = yield* needArgs(argv, 1, 2, 'exitwith STATUS [SECONDS]');
  if (bad !== undefined) return bad;
  const m = /^\s*([+-]?\d+)$/.exec(argv[1]!);
  const status = m ? Number(m[1]) : -1;
  if (!m || status < 0 || status > 255) {
    yield* err(`exitwith: bad status: ${argv[1]}\n`);
    return 2;
  }
  if (argv.length === 3) {
    const secs = yield* parseSeconds('exitwith', argv[2]!);
    if (secs === undefined) return 2;
    yield* sleepFor(secs * 1000);
  }
  return status;
};
