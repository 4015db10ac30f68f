// doublefork: the daemon trick. The parent forks a child that forks a grandchild and exits at
// once; the parent reaps the child straight away, and the grandchild, now init's, runs on with
// nobody having to wait for it.

import * as sys from '../sys.js';
import type { Program } from '../types.js';
import { say, sleepFor } from './lib.js';

export const doublefork: Program = function* () {
  const me = yield* sys.getpid();
  const child = yield* sys.fork(function* () {
    const pid = yield* sys.getpid();
    const grandchild = yield* sys.fork(function* () {
      const g = yield* sys.getpid();
      yield* sleepFor(500);
      yield* say(`grandchild ${g}: my parent is now ${yield* sys.getppid()} (init): nobody has to wait for me`);
      return 0;
    });
    yield* say(`child ${pid}: forked grandchild ${grandchild}, exiting`);
    return 0;
  });
  if (child instanceof sys.SysError) return 1;
  const r = yield* sys.waitpid(child);
  if (!(r instanceof sys.SysError) && r !== 0) yield* say(`parent ${me}: reaped child ${r.pid} at once`);
  yield* sleepFor(1000);
  yield* say(`parent ${me}: exiting`);
  return 0;
};
