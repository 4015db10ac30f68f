// Functions (XCU 2.9.5): defining one is a command; calling one runs its body in the shell with
// the call's arguments as positional parameters, the call's prefix assignments in force for its
// duration (bash), and `return` ending it. Recursion deeper than MAX_DEPTH is refused with one
// line instead of exhausting the process (bash has FUNCNEST for this).

import type { CompoundCommand, FunctionDefinition } from '../lang/ast.js';
import { lastly, rescue, andThen, type Maybe } from '../lang/maybe.js';
import { LineAbandoned } from './errors.js';
import { statusOfReturn } from './flow.js';
import type { Shell } from './shell.js';
import { returned } from './condition-traps.js';

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
  const positional = shell.positional;
  const restore = shell.vars.assignFor(assignments);
  shell.positional = argv.slice(1);
  // a function body is outside the caller's loops: `break` there only says so (bash 5.2)
  const loops = shell.loopDepth;
  shell.loopDepth = 0;
  // `$LINENO` after the call is the caller's line again (bash restores line_number)
  const lineno = shell.lineno;
  shell.functionDepth++;
  shell.vars.pushScope();
  const aside = shell.traps.enterFunction(shell.options.isOn('errtrace'), shell.options.isOn('functrace'));
  // `$?` stays what it was before `return` until the RETURN trap has run
  const ran = (): Maybe<number> => andThen(rescue(() => runBody(shell, def.body), statusOfReturn), (status) => returned(shell, status));
  return lastly(ran, () => {
    shell.traps.leaveFunction(aside);
    shell.vars.popScope();
    shell.functionDepth--;
    shell.loopDepth = loops;
    shell.lineno = lineno;
    shell.positional = positional;
    restore();
  });
}

/** The definitions a copy of the shell that is a process of its own must be given first. */
export function functionsPrelude(shell: Shell): string {
  return [...shell.functions.values()].map((f) => `${f.source}\n`).join('');
}
