// while, until and for (XCU 2.9.4.3-2.9.4.5). Each iteration's body runs in the shell itself;
// `break n` and `continue n` arrive as LoopControl and are counted down one loop at a time.
// A job stopped by ^Z inside the body does not end the loop: as in bash, its status (148)
// is the body's, and the loop goes on.

import type { List, Word } from '../lang/ast.js';
import { expandWords } from '../lang/expand.js';
import { expansionContext } from './expansion.js';
import { LoopControl } from './flow.js';
import { testing } from './testing.js';
import type { Shell } from './shell.js';

export type ListRunner = (shell: Shell, list: List) => Promise<number>;

/** What a loop does after its body threw: go on, or stop with this outcome. */
function caught(e: unknown): 'next' | 'stop' | LoopControl {
  if (!(e instanceof LoopControl)) throw e;
  if (e.levels > 1) return new LoopControl(e.kind, e.levels - 1);
  return e.kind === 'continue' ? 'next' : 'stop';
}

/** Runs `body` once, translating loop control: 'next', 'stop', or a control for an outer loop. */
async function iteration(shell: Shell, body: List, run: ListRunner): Promise<'next' | 'stop' | LoopControl> {
  try {
    await run(shell, body);
    return 'next';
  } catch (e) {
    return caught(e);
  }
}

export function runWhile(shell: Shell, until: boolean, condition: List, body: List, run: ListRunner): Promise<number> {
  return loop(shell, async () => (await testing(shell, () => run(shell, condition)) === 0) !== until, body, run);
}

/** `for name [in words]`: without `in`, the positional parameters. */
export async function runFor(shell: Shell, name: string, words: readonly Word[] | null, body: List, run: ListRunner): Promise<number> {
  const values = words === null ? [...shell.positional] : await expandWords(words, expansionContext(shell, run));
  if (values.length > 0 && shell.vars.isReadonly(name)) {
    // bash: the loop does not start
    await shell.diag(`${name}: readonly variable`);
    shell.lastStatus = 1;
    return 1;
  }
  let i = 0;
  return loop(shell, async () => {
    if (i >= values.length) return false;
    shell.vars.set(name, values[i++]!);
    return true;
  }, body, run);
}

/**
 * Runs `body` while `more` says so, one loop level deeper. A `break` or `continue` in `more`
 * (a while condition may run one) counts as in the body. The status is the last body's, or 0.
 */
async function loop(shell: Shell, more: () => Promise<boolean>, body: List, run: ListRunner): Promise<number> {
  let status = 0;
  shell.loopDepth++;
  try {
    for (;;) {
      let outcome: 'next' | 'stop' | LoopControl;
      try {
        outcome = (await more()) ? 'next' : 'stop';
      } catch (e) {
        outcome = caught(e);
        if (outcome === 'next') continue;
      }
      if (outcome === 'next') {
        outcome = await iteration(shell, body, run);
        status = shell.lastStatus;
      }
      if (outcome === 'stop') break;
      if (outcome !== 'next') throw outcome;
    }
  } finally {
    shell.loopDepth--;
  }
  shell.lastStatus = status;
  return status;
}
