// checkfg (yash's tests/checkfg.c): exits 0 iff its process group is the terminal's foreground
// group, else 1. /dev/tty is opened non-blocking so the check never waits on the terminal.

import * as sys from '../sys.js';
import type { Program } from '../types.js';
import { perror } from './helperargs.js';

export const checkfg: Program = function* () {
  const tty = yield* sys.open('/dev/tty', { read: true, nonblock: true, noctty: true });
  if (tty instanceof sys.SysError) {
    yield* perror('checkfg: /dev/tty', tty.reason);
    return 1;
  }
  const fg = yield* sys.tcgetpgrp(tty);
  yield* sys.close(tty);
  return fg === (yield* sys.getpgrp()) ? 0 : 1;
};
