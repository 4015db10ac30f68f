// `alias [-p] [name[=value] ...]` (builtins/alias.def): defines aliases on the shell (the
// parser's alias hook reads shell.aliases), or prints them as `name='value'` lines, as POSIX
// asks and bash does in its POSIX mode (with -p as `alias name='value'`, bash's reusable form),
// sorted when all are listed. A name without a definition is "not found".

import { singleQuoted } from './lib/quote.js';
import type { Builtin, BuiltinContext } from './types.js';

const USAGE = 'alias [-p] [name[=value] ... ]';

export const aliasBuiltin: Builtin = (ctx) => {
  let words = ctx.argv.slice(1);
  let print = false;
  for (; words.length > 0 && words[0]!.startsWith('-') && words[0] !== '-'; words = words.slice(1)) {
    if (words[0] === '--') {
      words = words.slice(1);
      break;
    }
    const bad = [...words[0]!.slice(1)].find((c) => c !== 'p');
    if (bad !== undefined) {
      ctx.error(`-${bad}: invalid option`);
      ctx.usage(USAGE);
      return 2;
    }
    print = true;
  }
  const aliases = ctx.shell.aliases;
  if (words.length === 0 || print) {
    for (const name of [...aliases.keys()].sort()) show(ctx, name, print);
  }
  let failed = false;
  for (const word of words) {
    const eq = word.indexOf('=');
    // bash takes everything before the first '=' as the name; shell metacharacters are refused
    if (eq > 0) {
      const name = word.slice(0, eq);
      if (/[\s|&;()<>`$\\'"/=]/.test(name)) {
        ctx.error(`\`${name}': invalid alias name`);
        failed = true;
        continue;
      }
      aliases.set(name, word.slice(eq + 1));
    } else if (aliases.has(word)) {
      show(ctx, word, print);
    } else {
      ctx.error(`${word}: not found`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
};

function show(ctx: BuiltinContext, name: string, reusable: boolean): void {
  const prefix = reusable ? `alias ${name.startsWith('-') ? '-- ' : ''}` : '';
  ctx.io.out(`${prefix}${name}=${singleQuoted(ctx.shell.aliases.get(name)!)}\n`);
}
