// ^C while a shell without job control waits for a foreground job (bash 5.2 jobs.c wait_for and
// wait_sigint_handler). The terminal sends SIGINT to the shell as well as to the job, since they
// share a process group. The shell must not die at once, leaving a child that catches SIGINT
// writing to the terminal: it waits for the job. If the job died of SIGINT and the shell got
// SIGINT too, the shell then acts on it and dies of it; if the job survived (it caught the
// signal), the script goes on. Outside such a wait SIGINT keeps its default action, as in bash.

import type { SignalCount, WaitStatus } from '../os/port.js';
import { SIG } from '../os/signals.js';
import type { Job } from './job.js';
import type { Shell } from './shell.js';
import { runExitTrap } from './trap-run.js';

/** Starts counting SIGINT for the length of one foreground wait; null when not needed. */
export function watchSigint(shell: Shell, job: Job): SignalCount | null {
  if (shell.interactiveProcess || job.jobControl || shell.dialect.name !== 'bash') return null;
  // A shell started with SIGINT ignored (a background job of a script) keeps ignoring it.
  if (shell.port.inheritedIgnored().has(SIG.INT)) return null;
  // A trap on SIGINT (or ignoring it) replaces this: the trap runs once the job is over.
  if (shell.traps.holds(SIG.INT)) return null;
  return shell.port.countSignal(SIG.INT);
}

/**
 * Once the job is no longer running: dies of SIGINT if both the job and the shell got it. bash
 * asks whether the children reaped after the SIGINT all died of it; the last stage, whose
 * status is `$?`, stands for the job here. Inside `$(…)` (a copy of the shell here, a child in
 * bash) a SIGINT always ends the shell: bash's parent gets it while it reads the substitution,
 * outside any wait, and dies of it once the substitution is over.
 */
export async function settleSigint(shell: Shell, job: Job, watch: SignalCount): Promise<void> {
  const received = watch.count() > 0;
  watch.stop();
  if (!received || !(diedOfSigint(job.lastStatus) || shell.inSubshell)) return;
  // In a copy, bash's child (which got the SIGINT too) and its parent both end, each with its
  // own EXIT trap.
  const owner = shell.processOwner;
  if (owner !== shell) await runExitTrap(shell, shell.lastStatus);
  await dieOfSigint(owner);
}

function diedOfSigint(s: WaitStatus | { readonly kind: 'running' }): boolean {
  return s.kind === 'signaled' && s.signal === SIG.INT;
}

/** bash's termsig_handler: the EXIT trap, the default action back, then the signal to itself. */
async function dieOfSigint(shell: Shell): Promise<never> {
  await runExitTrap(shell, shell.lastStatus);
  await shell.out.drain();
  shell.port.setSignalAction(SIG.INT, 'default');
  shell.port.kill(shell.pid, SIG.INT);
  // Not reached unless SIGINT is blocked: end with the status a death by SIGINT would give.
  return shell.port.exit(128 + SIG.INT);
}
