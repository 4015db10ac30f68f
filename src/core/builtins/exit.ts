// `exit [n]` (builtins/exit.def): an interactive shell says "exit" on stderr first, then
// refuses once while jobs are stopped (leave.ts decides), then leaves with n & 255 or `$?`.
// A bad number still exits, with status 2; extra operands refuse to exit at all.

import { ExitRequest, LineAbandoned } from '../errors.js';
import { stoppedJobsBlockExit } from '../leave.js';
import { legalNumber } from './lib/numbers.js';
import type { Builtin } from './types.js';

export const exitBuiltin: Builtin = (ctx) => {
  const shell = ctx.shell;
  // bash runs a trap action as non-interactive text: no "exit", no stopped-jobs check there
  if (shell.interactive && !shell.inSubshell && !shell.traps.running) {
    ctx.io.err('exit\n');
    // A stop not reaped yet still counts: bash's SIGCHLD handler has always run by now.
    shell.control.update();
    if (stoppedJobsBlockExit(shell)) return 1;
  }
  const words = ctx.argv.slice(1);
  if (words[0] === '--') words.shift();
  if (words.length === 0) throw new ExitRequest(shell.lastStatus & 255);
  const n = legalNumber(words[0]!);
  if (n === null) {
    ctx.error(`${words[0]}: numeric argument required`);
    throw new ExitRequest(2);
  }
  if (words.length > 1) {
    // bash abandons the rest of the command line here (jump_to_top_level DISCARD).
    ctx.error('too many arguments');
    throw new LineAbandoned(1);
  }
  throw new ExitRequest(Number(BigInt.asUintN(8, n)));
};
