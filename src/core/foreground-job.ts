// Waiting for a foreground job, then settling what its end means for the shell: `$?`, the
// Stopped or killed-by-signal message, the job table, and ^C (an interrupted job abandons the
// rest of the line). Used by the executor and by `fg`; it imports neither, so the builtins and
// the executor do not import each other.

import { shellStatus } from '../os/status.js';
import { Interrupted } from './errors.js';
import { LoopControl } from './flow.js';
import type { Job } from './job.js';
import { notifyJobs } from './notify.js';
import type { Shell } from './shell.js';
import { settleSigint, watchSigint } from './sigint.js';

/** Waits for a foreground job and settles `$?`, messages and the job table. */
export async function waitForeground(shell: Shell, job: Job, resume = false): Promise<number> {
  await shell.out.drain();
  const sigint = watchSigint(shell, job);
  try {
    await shell.control.runInForeground(job, resume);
    if (sigint) await settleSigint(shell, job, sigint);
  } finally {
    sigint?.stop();
  }
  return settleForeground(shell, job);
}

async function settleForeground(shell: Shell, job: Job): Promise<number> {
  shell.lastStopped = job.state === 'stopped';
  if (job.state === 'stopped') {
    job.notified = true;
    shell.control.jobs.setCurrent(job);
    if (shell.interactive) await shell.out.write(shell.stdio[2], shell.format.stopped(job, shell.control.jobs, shell.place()));
    const status = 128 + job.stopSignal();
    // bash leaves every loop it is in when a job stops under job control (jobs.c sets
    // `breaking` to the loop level): ^Z on `for …; do sleep 100; done` ends the loop.
    if (shell.loopDepth > 0 && job.jobControl) {
      shell.lastStatus = status;
      throw new LoopControl('break', shell.loopDepth);
    }
    return status;
  }
  job.notified = true;
  shell.control.jobs.remove(job);
  const counted = job.pipelineStatus(shell.options.isOn('pipefail'));
  const status = shellStatus(counted.kind === 'running' ? { kind: 'exited', code: 0 } : counted);
  const killed = shell.format.foregroundKilled(job);
  if (killed) await shell.out.write(shell.stdio[2], killed);
  if (shell.interactive) notifyJobs(shell);
  const last = job.lastStatus;
  const interruptedJob = last.kind === 'signaled' && last.signal === 2;
  if ((interruptedJob && job.jobControl) || shell.control.interrupted) {
    shell.control.interrupted = false;
    if (interruptedJob && shell.interactive) await shell.out.write(shell.stdio[1], '\n');
    shell.lastStatus = interruptedJob ? status : 130;
    throw new Interrupted(shell.lastStatus);
  }
  return status;
}
