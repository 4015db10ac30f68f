// stealtty (fish's abandon_tty): leaves the terminal owned by a process group that no longer
// exists. It forks; parent and child both move the child into a new group and give it the
// terminal (whichever runs first wins, the other call is a harmless repeat); the child exits
// and the parent waits for it. The shell must take the terminal back afterwards.

import { SIG } from '../../signals.js';
import * as sys from '../sys.js';
import type { Code, Program } from '../types.js';
import { perror } from './helperargs.js';

function* claimFor(child: number): Code<void> {
  // Either call may lose the race to the other one (or to the child's exit): errors are expected.
  yield* sys.setpgid(child, child);
  yield* sys.tcsetpgrp(0, child);
}

export const stealtty: Program = function* () {
  // tcsetpgrp from what becomes a background group would stop us.
  yield* sys.signal(SIG.TTIN, 'ignore');
  yield* sys.signal(SIG.TTOU, 'ignore');
  const pid = yield* sys.fork(function* () {
    yield* claimFor(yield* sys.getpid());
    return 0;
  });
  if (pid instanceof sys.SysError) {
    yield* perror('stealtty: fork', pid.reason);
    return 1;
  }
  yield* claimFor(pid);
  for (;;) {
    const r = yield* sys.waitpid(pid);
    if (!(r instanceof sys.SysError) || r.errno !== 'EINTR') return 0;
  }
};
