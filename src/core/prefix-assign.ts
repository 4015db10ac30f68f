// Where the assignments of a simple command go (XCU 2.9.1): without a command name, and before
// a special builtin (XCU 2.14: they stay after it, as in dash and bash's POSIX mode), they set
// shell variables for good; before any other command they last for that command alone. A
// readonly variable refuses them with bash's "NAME: readonly variable": for good it is an error
// that ends a script (bash: status 1); for one command it is only reported.

import { FatalError } from './errors.js';
import type { Shell } from './shell.js';

const NONE: ReadonlyMap<string, string> = new Map();

/**
 * What is left of a command's assignments once they are made: nothing when they are made for
 * good (before a special builtin but exec, whose are its command's environment), else those the
 * command may have.
 */
export function prefixAssignments(shell: Shell, forGood: boolean, assignments: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  return forGood ? assignForGood(shell, assignments) : assignmentsForCommand(shell, assignments);
}

/** Sets each variable in order; a readonly one stops there and fails the command (fatally). */
export function assignForGood(shell: Shell, assignments: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  if (assignments.size === 0) return assignments;
  for (const [name, value] of assignments) {
    if (shell.vars.isReadonly(name)) throw readonlyError(shell, name);
    shell.vars.set(name, value);
  }
  return NONE;
}

/** The assignments a command may have: a readonly variable's is reported and left out. */
export function assignmentsForCommand(shell: Shell, assignments: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  if (assignments.size === 0) return assignments;
  let kept: Map<string, string> | null = null;
  for (const name of assignments.keys()) {
    if (!shell.vars.isReadonly(name)) continue;
    void shell.diag(`${name}: readonly variable`);
    kept ??= new Map(assignments);
    kept.delete(name);
  }
  return kept ?? assignments;
}

function readonlyError(shell: Shell, name: string): FatalError {
  void shell.diag(`${name}: readonly variable`);
  return new FatalError(1);
}
