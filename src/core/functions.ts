// Functions (XCU 2.9.5): defining one is a command; calling one runs its body in the shell with
// the call's arguments as positional parameters, the call's prefix assignments in force for its
// duration (bash), and `return` ending it. Recursion deeper than MAX_DEPTH is refused with one
// line instead of exhausting the process (bash has FUNCNEST for this).

import type { CompoundCommand, FunctionDefinition } from '../lang/ast.js';
import { andThen, isPromise, type Maybe } from '../lang/maybe.js';
import { LineAbandoned } from './errors.js';
import { FunctionReturn } from './flow.js';
import type { Shell } from './shell.js';

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
  const saved: Saved = { positional: shell.positional, loops: shell.loopDepth, restore: shell.vars.assignFor(assignments) };
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
    leave(shell, saved);
    return returned(shell, e);
  }
  if (!isPromise(status)) {
    leave(shell, saved);
    return status;
  }
  return status.then((s) => {
    leave(shell, saved);
    return s;
  }, (e: unknown) => {
    leave(shell, saved);
    return returned(shell, e);
  });
}

/** What a call changed in the shell, to put back when it ends. */
interface Saved {
  readonly positional: string[];
  readonly loops: number;
  readonly restore: () => void;
}

function leave(shell: Shell, saved: Saved): void {
  shell.vars.popScope();
  shell.functionDepth--;
  shell.loopDepth = saved.loops;
  shell.positional = saved.positional;
  saved.restore();
}

/** `return` ends the call with its status; anything else goes on up. */
function returned(shell: Shell, e: unknown): number {
  if (!(e instanceof FunctionReturn)) throw e;
  shell.lastStatus = e.status;
  return e.status;
}

/** The definitions a copy of the shell that is a process of its own must be given first. */
export function functionsPrelude(shell: Shell): string {
  return [...shell.functions.values()].map((f) => `${f.source}\n`).join('');
}
