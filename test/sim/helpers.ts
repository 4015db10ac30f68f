// Helpers for the simulated kernel's rule tests: a machine whose session leader is a small
// program written in the test, run until everything is idle, with its event log.

import { Machine } from '../../src/os/sim/machine.js';
import type { SimEvent } from '../../src/os/sim/events.js';
import * as sys from '../../src/os/sim/sys.js';
import type { Code, Program } from '../../src/os/sim/types.js';

export { sys };
export const SIGS = { HUP: 1, INT: 2, QUIT: 3, KILL: 9, USR1: 10, PIPE: 13, TERM: 15, CHLD: 17, CONT: 18, STOP: 19, TSTP: 20, TTIN: 21, TTOU: 22, WINCH: 28 } as const;

export interface World {
  readonly machine: Machine;
  readonly events: SimEvent[];
  /** Lines the test's programs logged with say(). */
  readonly log: string[];
  say(text: string): Code<void>;
  /** Lets the kernel run until nothing can run and no timer is due (the clock is manual). */
  settle(): Promise<void>;
  /** Moves virtual time forward. */
  advance(ms: number): Promise<void>;
}

/** A machine with a manual clock whose session leader runs `leader(world)`. */
export function world(programs: Record<string, Program> = {}): World & { start(leader: (w: World) => Code): void } {
  const machine = new Machine({
    clock: { kind: 'manual' },
    programs: new Map(Object.entries(programs).map(([name, p]) => [`/bin/${name}`, p])),
    dirs: ['/home/user'],
  });
  const events: SimEvent[] = [];
  machine.kernel.listen((e) => events.push(e));
  const log: string[] = [];
  const w = {
    machine, events, log,
    *say(text: string): Code<void> {
      log.push(text);
    },
    settle: () => machine.kernel.settle(),
    advance: (ms: number) => machine.kernel.advance(ms),
    start(leader: (w: World) => Code) {
      machine.programSession({ comm: 'leader', argv: ['leader'], env: ['PATH=/bin'], cwd: '/home/user', body: () => leader(w) });
    },
  };
  return w;
}

/** The raw 16-bit status of a reaped child, or the error. */
export function* waitRaw(pid: number, flags: sys.WaitFlags = {}): Code<number | string> {
  const r = yield* sys.waitpid(pid, flags);
  if (r instanceof sys.SysError) return r.errno;
  return r === 0 ? 0 : r.raw;
}

/** Forks a child that puts itself in a new group and runs body. */
export function* forkGroup(body: () => Code): Code<number> {
  const pid = yield* sys.fork(function* () {
    yield* sys.setpgid(0, 0);
    return yield* body();
  });
  if (pid instanceof sys.SysError) throw new Error(String(pid));
  yield* sys.setpgid(pid, pid);
  return pid;
}

export const hex = (n: number | string): string => (typeof n === 'number' ? `0x${n.toString(16).padStart(4, '0')}` : n);
