// Running a whole script or a -c string: parse it all first (a syntax error runs nothing and
// exits 2), then run it.

import { SyntaxError as ShellSyntaxError } from '../lang/ast.js';
import { ExitRequest, Interrupted } from './errors.js';
import { internalError } from './repl.js';
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
    return await shell.dialect.run(shell, list);
  } catch (e) {
    if (e instanceof ExitRequest) return e.status;
    if (e instanceof Interrupted) return e.status;
    await internalError(shell, e);
    return 1;
  } finally {
    await shell.out.drain();
  }
}
