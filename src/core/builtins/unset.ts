// `unset [-f] [-v] [-n] name ...` (builtins/set.def). Without -f or -v a name that cannot be a
// variable is taken as a function name, and since jcsh has no functions nothing happens; with
// -v it is an error. Unsetting a variable that does not exist is not an error (POSIX).

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
  for (const name of parsed.operands) {
    if (functions) continue;
    if (!isValidName(name)) {
      if (variables) {
        ctx.error(`\`${name}': not a valid identifier`);
        failed = true;
      }
      continue;
    }
    ctx.shell.vars.unset(name);
  }
  return failed ? 1 : 0;
};
