// selfint N (the shell lab's myint): sleeps N seconds, sends SIGINT to its own pid, exits 0 if
// it survives.

import { SIG } from '../../signals.js';
import * as sys from '../sys.js';
import type { Program } from '../types.js';
import { needArgs, parseSeconds, perror } from './helperargs.js';
import { sleepSteps } from './lib.js';

export const selfint: Program = function* (argv) {
  const bad = yield* needArgs(argv, 1, 1, 'selfint SECONDS');
  if (bad !== undefined) return bad;
  const secs = yield* parseSeconds('selfint', argv[1]!);
  if (secs === undefined) return 2;
  yield* sleepSteps(secs);
  const r = yield* sys.kill(yield* sys.getpid(), SIG.INT);
  if (r instanceof sys.SysError) {
    yield* perror('selfint: kill', r.reason);
    return 1;
  }
  return 0;
};
