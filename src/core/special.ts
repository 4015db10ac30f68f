// The special builtins (XCU 2.14): their errors end a non-interactive shell, and assignments
// before them stay. (bash outside its POSIX mode finds a function of the same name first.)

import { FatalError } from './errors.js';
import type { Shell } from './shell.js';

const SPECIAL: ReadonlySet<string> = new Set([
  'break', ':', 'continue', '.', 'eval', 'exec', 'exit', 'export', 'readonly', 'return', 'set', 'shift', 'times', 'trap', 'unset',
]);

export function isSpecialBuiltin(name: string): boolean {
  return SPECIAL.has(name);
}

/**
 * A special builtin failed with `status` (POSIX 2.8.1): a non-interactive shell ends, with
 * `exitStatus` (dash's 2 unless bash has its own); an interactive one goes on with the rest
 * of the line, as bash's does.
 */
export function specialBuiltinError(shell: Shell, status: number, exitStatus = 2): number {
  if (!shell.interactive) throw new FatalError(status, exitStatus);
  return status;
}
