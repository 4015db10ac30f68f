// false(1): does nothing, unsuccessfully.

import type { Program } from '../types.js';

export const falseProgram: Program = function* () {
  return 1;
};
