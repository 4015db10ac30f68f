// Traps on the shell's own conditions (bash): ERR and RETURN. Their actions run where the
// executor says, with `$?` as bash has it there and as it was after them; neither runs again
// for the commands of its own action (bash's SIG_INPROGRESS), but both do for other actions.
//
// ERR: a command failed where `set -e` applies (execute.ts decides where: not in the condition
// of an if, while or until, not an operand of && or || but the last, not under `!`, not a
// compound command whose own commands were checked). The trap runs, then -e ends the shell.
//
// RETURN: a function or a file read by `.` is done, by `return` or by its end. `$?` in the
// action is what it was before the `return` ran; the status is the function's after it.

import type { Maybe } from '../lang/maybe.js';
import { ExitRequest } from './errors.js';
import { FunctionReturn } from './flow.js';
import type { Shell } from './shell.js';
import { runAction } from './trap-run.js';
import { ERR, RETURN } from './traps.js';

/** Shells running their ERR action, and those running their RETURN action. */
const running = { [ERR]: new WeakSet<Shell>(), [RETURN]: new WeakSet<Shell>() };

export function commandFailed(shell: Shell): Maybe<void> {
  const status = shell.lastStatus;
  const ran = runCondition(shell, ERR, Math.max(1, shell.lineno));
  if (ran === undefined) return errexit(shell);
  return ran.then(() => {
    shell.lastStatus = status;
    errexit(shell);
  });
}

function errexit(shell: Shell): void {
  if (shell.options.isOn('errexit')) throw new ExitRequest(shell.lastStatus);
}

/** A function or `.` returns `status`: the RETURN action runs first, if there is one. */
export function runReturnTrap(shell: Shell, status: number): Maybe<number> {
  const ran = runCondition(shell, RETURN, 1);
  if (ran === undefined) return settle(shell, status);
  // `return` in the action ends the action only (bash would run it again, without end).
  return ran.catch(ignoreReturn).then(() => settle(shell, status));
}

function settle(shell: Shell, status: number): number {
  shell.lastStatus = status;
  return status;
}

function ignoreReturn(e: unknown): void {
  if (!(e instanceof FunctionReturn)) throw e;
}

function runCondition(shell: Shell, condition: typeof ERR | typeof RETURN, firstLine: number): Promise<void> | undefined {
  const action = shell.traps.action(condition);
  const busy = running[condition];
  if (!action || busy.has(shell)) return undefined;
  busy.add(shell);
  return runAction(shell, action, true, firstLine).finally(() => busy.delete(shell));
}
