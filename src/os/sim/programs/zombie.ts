// zombie [SECONDS]: the textbook zombie. The child exits at once; the parent sleeps (10 s by
// default) and never calls wait, so the child stays a zombie (state Z, <defunct> in ps) until
// the parent exits and init adopts and reaps it.

import * as sys from '../sys.js';
import type { Program } from '../types.js';
import { needArgs, parseSeconds } from './helperargs.js';
import { say, sleepFor, waitForState } from './lib.js';

export const zombie: Program = function* (argv) {
  const bad = yield* needArgs(argv, 0, 1, 'zombie [SECONDS]');
  if (bad !== undefined) return bad;
  const secs = argv[1] === undefined ? 10 : yield* parseSeconds('zombie', argv[1]);
  if (secs === undefined) return 2;
  const me = yield* sys.getpid();
  const child = yield* sys.fork(function* () {
    yield* say(`child ${yield* sys.getpid()}: exiting with status 0`);
    return 0;
  });
  if (child instanceof sys.SysError) return 1;
  yield* say(`parent ${me}: forked child ${child}`);
  if (yield* waitForState(child, 'Z')) {
    yield* say(`parent ${me}: child ${child} has exited but nobody has waited for it: it is a zombie (state Z, <defunct> in ps)`);
  }
  yield* say(`parent ${me}: sleeping ${secs} s without calling wait`);
  yield* sleepFor(secs * 1000);
  yield* say(`parent ${me}: exiting without waiting; init adopts zombie ${child} and reaps it`);
  return 0;
};
