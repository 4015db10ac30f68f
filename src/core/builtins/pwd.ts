// `pwd [-LP]`: the shell's logical directory, or with -P the same directory with every
// symbolic link resolved.

import { OsError } from '../../os/port.js';
import { parseOptions } from './lib/options.js';
import type { Builtin } from './types.js';

export const pwdBuiltin: Builtin = (ctx) => {
  const parsed = parseOptions(ctx, 'LP', 'pwd [-LP]');
  if (!parsed) return 2;
  const physical = parsed.options.at(-1)?.name === 'P';
  if (!physical) {
    ctx.io.out(`${ctx.shell.cwd}\n`);
    return 0;
  }
  try {
    ctx.io.out(`${ctx.shell.port.realpath(ctx.shell.cwd)}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof OsError)) throw e;
    ctx.error(`error retrieving current directory: getcwd: cannot access parent directories: ${e.reason}`);
    return 1;
  }
};
