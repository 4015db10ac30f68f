// `return [n]` (XCU 2.14): ends the function being run with status n (default `$?`).
// Outside a function (or a sourced file) bash refuses with status 1.

import { FunctionReturn } from '../flow.js';
import { legalNumber } from './lib/numbers.js';
import type { Builtin } from './types.js';

export const returnBuiltin: Builtin = (ctx) => {
  const shell = ctx.shell;
  const word = ctx.argv[1];
  let status = shell.lastStatus;
  if (word !== undefined) {
    const n = legalNumber(word);
    if (n === null) {
      ctx.error(`${word}: numeric argument required`);
      status = 2;
    } else {
      status = Number(BigInt.asUintN(8, n));
    }
  }
  if (shell.functionDepth === 0) {
    ctx.error("can only `return' from a function or sourced script");
    return 1;
  }
  throw new FunctionReturn(status);
};
