// true(1): does nothing, successfully.

import type { Program } from '../types.js';

export const trueProgram: Program = function* () {
  return 0;
};
