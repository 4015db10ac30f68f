// Argument checks of the scenario helpers (test/helpers/common.h): their exact complaints and
// status 2, so a simulated helper fails as the C one does.

import type { Code } from '../types.js';
import { err } from './lib.js';

/** need_args: undefined when the count is right, else prints "usage: ..." and gives status 2. */
export function* needArgs(argv: readonly string[], min: number, max: number, usage: string): Code<number | undefined> {
  const n = argv.length - 1;
  if (n >= min && n <= max) return undefined;
  yield* err(`usage: ${usage}\n`);
  return 2;
}

/** parse_seconds: strtod of a non-negative number, or the complaint (the caller exits 2). */
export function* parseSeconds(prog: string, text: string): Code<number | undefined> {
  const m = /^\s*\+?((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|inf(inity)?)$/i.exec(text);
  if (m) return /^inf/i.test(m[1]!) ? Infinity : Number(m[1]);
  yield* err(`${prog}: bad number of seconds: ${text}\n`);
  return undefined;
}

/** perror(3): "prefix: strerror". */
export const perror = (prefix: string, reason: string) => err(`${prefix}: ${reason}\n`);
