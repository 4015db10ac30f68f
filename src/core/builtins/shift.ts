// `shift [n]` (builtins/shift.def): drops the first n positional parameters (1 by default).
// n larger than `$#` is refused with status 1 and nothing shifted (bash prints that only under
// shopt shift_verbose); a negative n is "out of range". bash 5.2 in its normal mode goes on after
// these errors even though shift is a special builtin; a second operand abandons the line, as
// bash's get_numeric_arg does.

import { LineAbandoned } from '../errors.js';
import { legalNumber } from './lib/numbers.js';
import type { Builtin } from './types.js';

export const shiftBuiltin: Builtin = (ctx) => {
  const words = ctx.argv.slice(1);
  if (words[0] === '--') words.shift();
  let n = 1n;
  if (words.length > 0) {
    const parsed = legalNumber(words[0]!);
    if (parsed === null) {
      ctx.error(`${words[0]}: numeric argument required`);
      return 1;
    }
    if (words.length > 1) {
      ctx.error('too many arguments');
      throw new LineAbandoned(1);
    }
    n = parsed;
  }
  const shell = ctx.shell;
  if (n < 0n) {
    ctx.error(`${words[0]}: shift count out of range`);
    return 1;
  }
  if (n > BigInt(shell.positional.length)) return 1;
  shell.positional = shell.positional.slice(Number(n));
  return 0;
};
