// The Jobs panel's rows from the shell's job table, in the words `jobs -l` uses: a stopped job
// names its stop signal (`Stopped (tty input)`), a finished one its status (`Done`, `Exit 2`).

import { statusWord } from '../../core/format.js';
import type { JobTable } from '../../core/jobtable.js';
import type { JobRow } from '../../ui/model.js';

export function jobRows(table: JobTable): JobRow[] {
  return table.all().map((job) => {
    const shown = job.processes.find((p) => p.status.kind === 'stopped') ?? job.processes[job.processes.length - 1]!;
    return {
      id: job.id,
      mark: table.mark(job),
      state: statusWord(job, shown, true),
      pgid: job.pgid,
      command: job.command,
      foreground: job.foreground && job.state === 'running',
    };
  });
}
