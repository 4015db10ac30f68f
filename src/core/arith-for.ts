// bash's `for ((init; test; step)) do body done`: init once, then the body while test is not
// zero (an empty test is true), step after each pass, `continue` included. An arithmetic
// error ends the loop with status 1, as in bash.

import type { CompoundBody } from '../lang/ast.js';
import { andThen, type Maybe } from '../lang/maybe.js';
import { isZero, type Int } from '../lang/arith/int.js';
import { arithValue } from './arith-command.js';
import { loop, type ListRunner } from './loops.js';
import type { Shell } from './shell.js';

type ArithFor = CompoundBody & { kind: 'arith-for' };

export function runArithFor(shell: Shell, head: ArithFor, run: ListRunner): Maybe<number> {
  let failed = false;
  let first = true;
  const holds = (value: Int | null): boolean => {
    if (value === null) failed = true;
    return value !== null && !isZero(value);
  };
  const passes = (): Maybe<boolean> => {
    const before = first ? head.init : head.step;
    first = false;
    return andThen(arithValue(shell, before, run), (done) => {
      if (done === null) return holds(null);
      return head.test.source.trim() === '' ? true : andThen(arithValue(shell, head.test, run), holds);
    });
  };
  return andThen(loop(shell, passes, head.body, run), (status) => {
    if (!failed) return status;
    shell.lastStatus = 1;
    return 1;
  });
}
