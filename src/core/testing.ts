// Conditions of if, while and until: `set -e` is ignored while they run (XCU 2.14 set -e),
// including in the functions and compound commands they call.

import { lastly, type Maybe } from '../lang/maybe.js';
import type { Shell } from './shell.js';

/** Runs an if, while or until condition: `set -e` does not apply inside it. */
export function testing(shell: Shell, condition: () => Maybe<number>): Maybe<number> {
  shell.errexitSuspended++;
  return lastly(condition, () => {
    shell.errexitSuspended--;
  });
}
