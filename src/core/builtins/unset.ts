// `unset [-f] [-v] [-n] name ...` (builtins/set.def). Without -f or -v a name is a variable's,
// or when there is no such variable a function's (bash); a name that cannot be a variable is
// taken as a function name, and with -v it is an error. Unsetting what does not exist is not
// an error (POSIX).

import { specialBuiltinError } from '../special.js';
import { isValidName } from '../vars.js';
import { parseOptions } from './lib/options.js';
import type { Builtin } from './types.js';

export const unsetBuiltin: Builtin = (ctx) => {
  const parsed = parseOptions(ctx, 'fvn', 'unset [-f] [-v] [-n] [name ...]');
  if (!parsed) return 2;
  const functions = parsed.options.some((o) => o.name === 'f');
  const variables = parsed.options.some((o) => o.name === 'v');
  if (functions && variables) {
    ctx.error('cannot simultaneously unset a function and a variable');
    return 1;
  }
  let failed = false;
  const shell = ctx.shell;
  for (const name of parsed.operands) {
    if (functions || (!variables && (!isValidName(name) || shell.vars.get(name) === undefined) && shell.functions.has(name))) {
      shell.functions.delete(name);
      continue;
    }
    if (!isValidName(name)) {
      if (variables) {
        ctx.error(`\`${name}': not a valid identifier`);
        failed = true;
      }
      continue;
    }
    if (shell.vars.isReadonly(name)) {
      ctx.error(`${name}: cannot unset: readonly variable`);
      // a special builtin's error: it ends a script (POSIX 2.8.1, as dash)
      specialBuiltinError(shell, 1);
      failed = true;
      continue;
    }
    shell.vars.unset(name);
  }
  return failed ? 1 : 0;
};
