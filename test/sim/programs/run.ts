// Runs a simulated program as a foreground job and lets whatever it left behind (orphans,
// background children) finish, so a test sees all the terminal showed, with \n for \r\n.

import type { WaitStatus } from '../../../src/os/status.js';
import type { SimEvent } from '../../../src/os/sim/events.js';
import type { Machine } from '../../../src/os/sim/machine.js';
import { type RunOptions, runProgram } from '../../../src/os/sim/testing.js';

export interface Ran {
  readonly status: WaitStatus;
  readonly out: string;
  readonly events: readonly SimEvent[];
  readonly machine: Machine;
}

export async function run(argv: readonly string[], o: RunOptions = {}): Promise<Ran> {
  const r = await runProgram(argv, o);
  for (let i = 0; i < 500 && r.machine.processes().some((p) => p.pid !== 1 && p.state !== 'T'); i++) {
    await r.machine.kernel.settle();
  }
  return { status: r.status, out: r.machine.output().replace(/\r\n/g, '\n'), events: r.events, machine: r.machine };
}

export const exited = (code: number): WaitStatus => ({ kind: 'exited', code });
export const signaled = (signal: number): WaitStatus => ({ kind: 'signaled', signal, coreDumped: false });

/** Virtual time (ms) of the last event: how long the run took in simulated time. */
export const lastTime = (r: Ran): number => r.events.reduce((t, e) => Math.max(t, e.t), 0);
