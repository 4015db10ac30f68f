// `false` ignores its arguments and fails.

import type { Builtin } from './types.js';

export const falseBuiltin: Builtin = () => 1;
