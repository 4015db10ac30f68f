// `:` does nothing, successfully; its arguments are expanded by the caller and ignored.

import type { Builtin } from './types.js';

export const colonBuiltin: Builtin = () => 0;
