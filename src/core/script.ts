// Running a whole script or a -c string: parse it all first (a syntax error runs nothing and
// exits 2), then run it line by line, so that an error which abandons a line (LineAbandoned)
// lets a script file go on with its next line, as bash does. In a -c string it ends the run.

import { SyntaxError as ShellSyntaxError, type AndOr, type List } from '../lang/ast.js';
import { ExitRequest, Interrupted, LineAbandoned } from './errors.js';
import { reportFailure } from './repl.js';
import type { Shell } from './shell.js';

export async function runScript(shell: Shell, source: string): Promise<number> {
  let list;
  try {
    list = shell.dialect.parse(source);
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    const where = shell.scriptName ?? `${shell.name}: -c`;
    await shell.out.write(shell.stdio[2], `${where}: line ${e.pos.line}: ${e.message}\n`);
    return 2;
  }
  try {
    for (const line of lines(list)) {
      try {
        await shell.dialect.run(shell, line);
      } catch (e) {
        if (!(e instanceof LineAbandoned)) throw e;
        shell.lastStatus = e.status;
        // bash 5.2 ends a -c string with 127 after a fatal expansion error (a script with 1).
        if (e.fatal && shell.scriptName === undefined) return 127;
        if (e.fatal || shell.scriptName === undefined) return e.status;
      }
    }
    return shell.lastStatus;
  } catch (e) {
    if (e instanceof ExitRequest) return e.status;
    if (e instanceof Interrupted) return e.status;
    await reportFailure(shell, e);
    return 1;
  } finally {
    await shell.out.drain();
  }
}

/** The commands of a script grouped by the line they start on. */
function* lines(list: List): Generator<List> {
  let group: AndOr[] = [];
  for (const item of list.items) {
    if (group.length > 0 && item.pos.line !== group[0]!.pos.line) {
      yield { kind: 'list', items: group };
      group = [];
    }
    group.push(item);
  }
  if (group.length > 0) yield { kind: 'list', items: group };
}
