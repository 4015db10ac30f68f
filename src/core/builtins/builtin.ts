// `builtin [shell-builtin [arg ...]]` (builtins/builtin.def): runs the builtin, skipping a
// function of the same name (`cd() { builtin cd "$@"; }`) and never a program on PATH.

import type { Builtin } from './types.js';

const USAGE = 'builtin [shell-builtin [arg ...]]';

export const builtinBuiltin: Builtin = (ctx) => {
  let words = ctx.argv.slice(1);
  if (words[0] === '--') words = words.slice(1);
  else if (words[0] !== undefined && /^-./.test(words[0])) {
    ctx.error(`${words[0]}: invalid option`);
    ctx.usage(USAGE);
    return 2;
  }
  if (words.length === 0) return 0;
  const status = ctx.runBuiltin(words);
  if (status !== undefined) return status;
  ctx.error(`${words[0]}: not a shell builtin`);
  return 1;
};
