// `read` on the simulated terminal when a signal with a trap comes: as on Linux (and in bash
// 5.2), the action runs while the read waits and the read goes on; in POSIX mode the read
// ends with 128+signal. The line is typed only once the action's output is there.

import { describe, expect, it } from 'vitest';
import { waitUntil } from '../../src/ptytest/wait.js';
import { simShell } from './shell-helpers.js';

const SCRIPT = `trap 'echo got' USR1; (sleep 1; kill -USR1 $$) & read x; echo "status=$? x=$x"`;

async function typedAfterTrap(script: string): Promise<string> {
  const sh = simShell(['-c', script]);
  await waitUntil(() => sh.output().includes('got'), { timeout: 10_000, description: 'the trap to run while read waits' });
  sh.machine.type('typed\n');
  await sh.exited;
  return sh.output().replace(/\r/g, '');
}

describe('read on the simulator, interrupted by a trapped signal', () => {
  it('runs the action while it waits, then goes on reading', async () => {
    expect(await typedAfterTrap(SCRIPT)).toMatch(/got\n(typed\n)?status=0 x=typed\n$/);
  });

  it('in POSIX mode ends with 128+signal', async () => {
    expect(await typedAfterTrap(`set -o posix; ${SCRIPT}`)).toMatch(/got\nstatus=138 x=\n/);
  });
});
