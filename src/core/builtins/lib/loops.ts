// The operand of break and continue, as bash checks it: outside a loop they only say so; a
// positive number counts loops (more leaves them all); 0 or less leaves every loop with status
// 1; a word that is no number ends a script with status 128 (bash's throw_to_top_level).

import { FatalError } from '../../errors.js';
import { LoopControl } from '../../flow.js';
import { legalNumber } from './numbers.js';
import type { BuiltinContext } from '../types.js';

/** Runs `break` or `continue`: throws the LoopControl that leaves the loops, or returns a status. */
export function leaveLoops(ctx: BuiltinContext, kind: 'break' | 'continue'): number {
  const shell = ctx.shell;
  const depth = shell.loopDepth;
  if (depth === 0) {
    ctx.error("only meaningful in a `for', `while', or `until' loop");
    return 0;
  }
  const word = ctx.argv[1];
  const value = word === undefined ? 1n : legalNumber(word);
  if (value === null) {
    ctx.error(`${word}: numeric argument required`);
    throw new FatalError(128);
  }
  if (value < 1n) {
    ctx.error(`${word}: loop count out of range`);
    shell.lastStatus = 1;
    throw new LoopControl('break', depth);
  }
  // the loop's status is the body's last command's: this one's, 0
  shell.lastStatus = 0;
  throw new LoopControl(kind, value > BigInt(depth) ? depth : Number(value));
}
