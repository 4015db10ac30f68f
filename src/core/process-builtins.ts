// Which builtins in a pipeline or in the background must run in a process of their own (a copy
// of the shell, as bash's forked child) instead of on a copy whose output is captured: those
// that read their stdin (read), and those that may run any command (eval, ., source, command),
// whose programs and reads must see the stage's pipe ends, not the shell's.

import { commandBypass } from './builtins/command.js';

const RUN_OR_READ = new Set(['read', 'eval', '.', 'source']);

/** Whether the builtin call `argv` must be a process of the job rather than captured output. */
export function runsAsProcess(argv: readonly string[]): boolean {
  const name = argv[0]!;
  // `command -v` only prints; `command name …` runs name, which may be anything
  // `builtin read v` reads as `read v` does
  if (name === 'builtin') {
    const words = argv.slice(argv[1] === '--' ? 2 : 1);
    return words.length > 0 && runsAsProcess(words);
  }
  return RUN_OR_READ.has(name) || (name === 'command' && commandBypass(argv) !== null);
}
