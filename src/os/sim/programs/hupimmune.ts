// hupimmune (fish's nohup_wait): ignores SIGHUP, closes fds 0-2, then polls every 0.25 s until
// its parent changes (it was orphaned) and exits 0; after 60 s it gives up with status 1.

import { SIG } from '../../signals.js';
import * as sys from '../sys.js';
import type { Program } from '../types.js';
import { sleepFor } from './lib.js';

export const hupimmune: Program = function* () {
  const parent = yield* sys.getppid();
  yield* sys.signal(SIG.HUP, 'ignore');
  for (const fd of [0, 1, 2]) yield* sys.close(fd);
  for (let i = 0; i < 60 * 4; i++) {
    if ((yield* sys.getppid()) !== parent) return 0;
    yield* sleepFor(250);
  }
  return 1;
};
