// bash's arithmetic command `((expression))`: the expression is expanded as in `$((…))` (never
// split or globbed) and evaluated; the status is 0 when the value is not zero, else 1. An
// arithmetic error fails only this command (status 1), with bash's `((: ` before the message,
// where one in `$((…))` abandons the whole line.

import type { Word } from '../lang/ast.js';
import { ArithError } from '../lang/arith/error.js';
import { evaluateArith } from '../lang/arith/evaluate.js';
import { expandWord } from '../lang/expand.js';
import { expansionContext } from './expansion.js';
import type { ListRunner } from './loops.js';
import type { Shell } from './shell.js';

export async function runArithCommand(shell: Shell, expression: Word, run: ListRunner): Promise<number> {
  const ctx = expansionContext(shell, run);
  const text = await expandWord(expression, ctx);
  let status: number;
  try {
    status = evaluateArith(text, ctx) === 0n ? 1 : 0;
  } catch (e) {
    if (!(e instanceof ArithError)) throw e;
    await shell.diag(`((: ${e.message}`);
    status = 1;
  }
  shell.lastStatus = status;
  return status;
}
