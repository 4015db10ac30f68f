// `local [name[=value] ...]` (bash's declare-family, as dash has it too): the names belong to
// the function being run until it returns, and to the functions it calls (dynamic scope).
// Outside a function it is an error, as in bash.

import { isValidName } from '../vars.js';
import type { Builtin } from './types.js';

export const localBuiltin: Builtin = (ctx) => {
  const vars = ctx.shell.vars;
  if (!vars.inScope) {
    ctx.error('can only be used in a function');
    return 1;
  }
  let status = 0;
  for (const word of ctx.argv.slice(1)) {
    const eq = word.indexOf('=');
    const name = eq < 0 ? word : word.slice(0, eq);
    if (!isValidName(name)) {
      ctx.error(`\`${word}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (vars.isReadonly(name)) {
      ctx.error(`${name}: readonly variable`);
      status = 1;
      continue;
    }
    vars.makeLocal(name, eq < 0 ? undefined : word.slice(eq + 1));
  }
  return status;
};
