// bash's arithmetic command `((expression))`: the expression is expanded as in `$((…))` (never
// split or globbed) and evaluated; the status is 0 when the value is not zero, else 1. An
// arithmetic error fails only this command (status 1), with bash's `((: ` before the message,
// where one in `$((…))` abandons the whole line.

import type { Word } from '../lang/ast.js';
import { ArithError } from '../lang/arith/error.js';
import { evaluateArith } from '../lang/arith/evaluate.js';
import { isZero, type Int } from '../lang/arith/int.js';
import { expandWord } from '../lang/expand.js';
import { andThen, type Maybe } from '../lang/maybe.js';
import { expansionContext } from './expansion.js';
import type { ListRunner } from './loops.js';
import type { Shell } from './shell.js';

export function runArithCommand(shell: Shell, expression: Word, run: ListRunner): Maybe<number> {
  return andThen(arithValue(shell, expression, run), (value) => {
    const status = value === null || isZero(value) ? 1 : 0;
    shell.lastStatus = status;
    return status;
  });
}

/** The value of an expression of `((…))` or `for ((…))`; null once an error is reported. */
export function arithValue(shell: Shell, expression: Word, run: ListRunner): Maybe<Int | null> {
  const ctx = expansionContext(shell, run);
  return andThen(expandWord(expression, ctx), (text) => {
    try {
      return evaluateArith(text, ctx);
    } catch (e) {
      if (!(e instanceof ArithError)) throw e;
      return andThen(shell.diag(`((: ${e.message}`), () => null);
    }
  });
}
