// orphan: the parent exits first. The child prints getppid() before and after: its parent, then
// 1, because init adopts orphans (and reaps them when they exit).

import * as sys from '../sys.js';
import type { Program } from '../types.js';
import { say, sleepFor } from './lib.js';

export const orphan: Program = function* () {
  const me = yield* sys.getpid();
  const child = yield* sys.fork(function* () {
    const pid = yield* sys.getpid();
    yield* say(`child ${pid}: my parent is ${yield* sys.getppid()}`);
    yield* sleepFor(1000);
    yield* say(`child ${pid}: my parent is now ${yield* sys.getppid()}: init adopted me and will reap me`);
    return 0;
  });
  if (child instanceof sys.SysError) return 1;
  yield* sleepFor(100);
  yield* say(`parent ${me}: exiting before child ${child}`);
  return 0;
};
