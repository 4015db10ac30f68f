// Runs a simulated program as a foreground job and lets whatever it left behind (orphans,
// background children) finish, so a test sees all the terminal showed, with \n for \r\n.

import type { WaitStatus } from '../../../src/os/status.js';
import type { SimEvent } from '../../../src/os/sim/events.js';
import type { Machine } from '../../../src/os/sim/machine.js';
import { PROGRAMS } from '../../../src/os/sim/programs/index.js';
import * as sys from '../../../src/os/sim/sys.js';
import { type RunOptions, runProgram } from '../../../src/os/sim/testing.js';
import type { Program } from '../../../src/os/sim/types.js';

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

/**
 * A program that runs `path args` in a process group of its own, without giving it the
 * terminal (a background job), and prints how it ended: "exited N", "stopped SIG" (then kills
 * it) or "signaled SIG".
 */
export function background(path: string, args: readonly string[] = []): Program {
  return function* () {
    const pid = yield* sys.fork(function* () {
      yield* sys.setpgid(0, 0);
      yield* sys.execve(path, [path.slice(path.lastIndexOf('/') + 1), ...args]);
      return 127;
    });
    if (pid instanceof sys.SysError) return 1;
    yield* sys.setpgid(pid, pid);
    for (;;) {
      const r = yield* sys.waitpid(pid, { untraced: true });
      if (r instanceof sys.SysError || r === 0) continue;
      const s = r.status;
      const text = s.kind === 'exited' ? `exited ${s.code}` : s.kind === 'stopped' ? `stopped ${s.signal}` : s.kind === 'signaled' ? `signaled ${s.signal}` : 'continued';
      yield* sys.write(1, `${text}\n`);
      if (s.kind !== 'stopped') return 0;
      yield* sys.kill(pid, 9);
      yield* sys.waitpid(pid);
      return 0;
    }
  };
}

/** Runs `path args` as a background job of a small parent (see background()). */
export function runInBackground(path: string, args: readonly string[] = []): Promise<Ran> {
  return run(['/bin/bgjob'], { programs: new Map([...PROGRAMS, ['/bin/bgjob', background(path, args)]]) });
}
