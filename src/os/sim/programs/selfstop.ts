// selfstop N (the shell lab's mystop): sleeps N seconds, sends SIGTSTP to its own process group
// (kill(-getpid()), which reaches it only if the shell made it a group leader), and exits 0
// once continued.

import { SIG } from '../../signals.js';
import * as sys from '../sys.js';
import type { Program } from '../types.js';
import { needArgs, parseSeconds, perror } from './helperargs.js';
import { sleepSteps } from './lib.js';

export const selfstop: Program = function* (argv) {
  const bad = yield* needArgs(argv, 1, 1, 'selfstop SECONDS');
  if (bad !== undefined) return bad;
  const secs = yield* parseSeconds('selfstop', argv[1]!);
  if (secs === undefined) return 2;
  yield* sleepSteps(secs);
  const r = yield* sys.kill(-(yield* sys.getpid()), SIG.TSTP);
  if (r instanceof sys.SysError) {
    yield* perror('selfstop: kill', r.reason);
    return 1;
  }
  return 0;
};
