// The shell's job table as rows of the Jobs panel, in the words `jobs -l` uses (bash's
// printable_job_status with the long format): a stopped job names its stop signal, `Stopped
// (tty input)` for SIGTTIN, plain `Stopped` for ^Z. Both backends call it on their shell.

import { statusWord } from '../../core/format.js';
import type { Job, JobProcess } from '../../core/job.js';
import type { JobTable } from '../../core/jobtable.js';
import type { JobRow } from '../../ui/model.js';

/** The member whose status words the job: the last stopped one (bash's stop signal), else the last. */
function shownMember(job: Job): JobProcess {
  if (job.state === 'stopped') {
    for (let i = job.processes.length - 1; i >= 0; i--) {
      if (job.processes[i]!.status.kind === 'stopped') return job.processes[i]!;
    }
  }
  return job.processes[job.processes.length - 1]!;
}

function stateWords(job: Job): string {
  const shown = shownMember(job);
  const word = statusWord(job, shown, true);
  return shown.status.kind === 'signaled' && shown.status.coreDumped ? `${word} (core dumped)` : word;
}

/** One row per job, in the table's order, with the current (+) and previous (-) marks. */
export function jobRows(table: JobTable): JobRow[] {
  return table.all().map((job) => ({
    id: job.id,
    mark: table.mark(job),
    state: stateWords(job),
    pgid: job.pgid,
    command: job.command,
    foreground: job.foreground,
  }));
}
