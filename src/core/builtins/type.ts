// `type [-afptP] name ...` (builtins/type.def describe_command): says what a name runs: an
// alias, a reserved word, a function (with its definition), a builtin or a file found on PATH.
// -t prints just the kind, -p only the path of a file, -P looks on PATH even for builtins,
// -a lists every match, -f skips functions. A command already run is "hashed".

import { findAll, sentence, type Found } from './lib/describe.js';
import { parseOptions } from './lib/options.js';
import type { Builtin, BuiltinContext } from './types.js';

const USAGE = 'type [-afptP] name [name ...]';

type Style = 'describe' | 'type' | 'path';

/** bash still accepts the old long forms -type, -path and -all (and --type, ...). */
const LONG_FORMS: Readonly<Record<string, string>> = {
  '-type': '-t', '--type': '-t', '-path': '-p', '--path': '-p', '-all': '-a', '--all': '-a',
};

export const typeBuiltin: Builtin = (ctx) => {
  if (ctx.argv.length === 1) return 0;
  const argv = [...ctx.argv];
  for (let i = 1; i < argv.length && argv[i]!.startsWith('-'); i++) argv[i] = LONG_FORMS[argv[i]!] ?? argv[i]!;
  const parsed = parseOptions(ctx, 'afptP', USAGE, argv);
  if (!parsed) return 2;
  let style: Style = 'describe';
  const has = (c: string): boolean => parsed.options.some((o) => o.name === c);
  for (const o of parsed.options) {
    if (o.name === 't') style = 'type';
    else if (o.name === 'p' || o.name === 'P') style = 'path';
  }
  const lookup = { all: has('a'), noFunctions: has('f'), pathOnly: has('P') };
  let failed = false;
  for (const name of parsed.operands) {
    const found = findAll(ctx, name, lookup);
    if (found.length === 0) {
      failed = true;
      if (style === 'describe') ctx.error(`${name}: not found`);
      continue;
    }
    // -p prints nothing for a name that is not a file, and that is not a failure (bash)
    for (const f of found) report(ctx, name, f, style);
  }
  return failed ? 1 : 0;
};

function report(ctx: BuiltinContext, name: string, f: Found, style: Style): void {
  if (style === 'describe') ctx.io.out(sentence(ctx.shell, name, f));
  else if (style === 'type') ctx.io.out(`${f.kind}\n`);
  else if (f.kind === 'file') ctx.io.out(`${f.path}\n`);
}
