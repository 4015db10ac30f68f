// split N (the shell lab's mysplit): forks one child that sleeps N seconds in 1-second steps;
// the parent waits for it and exits 0. Two processes in one group, so a signal to the group
// must reach both.

import * as sys from '../sys.js';
import type { Program } from '../types.js';
import { needArgs, parseSeconds, perror } from './helperargs.js';
import { sleepSteps } from './lib.js';

export const split: Program = function* (argv) {
  const bad = yield* needArgs(argv, 1, 1, 'split SECONDS');
  if (bad !== undefined) return bad;
  const secs = yield* parseSeconds('split', argv[1]!);
  if (secs === undefined) return 2;
  const child = yield* sys.fork(function* () {
    yield* sleepSteps(secs);
    return 0;
  });
  if (child instanceof sys.SysError) {
    yield* perror('split: fork', child.reason);
    return 1;
  }
  for (;;) {
    const r = yield* sys.waitpid(child);
    if (!(r instanceof sys.SysError)) return 0;
    if (r.errno !== 'EINTR') {
      yield* perror('split: waitpid', r.reason);
      return 1;
    }
  }
};
