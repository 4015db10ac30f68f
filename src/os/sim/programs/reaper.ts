// reaper [N]: a SIGCHLD handler that loops on waitpid(-1, WNOHANG). N children (3 by default)
// exit at the same moment; their SIGCHLDs merge into one pending signal, so one call of the
// handler reaps several of them: a handler that reaped one child per call would leave zombies.

import { SIG } from '../../signals.js';
import * as sys from '../sys.js';
import type { Program } from '../types.js';
import { needArgs } from './helperargs.js';
import { err, say, sleepFor } from './lib.js';

export const reaper: Program = function* (argv) {
  const bad = yield* needArgs(argv, 0, 1, 'reaper [CHILDREN]');
  if (bad !== undefined) return bad;
  const n = argv[1] === undefined ? 3 : Number(argv[1]);
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    yield* err(`reaper: bad number of children: ${argv[1]}\n`);
    return 2;
  }
  const me = yield* sys.getpid();
  let calls = 0;
  let reaped = 0;
  yield* sys.sigaction(SIG.CHLD, {
    handler: function* () {
      calls++;
      yield* say(`parent ${me}: SIGCHLD handler, call ${calls}`);
      for (;;) {
        const r = yield* sys.waitpid(-1, { nohang: true });
        if (r === 0 || r instanceof sys.SysError) {
          yield* say(`parent ${me}:   waitpid(-1, WNOHANG) = ${r === 0 ? '0: children remain, none has exited' : `-1 (${r.errno}): no children left`}`);
          return;
        }
        reaped++;
        yield* say(`parent ${me}:   reaped child ${r.pid} (exit status ${r.status.kind === 'exited' ? r.status.code : '?'})`);
      }
    },
    flags: { restart: true },
    mask: [],
  });
  const children: number[] = [];
  for (let i = 1; i <= n; i++) {
    const pid = yield* sys.fork(function* () {
      yield* sleepFor(1000);
      return i;
    });
    if (!(pid instanceof sys.SysError)) children.push(pid);
  }
  yield* say(`parent ${me}: forked children ${children.join(', ')}; they all exit 1 s from now`);
  while (reaped < children.length) yield* sys.sleep(100);
  yield* say(`parent ${me}: ${reaped} children reaped in ${calls} handler call${calls === 1 ? '' : 's'}`);
  return 0;
};
