// Assigning a variable from a builtin (read, printf -v, export, getopts): a readonly variable
// is refused with bash's "NAME: readonly variable" and the builtin's status becomes 1.

import type { BuiltinContext } from '../types.js';

/** Sets the variable, or reports it readonly and returns false. */
export function assignVariable(ctx: BuiltinContext, name: string, value: string): boolean {
  if (ctx.shell.vars.isReadonly(name)) {
    ctx.io.err(`${ctx.shell.errorPrefix()}${name}: readonly variable\n`);
    return false;
  }
  ctx.shell.vars.set(name, value);
  return true;
}
