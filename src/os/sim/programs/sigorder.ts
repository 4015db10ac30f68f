// sigorder (test/helpers/sigorder.c): a stopped child with SIGHUP pending gets SIGCONT; it
// prints each handler's signal as the handler runs. Both are taken before its code runs again,
// SIGHUP first, each frame on top of the last, so SIGCONT's handler prints first, as on Linux.

import { SIG } from '../../signals.js';
import * as sys from '../sys.js';
import type { Program } from '../types.js';
import { out } from './lib.js';

export const sigorder: Program = function* () {
  const child = yield* sys.fork(function* () {
    const handler = function* (sig: number) {
      yield* out(sig === SIG.HUP ? 'HUP\n' : 'CONT\n');
    };
    yield* sys.sigaction(SIG.HUP, { handler, flags: { restart: true }, mask: [] });
    yield* sys.sigaction(SIG.CONT, { handler, flags: { restart: true }, mask: [] });
    yield* sys.kill(yield* sys.getpid(), SIG.STOP);
    return 0;
  });
  if (child instanceof sys.SysError) return 1;
  yield* sys.waitpid(child, { untraced: true });
  yield* sys.kill(child, SIG.HUP);
  yield* sys.kill(child, SIG.CONT);
  yield* sys.waitpid(child);
  return 0;
};
