// Running one simulated program as a foreground job, for tests of programs and rules: a small
// session leader forks it into its own group, gives it the terminal, waits for it, and the
// call resolves with its status, what the terminal showed and the event log.

import type { WaitStatus } from '../status.js';
import { SysError } from './errno.js';
import type { SimEvent } from './events.js';
import { Machine } from './machine.js';
import { PROGRAMS } from './programs/index.js';
import * as sys from './sys.js';
import type { Code, Program } from './types.js';

export interface RunOptions {
  /** Typed on the terminal before the program starts. */
  readonly input?: string;
  readonly env?: readonly string[];
  readonly files?: Readonly<Record<string, string>>;
  readonly programs?: ReadonlyMap<string, Program>;
}

export interface RunResult {
  readonly output: string;
  readonly status: WaitStatus;
  readonly events: readonly SimEvent[];
  readonly machine: Machine;
}

export async function runProgram(argv: readonly string[], o: RunOptions = {}): Promise<RunResult> {
  const programs = o.programs ?? PROGRAMS;
  const machine = new Machine({ programs, files: o.files, dirs: ['/home/user'] });
  const events: SimEvent[] = [];
  let typed = false;
  let runnerPid = 0;
  machine.kernel.listen((e) => {
    events.push(e);
    // The input is typed once the program owns the terminal, so a ^C or ^Z in it reaches the program.
    if (!typed && o.input && e.kind === 'tty' && e.what === 'foreground' && e.pgid !== runnerPid) {
      typed = true;
      const input = o.input;
      queueMicrotask(() => machine.type(input));
    }
  });
  const env = o.env ?? ['PATH=/bin:/usr/bin', 'HOME=/home/user', 'TERM=xterm'];
  const status = await new Promise<WaitStatus>((resolve) => {
    runnerPid = machine.programSession({ comm: 'runner', argv: ['runner'], env, cwd: '/home/user', body: () => runner(argv, env, resolve) }).pid;
  });
  return { output: machine.output(), status, events, machine };
}

function* runner(argv: readonly string[], env: readonly string[], done: (s: WaitStatus) => void): Code {
  yield* sys.signal(22, 'ignore');
  const pid = yield* sys.fork(function* () {
    yield* sys.setpgid(0, 0);
    yield* sys.tcsetpgrp(0, yield* sys.getpid());
    yield* sys.signal(22, 'default');
    const path = argv[0]!.startsWith('/') ? argv[0]! : `/bin/${argv[0]}`;
    const r = yield* sys.execve(path, argv, env);
    yield* sys.write(2, `${argv[0]}: ${r.reason}\n`);
    return r.errno === 'ENOENT' ? 127 : 126;
  });
  if (pid instanceof SysError) throw new Error(pid.toString());
  yield* sys.setpgid(pid, pid);
  for (;;) {
    const r = yield* sys.waitpid(pid, { untraced: true });
    if (r instanceof SysError || r === 0) continue;
    if (r.status.kind === 'stopped') {
      yield* sys.kill(-pid, 9);
      continue;
    }
    yield* sys.tcsetpgrp(0, yield* sys.getpgrp());
    done(r.status);
    return 0;
  }
}
