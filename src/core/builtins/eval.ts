// `eval [arg ...]` (builtins/eval.def): the arguments joined with spaces are read and run as
// a command line in the current shell. Nothing to run is status 0; a syntax error is 2, and
// ends a non-interactive shell as an error in any special builtin does (POSIX 2.8.1).

import { specialBuiltinError } from '../special.js';
import { parseText, runText } from './lib/runtext.js';
import type { Builtin } from './types.js';

export const evalBuiltin: Builtin = async (ctx) => {
  const words = ctx.argv.slice(1);
  if (words[0] === '--') words.shift();
  const text = words.join(' ');
  if (text.trim() === '') return 0;
  const shell = ctx.shell;
  // bash counts the text's lines from the line of the eval, in syntax errors and in the others
  const list = parseText(ctx, text, (line) => `${shell.scriptName ?? shell.name}: eval: line ${line}: `, Math.max(1, shell.lineno));
  // a syntax error in eval ends a script, as in any special builtin (POSIX 2.8.1)
  if (list === null) return specialBuiltinError(shell, 2);
  return runText(ctx, list);
};
