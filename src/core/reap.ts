// Collecting child status changes. The shell asks about each child it started, by pid, and
// never waits for "any child" (the host may have children of its own). One SIGCHLD can stand
// for several changes, so every live child is polled until it has nothing more to say.

import type { WaitStatus } from '../os/status.js';
import type { Job } from './job.js';
import type { Shell } from './shell.js';

const ALL = { untraced: true, continued: true } as const;

/** Polls every live child of every job; returns true if anything changed. */
export function reapAll(shell: Shell): boolean {
  let changed = false;
  let restack = false;
  let lastStopped: Job | undefined;
  for (const job of shell.control.jobs.all()) {
    for (const pid of job.livePids()) {
      for (let s = shell.port.waitpid(pid, ALL); s; s = shell.port.waitpid(pid, ALL)) {
        changed = true;
        restack = record(shell, job, pid, s) || restack;
        if (job.state === 'stopped') lastStopped = job;
        if (s.kind === 'exited' || s.kind === 'signaled') break;
      }
    }
  }
  if (restack) {
    if (lastStopped) shell.control.jobs.setCurrent(lastStopped);
    else shell.control.jobs.resetCurrent();
  }
  reapDisowned(shell);
  if (changed && shell.dialect.notifyAtOnce) shell.dialect.notify(shell);
  return changed;
}

/**
 * Disowned jobs left the table, but their processes are still our children: reap them too,
 * or they would stay zombies. Their statuses interest nobody.
 */
function reapDisowned(shell: Shell): void {
  for (const pid of shell.control.disowned) {
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
}

/** True while any child of the shell may still change state. */
export function hasChildren(shell: Shell): boolean {
  return shell.control.jobs.size > 0 || shell.control.disowned.size > 0;
}

function record(shell: Shell, job: Job, pid: number, s: WaitStatus): boolean {
  const restack = job.record(pid, s);
  if (job.state === 'dead' && job.async && pid === job.lastPid) shell.control.finishedPids.set(pid, s);
  return restack;
}

/**
 * Waits until the job is no longer running (every member stopped or dead). Where the kernel
 * allows it and nothing else needs the event loop, this blocks in waitpid; otherwise it sleeps
 * on child events.
 */
export async function waitForJob(shell: Shell, job: Job): Promise<void> {
  if (shell.port.features.blockingWait && shell.mayBlock) {
    waitBlocking(shell, job);
    return;
  }
  reapAll(shell);
  while (job.state === 'running') {
    await shell.port.childEvent();
    reapAll(shell);
  }
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
