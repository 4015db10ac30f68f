// A command failed where `set -e` applies (execute.ts decides where: not in the condition of
// an if, while or until, not an operand of && or || but the last, not under `!`, not a
// compound command whose own commands were checked). bash runs the ERR trap there first, with
// `$?` the failure's and kept after it, then -e ends the shell. The ERR trap does not run for
// the commands of its own action; it does for those of other trap actions.

import { isPromise, type Maybe } from '../lang/maybe.js';
import { ExitRequest } from './errors.js';
import type { Shell } from './shell.js';
import { runAction } from './trap-run.js';
import { ERR } from './traps.js';

/** Set on a shell while its ERR action runs. */
const inErrTrap = new WeakSet<Shell>();

export function commandFailed(shell: Shell): Maybe<void> {
  const ran = runErrTrap(shell);
  return isPromise(ran) ? ran.then(() => errexit(shell)) : errexit(shell);
}

function runErrTrap(shell: Shell): Promise<void> | undefined {
  const action = shell.traps.action(ERR);
  if (!action || inErrTrap.has(shell)) return undefined;
  const status = shell.lastStatus;
  inErrTrap.add(shell);
  return runAction(shell, action, true, Math.max(1, shell.lineno)).finally(() => {
    inErrTrap.delete(shell);
    shell.lastStatus = status;
  });
}

function errexit(shell: Shell): void {
  if (shell.options.isOn('errexit')) throw new ExitRequest(shell.lastStatus);
}
