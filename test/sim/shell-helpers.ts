// The shell core on a simulated machine inside the test process: what `jcsh --sim` runs,
// without a real terminal, so runs can be compared event by event.

import { parseArgs } from '../../src/cli/args.js';
import { interactiveShell, runInProcess, scriptShell, subshellRunner } from '../../src/host/simshell.js';
import type { ClockPolicy } from '../../src/os/sim/clock.js';
import { eventJson } from '../../src/os/sim/events.js';
import { Machine } from '../../src/os/sim/machine.js';
import { SimPort } from '../../src/os/sim/port.js';
import { PROGRAMS } from '../../src/os/sim/programs/index.js';
import type { WaitStatus } from '../../src/os/status.js';

export interface SimShell {
  readonly machine: Machine;
  readonly log: string[];
  readonly exited: Promise<WaitStatus>;
  output(): string;
}

const ENV = ['PATH=/usr/bin:/bin', 'HOME=/home/user', 'PS1=$ ', 'TERM=xterm'];

export function simShell(argv: readonly string[], clock: ClockPolicy = { kind: 'jump' }): SimShell {
  const machine = new Machine({ clock, programs: PROGRAMS, dirs: ['/home/user'] });
  const log: string[] = [];
  machine.kernel.listen((e) => log.push(eventJson(e)));
  let done!: (s: WaitStatus) => void;
  const exited = new Promise<WaitStatus>((resolve) => (done = resolve));
  const proc = machine.hostSession({ comm: 'jcsh', argv: ['jcsh'], env: ENV, cwd: '/home/user', onExit: done });
  const options = { hostname: 'sim', username: 'user', uid: 1000, home: '/home/user' };
  const port = new SimPort(machine.kernel, proc, { ...options, subshell: subshellRunner(options) });
  const o = parseArgs(argv, true);
  runInProcess(() => (o.mode.kind === 'command' ? scriptShell(port, o, o.mode.source) : interactiveShell(port, o)));
  return { machine, log, exited, output: () => machine.output() };
}

/** Types `keys` at virtual time `at` (manual clock), letting the machine settle after. */
export async function typeAt(sh: SimShell, at: number, keys: string): Promise<void> {
  const k = sh.machine.kernel;
  if (at > k.now) await k.advance(at - k.now);
  else await k.settle();
  sh.machine.type(keys);
  await k.settle();
}
