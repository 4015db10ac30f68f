// `break [n]` (XCU 2.14): leaves n enclosing loops. Outside a loop bash says so and does nothing.

import { leaveLoops } from './lib/loops.js';
import type { Builtin } from './types.js';

export const breakBuiltin: Builtin = (ctx) => leaveLoops(ctx, 'break');
