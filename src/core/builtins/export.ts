// `export [-fn] [name[=value] ...]` and `export -p` (builtins/setattr.def). Without names it
// lists the exported variables as `declare -x NAME="value"` lines (with bash's other attributes), sorted, quoted so that they
// can be read back. jcsh has no functions, so -f only ever finds none.

import { isValidName } from '../vars.js';
import type { Shell } from '../shell.js';
import { assignVariable } from './lib/assign.js';
import { declareLine } from './lib/declare.js';
import { parseOptions } from './lib/options.js';
import type { Builtin } from './types.js';

const USAGE = 'export [-fn] [name[=value] ...] or export -p';

export const exportBuiltin: Builtin = (ctx) => {
  const parsed = parseOptions(ctx, 'fnp', USAGE);
  if (!parsed) return 2;
  const has = (name: string): boolean => parsed.options.some((o) => o.name === name);
  const shell = ctx.shell;
  if (parsed.operands.length === 0) {
    if (!has('f')) ctx.io.out(listing(shell));
    return 0;
  }
  let failed = false;
  for (const word of parsed.operands) {
    if (has('f')) {
      ctx.error(`${word}: not a function`);
      failed = true;
      continue;
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=([\s\S]*)$/.exec(word);
    const name = m ? m[1]! : word;
    if (!isValidName(name)) {
      ctx.error(`\`${word}': not a valid identifier`);
      failed = true;
      continue;
    }
    // a readonly variable keeps its value but is still exported (bash)
    if (m && !assignVariable(ctx, name, m[2] ? (shell.vars.get(name) ?? '') + m[3]! : m[3]!)) failed = true;
    if (has('n')) shell.vars.unexport(name);
    else shell.vars.export(name);
  }
  return failed ? 1 : 0;
};

function listing(shell: Shell): string {
  return shell.vars.names()
    .filter((n) => shell.vars.isExported(n))
    .map((n) => declareLine(shell, n))
    .join('');
}
