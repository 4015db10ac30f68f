// `unalias [-a] name [name ...]` (builtins/alias.def): removes aliases; -a removes them all.

import { parseOptions } from './lib/options.js';
import type { Builtin } from './types.js';

export const unaliasBuiltin: Builtin = (ctx) => {
  const parsed = parseOptions(ctx, 'a', 'unalias [-a] name [name ...]');
  if (!parsed) return 2;
  const aliases = ctx.shell.aliases;
  if (parsed.options.length > 0) {
    aliases.clear();
    return 0;
  }
  if (parsed.operands.length === 0) {
    ctx.usage('unalias [-a] name [name ...]');
    return 2;
  }
  let failed = false;
  for (const name of parsed.operands) {
    if (aliases.delete(name)) continue;
    ctx.error(`${name}: not found`);
    failed = true;
  }
  return failed ? 1 : 0;
};
