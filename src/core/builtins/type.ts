// `type [-afptP] name ...` (builtins/type.def describe_command): says what a name runs, a
// builtin or a file found on PATH. -t prints just "builtin"/"file", -p only the path of a file,
// -P looks on PATH even for builtins, -a lists every match. A command already run is
// "hashed": its remembered path is shown. jcsh has no aliases, functions or keywords.

import { absolute } from '../lookup.js';
import type { Shell } from '../shell.js';
import { parseOptions } from './lib/options.js';
import type { Builtin, BuiltinContext } from './types.js';

const USAGE = 'type [-afptP] name [name ...]';

type Style = 'describe' | 'type' | 'path';

interface Flags {
  style: Style;
  all: boolean;
  forcePath: boolean;
}

/** bash still accepts the old long forms -type, -path and -all (and --type, ...). */
const LONG_FORMS: Readonly<Record<string, string>> = {
  '-type': '-t', '--type': '-t', '-path': '-p', '--path': '-p', '-all': '-a', '--all': '-a',
};

export const typeBuiltin: Builtin = (ctx) => {
  if (ctx.argv.length === 1) return 0;
  const argv = [...ctx.argv];
  for (let i = 1; i < argv.length && argv[i]!.startsWith('-'); i++) argv[i] = LONG_FORMS[argv[i]!] ?? argv[i]!;
  const parsed = parseOptions({ ...ctx, argv }, 'afptP', USAGE);
  if (!parsed) return 2;
  const flags: Flags = { style: 'describe', all: false, forcePath: false };
  for (const o of parsed.options) {
    if (o.name === 'a') flags.all = true;
    else if (o.name === 't') flags.style = 'type';
    else if (o.name === 'p') flags.style = 'path';
    else if (o.name === 'P') {
      flags.style = 'path';
      flags.forcePath = true;
    }
  }
  let failed = false;
  for (const name of parsed.operands) {
    if (describe(ctx, name, flags)) continue;
    failed = true;
    if (flags.style === 'describe') ctx.error(`${name}: not found`);
  }
  return failed ? 1 : 0;
};

/** Prints what `name` is; returns false when it is nothing. */
function describe(ctx: BuiltinContext, name: string, flags: Flags): boolean {
  let found = false;
  if (!flags.forcePath && ctx.isBuiltin(name)) {
    found = true;
    if (flags.style === 'type') ctx.io.out('builtin\n');
    else if (flags.style === 'describe') ctx.io.out(`${name} is a shell builtin\n`);
    if (!flags.all) return true;
  }
  if (name.includes('/')) {
    if (!isExecutable(ctx.shell, absolute(ctx.shell, name))) return found;
    report(ctx, name, name, flags.style);
    return true;
  }
  const hashed = ctx.shell.commands.remembered(name);
  if (!flags.all && hashed !== undefined && isExecutable(ctx.shell, hashed)) {
    if (flags.style === 'describe') ctx.io.out(`${name} is hashed (${hashed})\n`);
    else report(ctx, name, hashed, flags.style);
    return true;
  }
  for (const path of pathMatches(ctx.shell, name)) {
    report(ctx, name, path, flags.style);
    found = true;
    if (!flags.all) break;
  }
  return found;
}

function report(ctx: BuiltinContext, name: string, path: string, style: Style): void {
  if (style === 'type') ctx.io.out('file\n');
  else if (style === 'path') ctx.io.out(`${path}\n`);
  else ctx.io.out(`${name} is ${path}\n`);
}

/** Every executable file named `name` in the PATH directories, in PATH order. */
function pathMatches(shell: Shell, name: string): string[] {
  const path = shell.vars.get('PATH') ?? '/usr/local/bin:/usr/bin:/bin';
  const found: string[] = [];
  for (const dir of path.split(':')) {
    const candidate = `${dir === '' ? '.' : dir}/${name}`;
    if (isExecutable(shell, absolute(shell, candidate))) found.push(candidate);
  }
  return found;
}

function isExecutable(shell: Shell, path: string): boolean {
  const info = shell.port.stat(path);
  return info !== null && info.type !== 'directory' && info.executable;
}
