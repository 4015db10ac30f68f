// `readonly [-p] [name[=value] ...]` (builtins/setattr.def): marks variables so that no
// assignment, `unset` or `local` changes them. Without names (or with -p) it lists them as
// `declare -r NAME="value"` lines (`-rx` when also exported, `-ir` for bash's integer PPID),
// sorted, readable back.

import { isValidName } from '../vars.js';
import type { Shell } from '../shell.js';
import { declareLine } from './lib/declare.js';
import { parseOptions } from './lib/options.js';
import type { Builtin } from './types.js';

const USAGE = 'readonly [-aAf] [name[=value] ...] or readonly -p';

export const readonlyBuiltin: Builtin = (ctx) => {
  const parsed = parseOptions(ctx, 'aAfp', USAGE);
  if (!parsed) return 2;
  const shell = ctx.shell;
  const functions = parsed.options.some((o) => o.name === 'f');
  if (parsed.operands.length === 0) {
    // jcsh has no readonly functions: `readonly -f` lists none
    if (!functions) ctx.io.out(listing(shell));
    return 0;
  }
  let failed = false;
  for (const word of parsed.operands) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=([\s\S]*)$/.exec(word);
    const name = m ? m[1]! : word;
    if (functions) {
      ctx.error(`${word}: not a function`);
      failed = true;
      continue;
    }
    if (!isValidName(name)) {
      ctx.error(`\`${word}': not a valid identifier`);
      failed = true;
      continue;
    }
    if (m && shell.vars.isReadonly(name)) {
      ctx.io.err(`${shell.errorPrefix()}${name}: readonly variable\n`);
      failed = true;
      continue;
    }
    shell.vars.makeReadonly(name, m ? (m[2] ? (shell.vars.get(name) ?? '') + m[3]! : m[3]!) : undefined);
  }
  return failed ? 1 : 0;
};

function listing(shell: Shell): string {
  return shell.vars.names()
    .filter((n) => shell.vars.isReadonly(n))
    .map((n) => declareLine(shell, n))
    .join('');
}
