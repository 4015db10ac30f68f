// `true` ignores its arguments and succeeds.

import type { Builtin } from './types.js';

export const trueBuiltin: Builtin = () => 0;
