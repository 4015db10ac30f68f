// orphanpgrp: a stopped process whose group becomes orphaned. The child moves to a group of
// its own and stops itself; the parent, the only link between that group and the rest of the
// session, exits. The group is now orphaned with a stopped member, so the kernel sends it
// SIGHUP and then SIGCONT (POSIX): the child catches and prints both, then runs on.

import { SIG } from '../../signals.js';
import * as sys from '../sys.js';
import type { Code, Program } from '../types.js';
import { say, sleepFor } from './lib.js';

function* catchAndSay(pid: () => number, sig: number, name: string): Code<void> {
  yield* sys.sigaction(sig, {
    handler: function* () {
      yield* say(`child ${pid()}: caught ${name}`);
    },
    flags: { restart: true },
    mask: [],
  });
}

export const orphanpgrp: Program = function* () {
  const me = yield* sys.getpid();
  const child = yield* sys.fork(function* () {
    const pid = yield* sys.getpid();
    yield* sys.setpgid(0, 0);
    yield* catchAndSay(() => pid, SIG.HUP, 'SIGHUP');
    yield* catchAndSay(() => pid, SIG.CONT, 'SIGCONT');
    yield* say(`child ${pid}: in my own group ${yield* sys.getpgrp()}, stopping myself with SIGSTOP`);
    yield* sys.kill(pid, SIG.STOP);
    yield* sleepFor(100);
    yield* say(`child ${pid}: running again; my parent is now ${yield* sys.getppid()}`);
    return 0;
  });
  if (child instanceof sys.SysError) return 1;
  const r = yield* sys.waitpid(child, { untraced: true });
  if (!(r instanceof sys.SysError) && r !== 0 && r.status.kind === 'stopped') {
    yield* say(`parent ${me}: child ${child} is stopped`);
  }
  yield* say(`parent ${me}: exiting: group ${child} loses its last link to the session and becomes orphaned`);
  return 0;
};
