// Collecting child status changes. The shell collects only children it started, by pid, and
// never waits for "any child" (the host may have children of its own). The kernel names a
// child with a change waiting (without collecting it): when there is one, every live child is
// polled until it has nothing more to say, since one SIGCHLD can stand for several changes.

import type { WaitStatus } from '../os/status.js';
import type { Job } from './job.js';
import type { Shell } from './shell.js';
import { dieIfTerminated } from './trap-run.js';

const ALL = { untraced: true, continued: true } as const;

interface Tally {
  changed: boolean;
  restack: boolean;
  lastStopped: Job | undefined;
}

/**
 * Takes in every pending change of the shell's children; returns true if anything changed.
 * It polls only when the kernel says some child has a change waiting: a script with 1,000
 * jobs running updates before every command, and one call then stands for a thousand when
 * nothing happened. When something did, every child is polled in table order, so that of
 * several stops the last in the table becomes current, as in bash.
 */
export function reapAll(shell: Shell): boolean {
  if (!hasChildren(shell) || shell.port.pendingChild() === 0) return false;
  const tally: Tally = { changed: false, restack: false, lastStopped: undefined };
  pollAll(shell, tally);
  if (tally.restack) {
    if (tally.lastStopped) shell.control.jobs.setCurrent(tally.lastStopped);
    else shell.control.jobs.resetCurrent();
  }
  if (tally.changed && shell.dialect.notifyAtOnce) shell.dialect.notify(shell);
  return tally.changed;
}

/** Every live child of every job, and every disowned one. */
function pollAll(shell: Shell, tally: Tally): void {
  for (const job of shell.control.jobs.all()) {
    for (const pid of job.livePids()) pollChild(shell, job, pid, tally);
  }
  for (const pid of shell.control.disowned) reapDisowned(shell, pid);
}

/** Takes in what one child of a job has to say. */
function pollChild(shell: Shell, job: Job, pid: number, tally: Tally): void {
  for (let s = shell.port.waitpid(pid, ALL); s; s = shell.port.waitpid(pid, ALL)) {
    tally.changed = true;
    tally.restack = record(shell, job, pid, s) || tally.restack;
    if (job.state === 'stopped') tally.lastStopped = job;
    if (s.kind === 'exited' || s.kind === 'signaled') break;
  }
}

/**
 * Disowned jobs left the table, but their processes are still our children: reap them too,
 * or they would stay zombies. Their statuses interest nobody.
 */
function reapDisowned(shell: Shell, pid: number): void {
  try {
    for (let s = shell.port.waitpid(pid, ALL); s; s = shell.port.waitpid(pid, ALL)) {
      if (s.kind === 'exited' || s.kind === 'signaled') {
        shell.control.disowned.delete(pid);
        break;
      }
    }
  } catch {
    shell.control.disowned.delete(pid);
  }
}

/** True while any child of the shell may still change state. */
export function hasChildren(shell: Shell): boolean {
  return shell.control.jobs.size > 0 || shell.control.disowned.size > 0;
}

function record(shell: Shell, job: Job, pid: number, s: WaitStatus): boolean {
  const restack = job.record(pid, s);
  if (s.kind === 'exited' || s.kind === 'signaled') shell.traps.childEnded();
  if (job.state === 'dead' && job.async && pid === job.lastPid) shell.control.finishedPids.set(pid, s);
  return restack;
}

/**
 * Waits until the job is no longer running (every member stopped or dead). Where the kernel
 * allows it and nothing else needs the event loop, this blocks in waitpid; otherwise it sleeps
 * on child events.
 */
export async function waitForJob(shell: Shell, job: Job): Promise<void> {
  // A shell with an EXIT trap dies of a signal at once, trap first, as bash does: it must not
  // sleep in waitpid until the job is over.
  const guarded = shell.traps.guardingExit;
  if (shell.port.features.blockingWait && shell.mayBlock && shell.pendingWrites === 0 && !guarded) {
    waitBlocking(shell, job);
    return;
  }
  reapAll(shell);
  while (job.state === 'running') {
    if (guarded) await dieIfTerminated(shell);
    await (guarded ? childEventOrSignal(shell) : shell.port.childEvent());
    reapAll(shell);
  }
  // waitpid told of the end at once; a ^C that came first may not have reached the shell yet.
  await shell.port.signalsDelivered();
}

/** The next child event, or the arrival of a caught signal. */
function childEventOrSignal(shell: Shell): Promise<void> {
  return new Promise((resolve) => {
    const stop = shell.traps.onArrival(() => {
      stop();
      resolve();
    });
    void shell.port.childEvent().then(() => {
      stop();
      resolve();
    });
  });
}

function waitBlocking(shell: Shell, job: Job): void {
  const options = { untraced: job.jobControl, continued: false };
  while (job.state === 'running') {
    const pid = job.processes.find((p) => p.status.kind === 'running')?.pid;
    if (pid === undefined) break;
    const s = shell.port.waitpidBlocking(pid, options);
    if (record(shell, job, pid, s) && isStopped(job)) shell.control.jobs.setCurrent(job);
  }
}

function isStopped(job: Job): boolean {
  return job.state === 'stopped';
}
