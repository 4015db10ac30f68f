// The terminal was closed (or the shell got SIGHUP): as bash's termsig_handler, hang up every
// job (hangup_all_jobs), end job control (terminate_stopped_jobs, give the terminal back),
// run the EXIT trap, then die of SIGHUP itself, so that the parent sees "killed by signal 1".
// With a trap on SIGHUP, bash leaves as at end of input instead: its trap runs, then the EXIT
// trap, and its jobs are not hung up.
//
// Dying by the signal, not exit(129), keeps Node's exit-time terminal reset from running: on a
// hung-up terminal its tcsetattr fails with EIO and Node aborts on an assertion. So the shell
// dies of SIGHUP with a trap on it too, where bash exits with `$?`. The line editor is left
// first, so a SIGHUP sent while the terminal still exists leaves it cooked; its read never
// returns, and the loop does not leave by itself meanwhile (hangingUp).

import { hangupJobs, terminateStoppedJobs } from '../core/leave.js';
import type { Shell } from '../core/shell.js';
import { endJobControl, type JobControlStart } from '../core/startup.js';
import { runExitTrap, runPendingTraps } from '../core/trap-run.js';
import { EXIT } from '../core/traps.js';
import type { OsPort } from '../os/port.js';
import { SIG } from '../os/signals.js';

/** Set once the shell is on its way out: leaving the line editor may report the hang-up again. */
let under = false;

/** A hang-up is under way: it ends the process itself. */
export function hangingUp(): boolean {
  return under;
}

export function hangUp(shell: Shell, start: JobControlStart | null, reader: { release(): void }): void {
  if (under) return;
  under = true;
  const trapped = !!shell.traps.action(SIG.HUP);
  if (!trapped) hangupJobs(shell);
  terminateStoppedJobs(shell);
  try {
    reader.release();
  } catch {
    // The terminal is gone; there are no modes to put back.
  }
  endJobControl(shell, start);
  if (!trapped && !shell.traps.action(EXIT)) return die(shell.port);
  // What the traps write to a terminal that is gone fails (EIO); the shell dies all the same.
  void runTraps(shell, trapped).catch(() => undefined).finally(() => die(shell.port));
}

async function runTraps(shell: Shell, trapped: boolean): Promise<void> {
  if (trapped) await runPendingTraps(shell);
  await runExitTrap(shell, shell.lastStatus);
}

function die(port: OsPort): void {
  port.setSignalAction(SIG.HUP, 'default');
  port.kill(port.getpid(), SIG.HUP);
  // A signal a process sends itself is delivered before kill() returns; this is never reached.
  port.exit(128 + SIG.HUP);
}
