// bash's `for ((init; test; step)) do body done`: init once, then the body while test is not
// zero (an empty test is true), step after each pass, `continue` included. An arithmetic
// error ends the loop with status 1, as in bash.

import type { CompoundBody } from '../lang/ast.js';
import { arithValue } from './arith-command.js';
import { loop, type ListRunner } from './loops.js';
import type { Shell } from './shell.js';

type ArithFor = CompoundBody & { kind: 'arith-for' };

export async function runArithFor(shell: Shell, head: ArithFor, run: ListRunner): Promise<number> {
  let failed = false;
  let first = true;
  const passes = async (): Promise<boolean> => {
    const before = first ? head.init : head.step;
    first = false;
    let value = await arithValue(shell, before, run);
    if (value !== null) value = head.test.source.trim() === '' ? 1n : await arithValue(shell, head.test, run);
    if (value === null) failed = true;
    return value !== null && value !== 0n;
  };
  const status = await loop(shell, passes, head.body, run);
  if (!failed) return status;
  shell.lastStatus = 1;
  return 1;
}
