// selfkill SIG (fish's sigint_self/sigkill_self): sends SIG (INT, SIGINT or a number) to its
// own pid; if it survives, sleeps 20 s and aborts.

import { SIGNALS } from '../../signals.js';
import * as sys from '../sys.js';
import type { Code, Program } from '../types.js';
import { needArgs, perror } from './helperargs.js';
import { err, sleepSteps } from './lib.js';

// The C helper's table: glibc's names except STKFLT, IO and PWR.
const NAMES = new Map(SIGNALS.filter((s) => !['STKFLT', 'IO', 'PWR'].includes(s.name)).map((s) => [s.name, s.number]));
const NSIG = 65;

function parseSignal(text: string): number | undefined {
  if (/^\d/.test(text)) {
    const m = /^(\d+)$/.exec(text);
    const n = m ? Number(m[1]) : -1;
    return n > 0 && n < NSIG ? n : undefined;
  }
  const name = text.toUpperCase().replace(/^SIG/, '');
  return NAMES.get(name);
}

/** abort(3): SIGABRT at its default action, whatever the program did with it. */
export function* abort(): Code<number> {
  yield* sys.signal(SIG_ABRT, 'default');
  yield* sys.sigprocmask('unblock', [SIG_ABRT]);
  yield* sys.kill(yield* sys.getpid(), SIG_ABRT);
  return 128 + SIG_ABRT;
}
const SIG_ABRT = 6;

export const selfkill: Program = function* (argv) {
  const bad = yield* needArgs(argv, 1, 1, 'selfkill SIGNAL');
  if (bad !== undefined) return bad;
  const sig = parseSignal(argv[1]!);
  if (sig === undefined) {
    yield* err(`selfkill: unknown signal: ${argv[1]}\n`);
    return 2;
  }
  const r = yield* sys.kill(yield* sys.getpid(), sig);
  if (r instanceof sys.SysError) {
    yield* perror('selfkill: kill', r.reason);
    return 1;
  }
  yield* sleepSteps(20);
  return yield* abort();
};


