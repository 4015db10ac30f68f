// `continue [n]` (XCU 2.14): resumes the nth enclosing loop. Outside a loop bash says so and does nothing.

import { leaveLoops } from './lib/loops.js';
import type { Builtin } from './types.js';

export const continueBuiltin: Builtin = (ctx) => leaveLoops(ctx, 'continue');
