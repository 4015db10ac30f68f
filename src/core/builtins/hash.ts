// `hash [-lr] [-p pathname] [-dt] [name ...]` (builtins/hash.def): the table of where commands
// were found on PATH. Without names it lists the table with hit counts; names are looked up
// and remembered; -r empties it, -d forgets names, -t prints their paths, -l prints commands
// that rebuild it, -p remembers a given path.

import { parseOptions } from './lib/options.js';
import type { Builtin, BuiltinContext } from './types.js';

const USAGE = 'hash [-lr] [-p pathname] [-dt] [name ...]';

export const hashBuiltin: Builtin = (ctx) => {
  const parsed = parseOptions(ctx, 'lrp:dt', USAGE);
  if (!parsed) return 2;
  const has = (c: string): boolean => parsed.options.some((o) => o.name === c);
  const given = parsed.options.find((o) => o.name === 'p')?.arg;
  const shell = ctx.shell;
  const cache = shell.commands;
  if (has('r')) cache.forget();
  const names = parsed.operands;
  if (names.length === 0) {
    if (has('r')) return 0;
    list(ctx, has('l'));
    return 0;
  }
  let failed = false;
  for (const name of names) {
    if (has('t')) {
      const path = cache.entries(shell).find((e) => e.name === name)?.path;
      if (path === undefined) {
        ctx.error(`${name}: not found`);
        failed = true;
      } else {
        ctx.io.out(names.length > 1 ? `${name}\t${path}\n` : `${path}\n`);
      }
    } else if (has('d')) {
      if (cache.remembered(name) === undefined) {
        ctx.error(`${name}: not found`);
        failed = true;
      }
      cache.forget(name);
    } else if (given !== undefined) {
      cache.remember(shell, name, given);
    } else if (!name.includes('/') && !ctx.isBuiltin(name) && !shell.functions.has(name)) {
      if (!cache.remember(shell, name)) {
        ctx.error(`${name}: not found`);
        failed = true;
      }
    }
  }
  return failed ? 1 : 0;
};

function list(ctx: BuiltinContext, reusable: boolean): void {
  const entries = ctx.shell.commands.entries(ctx.shell);
  if (entries.length === 0) {
    ctx.io.out('hash: hash table empty\n');
    return;
  }
  if (reusable) {
    for (const e of entries) ctx.io.out(`builtin hash -p ${e.path} ${e.name}\n`);
    return;
  }
  ctx.io.out('hits\tcommand\n');
  for (const e of entries) ctx.io.out(`${String(e.hits).padStart(4)}\t${e.path}\n`);
}
