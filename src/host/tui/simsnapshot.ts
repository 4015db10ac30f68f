// The panels' state read from the simulated kernel and the shell's job table: shared by the
// terminal UI's simulator backend (sim.ts) and the browser page's (src/web/backend.ts), so
// that both draw the same values. Pure TypeScript: the page runs it.

import type { JobTable } from '../../core/jobtable.js';
import type { Machine } from '../../os/sim/machine.js';
import type { ProcRow, Snapshot } from '../../ui/model.js';
import { jobRows } from './jobrows.js';

/** The session on the machine's terminal (init left out) and the shell's jobs, if it runs. */
export function simSnapshot(machine: Machine, jobs: JobTable | null): Snapshot {
  const tty = machine.tty;
  const sid = tty.session ?? 0;
  const processes: ProcRow[] = machine.processes().filter((p) => p.pid !== 1 && p.sid === sid).map((p) => ({
    pid: p.pid, ppid: p.ppid, pgid: p.pgid, sid: p.sid, state: p.state,
    command: p.argv.length > 0 ? p.argv.join(' ') : `[${p.comm}]`,
  }));
  const t = tty.termios;
  return {
    jobs: jobs ? jobRows(jobs) : [],
    processes,
    sid,
    terminal: {
      tpgid: tty.fgPgrp, tostop: t.tostop, icanon: t.icanon, echo: t.echo, isig: t.isig,
      cols: tty.winsize.cols, rows: tty.winsize.rows,
    },
  };
}
