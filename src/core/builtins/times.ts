// `times` (builtins/times.def): the user and system CPU time of the shell, then of the
// children it has waited for, as "0m0.012s 0m0.004s" lines. Arguments are ignored (bash).

import type { Builtin } from './types.js';

export const timesBuiltin: Builtin = (ctx) => {
  const t = ctx.shell.port.times();
  ctx.io.out(`${clock(t.user)} ${clock(t.system)}\n${clock(t.childUser)} ${clock(t.childSystem)}\n`);
  return 0;
};

function clock(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${(seconds - minutes * 60).toFixed(3)}s`;
}
