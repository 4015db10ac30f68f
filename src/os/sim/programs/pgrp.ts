// pgrp (fish's print_pgrp): prints its process group id.

import * as sys from '../sys.js';
import type { Program } from '../types.js';
import { out } from './lib.js';

export const pgrp: Program = function* () {
  yield* out(`${yield* sys.getpgrp()}\n`);
  return 0;
};
