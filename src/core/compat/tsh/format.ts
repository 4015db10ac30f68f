// The job messages of the shell lab's reference shell (tshref), byte for byte. A job's
// command is the line as typed, and tsh prints it with the newline fgets kept, so every
// message that shows it ends with that line. tsh jobs are one process, so "pid" is the job's.

import type { MessageFormat } from '../../format.js';
import type { Job } from '../../job.js';

function pid(job: Job): number {
  return job.processes[0]!.pid;
}

/** "[1] (26252) ./myspin 1 &": the launch line, and what bg prints. */
function announced(job: Job): string {
  return `[${job.id}] (${pid(job)}) ${job.command}\n`;
}

/** What tsh's SIGCHLD handler says about a job that stopped or died of a signal; "" otherwise. */
function reaped(job: Job): string {
  if (job.state === 'stopped') return `Job [${job.id}] (${pid(job)}) stopped by signal ${job.stopSignal()}\n`;
  const s = job.lastStatus;
  if (job.state === 'dead' && s.kind === 'signaled') return `Job [${job.id}] (${pid(job)}) terminated by signal ${s.signal}\n`;
  return '';
}

export const tshFormat: MessageFormat = {
  launched: announced,
  // tsh has one listing: no marks, no long form, no "(wd: …)".
  jobLine: (job) => `[${job.id}] (${pid(job)}) ${job.state === 'stopped' ? 'Stopped' : 'Running'} ${job.command}\n`,
  stopped: reaped,
  changed: reaped,
  foregroundKilled: reaped,
  resumedForeground: () => '',
  resumedBackground: announced,
};
