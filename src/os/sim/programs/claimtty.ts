// claimtty (fish's become_foreground_then_print_stderr): makes its process group the
// terminal's foreground group, waits 0.25 s, then prints "claimtty done" to stderr. From a
// background group the tcsetpgrp raises SIGTTOU (or fails with EPERM), which is the point.

import * as sys from '../sys.js';
import type { Program } from '../types.js';
import { perror } from './helperargs.js';
import { err, sleepFor } from './lib.js';

export const claimtty: Program = function* () {
  const r = yield* sys.tcsetpgrp(1, yield* sys.getpgrp());
  if (r instanceof sys.SysError) {
    yield* perror('claimtty: tcsetpgrp', r.reason);
    return 1;
  }
  yield* sleepFor(250);
  yield* err('claimtty done\n');
  return 0;
};
