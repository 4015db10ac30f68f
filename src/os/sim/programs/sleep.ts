// sleep(1) from GNU coreutils: sleeps for the sum of its operands, each a decimal number with
// an optional suffix s, m, h or d, in virtual time.

import type { Program } from '../types.js';
import { getopt, usageError } from './getopt.js';
import { err, sleepFor } from './lib.js';

const UNIT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds for one operand ("2", "0.5m", "1e2", "inf"), or undefined as xstrtod would refuse it. */
export function parseInterval(text: string): number | undefined {
  const m = /^\s*\+?((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?)([smhd]?)$/i.exec(text);
  if (!m) return undefined;
  const n = /^inf/i.test(m[1]!) ? Infinity : Number(m[1]);
  return n * UNIT[m[2]!]!;
}

export const sleep: Program = function* (argv) {
  const prog = argv[0] ?? 'sleep';
  const parsed = getopt(prog, argv.slice(1), { short: '' });
  if (typeof parsed === 'string') return yield* usageError(prog, parsed);
  if (parsed.operands.length === 0) return yield* usageError(prog, `${prog}: missing operand`);
  let seconds = 0;
  let bad = false;
  for (const op of parsed.operands) {
    const s = parseInterval(op);
    if (s === undefined) {
      yield* err(`${prog}: invalid time interval '${op}'\n`);
      bad = true;
    } else {
      seconds += s;
    }
  }
  if (bad) {
    yield* err(`Try '${prog} --help' for more information.\n`);
    return 1;
  }
  yield* sleepFor(seconds === Infinity ? Number.MAX_SAFE_INTEGER : seconds * 1000);
  return 0;
};
