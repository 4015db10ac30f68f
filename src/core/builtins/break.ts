// `break [n]` (XCU 2.14): leaves n enclosing loops. Outside a loop bash says so and does nothing.

import { LoopControl } from '../flow.js';
import { loopLevels } from './lib/loops.js';
import type { Builtin } from './types.js';

export const breakBuiltin: Builtin = (ctx) => {
  const levels = loopLevels(ctx);
  if (levels === null) return 1;
  if (levels === 0) return 0;
  throw new LoopControl('break', levels);
};
