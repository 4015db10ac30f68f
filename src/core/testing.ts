// Conditions of if, while and until: `set -e` is ignored while they run (XCU 2.14 set -e),
// including in the functions and compound commands they call.

import type { List } from '../lang/ast.js';
import { isPromise, type Maybe } from '../lang/maybe.js';
import type { Shell } from './shell.js';

/** Runs an if, while or until condition: `set -e` does not apply inside it. */
export function testing(shell: Shell, condition: () => Maybe<number>): Maybe<number> {
  return suspended(shell, call, condition, null);
}

/** `testing` of a list: what a while loop does on every turn, so without a closure. */
export function testList(shell: Shell, list: List, run: (shell: Shell, list: List) => Maybe<number>): Maybe<number> {
  return suspended(shell, run, shell, list);
}

const call = (condition: () => Maybe<number>): Maybe<number> => condition();

/** `f(a, b)` with `set -e` suspended until it is done. */
function suspended<A, B>(shell: Shell, f: (a: A, b: B) => Maybe<number>, a: A, b: B): Maybe<number> {
  shell.errexitSuspended++;
  let status: Maybe<number>;
  try {
    status = f(a, b);
  } catch (e) {
    shell.errexitSuspended--;
    throw e;
  }
  if (isPromise(status)) return status.finally(() => shell.errexitSuspended--);
  shell.errexitSuspended--;
  return status;
}
