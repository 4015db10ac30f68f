// stopcont (fish's print_stop_cont): on SIGTSTP prints "SIGTSTP" and stops itself with SIGSTOP;
// on SIGCONT prints "SIGCONT". The main loop reads standard input and exits 0 on any input or
// end of file, 1 on a read error other than EINTR.

import { SIG } from '../../signals.js';
import * as sys from '../sys.js';
import type { Program } from '../types.js';

export const stopcont: Program = function* () {
  // No SA_RESTART: the C helper installs its handlers with sa_flags 0, so read fails with EINTR.
  yield* sys.sigaction(SIG.TSTP, {
    handler: function* () {
      yield* sys.write(1, 'SIGTSTP\n');
      yield* sys.kill(yield* sys.getpid(), SIG.STOP);
    },
    flags: {},
    mask: [],
  });
  yield* sys.sigaction(SIG.CONT, {
    handler: function* () {
      yield* sys.write(1, 'SIGCONT\n');
    },
    flags: {},
    mask: [],
  });
  for (;;) {
    const r = yield* sys.read(0, 256);
    if (!(r instanceof sys.SysError)) return 0;
    if (r.errno !== 'EINTR') return 1;
  }
};
