// `let expression ...` (builtins/let.def): each argument is evaluated as an arithmetic
// expression, in order; the status is 0 when the last value is not zero, 1 when it is zero,
// and 1 after an error, which stops at that argument.

import { ArithError } from '../../lang/arith/error.js';
import { evaluateArith, type ArithVariables } from '../../lang/arith/evaluate.js';
import { isZero, type Int } from '../../lang/arith/int.js';
import type { Builtin } from './types.js';

export const letBuiltin: Builtin = (ctx) => {
  const words = ctx.argv[1] === '--' ? ctx.argv.slice(2) : ctx.argv.slice(1);
  if (words.length === 0) {
    ctx.error('expression expected');
    return 1;
  }
  const vars: ArithVariables = { get: (name) => ctx.shell.vars.get(name), set: (name, value) => ctx.shell.vars.set(name, value) };
  let value: Int = 0;
  for (const word of words) {
    try {
      value = evaluateArith(word, vars);
    } catch (e) {
      if (!(e instanceof ArithError)) throw e;
      ctx.error(e.message);
      return 1;
    }
  }
  return isZero(value) ? 1 : 0;
};
