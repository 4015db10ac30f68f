// `quit`: tsh leaves at once with status 0, whatever its jobs are doing.

import { ExitRequest } from '../../errors.js';
import type { Builtin } from '../../builtins/types.js';

export const quitTsh: Builtin = () => {
  throw new ExitRequest(0);
};
