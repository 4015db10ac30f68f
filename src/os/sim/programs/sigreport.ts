// sigreport (fish's print_ignored_signals and print_blocked_signals): one line per signal
// 1..32 that is ignored ("ignored: TEXT") or blocked ("blocked: TEXT"), TEXT being strsignal's.
// A child of a job-control shell prints nothing.

import { signalText } from '../../signals.js';
import * as sys from '../sys.js';
import type { Program } from '../types.js';
import { out } from './lib.js';

export const sigreport: Program = function* () {
  const mask = new Set(yield* sys.sigprocmask('block', null));
  for (let sig = 1; sig <= 32; sig++) {
    // glibc reserves 32 and 33 for itself and refuses to report them.
    const action = sig === 32 ? null : yield* sys.sigaction(sig, null);
    if (action && !(action instanceof sys.SysError) && action.handler === 'ignore') yield* out(`ignored: ${signalText(sig)}\n`);
    if (mask.has(sig)) yield* out(`blocked: ${signalText(sig)}\n`);
  }
  return 0;
};
