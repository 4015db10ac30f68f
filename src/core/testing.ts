// Conditions of if, while and until: `set -e` is ignored while they run (XCU 2.14 set -e),
// including in the functions and compound commands they call.

import type { Shell } from './shell.js';

/** Runs an if, while or until condition: `set -e` does not apply inside it. */
export async function testing(shell: Shell, condition: () => Promise<number>): Promise<number> {
  shell.errexitSuspended++;
  try {
    return await condition();
  } finally {
    shell.errexitSuspended--;
  }
}

