// spin N (the shell lab's myspin): sleeps N seconds in 1-second steps, prints nothing, exits 0.

import type { Program } from '../types.js';
import { needArgs, parseSeconds } from './helperargs.js';
import { sleepSteps } from './lib.js';

export const spin: Program = function* (argv) {
  const bad = yield* needArgs(argv, 1, 1, 'spin SECONDS');
  if (bad !== undefined) return bad;
  const secs = yield* parseSeconds('spin', argv[1]!);
  if (secs === undefined) return 2;
  yield* sleepSteps(secs);
  return 0;
};
