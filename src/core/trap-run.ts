// Running trap actions (bash's run_pending_traps and run_exit_trap). A caught signal's action
// runs at a safe point: between commands, and once a foreground job is over (a signal that came
// while it ran waits for it, as in bash). `$?` is the same after the action as before it, unless
// the action exits. The EXIT action runs once, when the shell (or a subshell) ends, with `$?`
// the exit status; the status stays unless the action calls `exit`. A non-interactive shell
// with an EXIT trap runs it before it dies of a signal (the port catches them for it).

import { SyntaxError as ShellSyntaxError } from '../lang/ast.js';
import { ExitRequest, LineAbandoned } from './errors.js';
import type { Shell } from './shell.js';

/** Runs the action of every caught signal that has one; at most one action at a time. */
export async function runPendingTraps(shell: Shell): Promise<void> {
  const traps = shell.traps;
  if (traps.running) return;
  for (let sig = traps.nextCaught(); sig !== undefined; sig = traps.nextCaught()) {
    if (traps.isTerminating(sig)) await dieOf(shell.processOwner, sig);
    await runTrap(shell, sig);
  }
}

/** Runs the action for one signal now, if it has one (^C read as a key at the prompt). */
export async function runTrap(shell: Shell, sig: number): Promise<void> {
  const action = shell.traps.action(sig);
  if (!action || shell.traps.running) return;
  const status = shell.lastStatus;
  await runAction(shell, action, true);
  shell.lastStatus = status;
}

/** Runs the EXIT action, if any, for a shell leaving with `status`; returns the status to leave with. */
export async function runExitTrap(shell: Shell, status: number): Promise<number> {
  const action = shell.traps.takeExit();
  if (action === undefined) return status;
  shell.lastStatus = status;
  try {
    await runAction(shell, action, false);
  } catch (e) {
    if (e instanceof ExitRequest) return e.status;
    if (e instanceof LineAbandoned) return status;
    throw e;
  } finally {
    await shell.out.drain();
  }
  return status;
}

/** Dies now of a terminating signal caught for the EXIT trap, if one came (see dieOf). */
export async function dieIfTerminated(shell: Shell): Promise<void> {
  const sig = shell.traps.pendingTerminating();
  if (sig !== undefined) await dieOf(shell.processOwner, sig);
}

/**
 * A signal that would have ended the shell, caught only for the EXIT trap (bash's
 * termsig_handler): the trap, then the default action back and the signal to itself. `shell`
 * owns the process: while a copy of it runs `$(…)`, bash's parent is what dies.
 */
async function dieOf(shell: Shell, sig: number): Promise<never> {
  await runExitTrap(shell, shell.lastStatus);
  await shell.out.drain();
  shell.port.trapSignal(sig, 'release');
  shell.port.setSignalAction(sig, 'default');
  shell.port.kill(shell.pid, sig);
  // Not reached unless the signal is blocked: end with the status a death by it would give.
  return shell.port.exit(128 + sig);
}

/**
 * `deeper`: bash traces a signal trap's commands one level deeper ("++"), EXIT's not. An ERR
 * action may run inside another action, which goes on being one after it. `$LINENO` counts
 * from `firstLine` (ERR's: the failed command's line).
 */
export async function runAction(shell: Shell, action: string, deeper: boolean, firstLine = 1): Promise<void> {
  const list = parse(shell, action, firstLine);
  if (list === null) return;
  const running = shell.traps.running;
  shell.traps.running = true;
  const level = shell.traceLevel;
  if (deeper) shell.traceLevel++;
  try {
    await shell.dialect.run(shell, list);
  } finally {
    shell.traceLevel = level;
    shell.traps.running = running;
  }
}

function parse(shell: Shell, action: string, firstLine: number) {
  try {
    return shell.dialect.parse(action, { firstLine });
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    void shell.diag(e.message);
    return null;
  }
}
