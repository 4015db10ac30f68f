// Functions (XCU 2.9.5): defining one is a command; calling one runs its body in the shell with
// the call's arguments as positional parameters, the call's prefix assignments in force for its
// duration (bash), and `return` ending it. Recursion deeper than MAX_DEPTH is refused with one
// line instead of exhausting the process (bash has FUNCNEST for this). Without `set -E` and
// `set -T` the caller's ERR and RETURN traps are set aside for the call (traps.ts); the
// RETURN trap in force when the call ends runs before it is over (condition-traps.ts).

import type { CompoundCommand, FunctionDefinition } from '../lang/ast.js';
import { andThen, isPromise, type Maybe } from '../lang/maybe.js';
import { LineAbandoned } from './errors.js';
import { FunctionReturn } from './flow.js';
import type { Shell } from './shell.js';
import type { SetAside } from './traps.js';
import { runReturnTrap } from './condition-traps.js';

export const MAX_DEPTH = 1000;

/** Runs a function's body (a compound command) in the shell. */
export type BodyRunner = (shell: Shell, body: CompoundCommand) => Maybe<number>;

export function defineFunction(shell: Shell, def: FunctionDefinition): number {
  shell.functions.set(def.name, def);
  shell.lastStatus = 0;
  return 0;
}

export function callFunction(
  shell: Shell,
  def: FunctionDefinition,
  argv: readonly string[],
  assignments: ReadonlyMap<string, string>,
  runBody: BodyRunner,
): Maybe<number> {
  if (shell.functionDepth >= MAX_DEPTH) {
    return andThen(shell.diag(`${def.name}: maximum function nesting level exceeded (${MAX_DEPTH})`), () => {
      throw new LineAbandoned(1);
    });
  }
  const saved: Saved = {
    positional: shell.positional, loops: shell.loopDepth, restore: shell.vars.assignFor(assignments), lineno: shell.lineno,
    aside: shell.traps.enterFunction(shell.options.isOn('errtrace'), shell.options.isOn('functrace')),
  };
  shell.positional = argv.slice(1);
  // a function body is outside the caller's loops: `break` there only says so (bash 5.2)
  shell.loopDepth = 0;
  shell.functionDepth++;
  shell.vars.pushScope();
  // written out rather than with lastly and rescue: a loop may call a function every turn
  let status: Maybe<number>;
  try {
    status = runBody(shell, def.body);
  } catch (e) {
    return failed(shell, saved, e);
  }
  if (!isPromise(status)) return ended(shell, saved, status);
  return status.then((s) => ended(shell, saved, s), (e: unknown) => failed(shell, saved, e));
}

/** What a call changed in the shell, to put back when it ends. */
interface Saved {
  readonly positional: string[];
  readonly loops: number;
  readonly restore: () => void;
  /** `$LINENO` after the call is the caller's line again (bash restores line_number). */
  readonly lineno: number;
  readonly aside: SetAside | null;
}

/** The body ended with `status` (by `return` or not): the RETURN trap, then the call is over. */
function ended(shell: Shell, saved: Saved, status: number): Maybe<number> {
  let ran: Maybe<number>;
  try {
    ran = runReturnTrap(shell, status);
  } catch (e) {
    leave(shell, saved);
    throw e;
  }
  if (!isPromise(ran)) {
    leave(shell, saved);
    return ran;
  }
  return ran.then((s) => {
    leave(shell, saved);
    return s;
  }, (e: unknown) => {
    leave(shell, saved);
    throw e;
  });
}

/** `return` ends the call with its status (`$?` stays until the RETURN trap ran); anything else goes on up. */
function failed(shell: Shell, saved: Saved, e: unknown): Maybe<number> {
  if (e instanceof FunctionReturn) return ended(shell, saved, e.status);
  leave(shell, saved);
  throw e;
}

function leave(shell: Shell, saved: Saved): void {
  shell.traps.leaveFunction(saved.aside);
  shell.lineno = saved.lineno;
  shell.vars.popScope();
  shell.functionDepth--;
  shell.loopDepth = saved.loops;
  shell.positional = saved.positional;
  saved.restore();
}

/** The definitions a copy of the shell that is a process of its own must be given first. */
export function functionsPrelude(shell: Shell): string {
  return [...shell.functions.values()].map((f) => `${f.source}\n`).join('');
}
