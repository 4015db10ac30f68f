// The operand of break and continue, as bash checks it: a positive number, at most the loops
// there are (more leaves them all).

import { legalNumber } from './numbers.js';
import type { BuiltinContext } from '../types.js';

/** Loops to leave; 0 outside any loop (after bash's message); null on a bad operand (after the error). */
export function loopLevels(ctx: BuiltinContext): number | null {
  const name = ctx.argv[0]!;
  const depth = ctx.shell.loopDepth;
  const word = ctx.argv[1];
  let n = 1;
  if (word !== undefined) {
    const value = legalNumber(word);
    if (value === null) {
      ctx.error(`${word}: numeric argument required`);
      return null;
    }
    if (value < 1n) {
      ctx.error(`${word}: loop count out of range`);
      return null;
    }
    n = value > BigInt(depth) ? depth : Number(value);
  }
  if (depth === 0) {
    ctx.error("only meaningful in a `for', `while', or `until' loop");
    return 0;
  }
  return n;
}
