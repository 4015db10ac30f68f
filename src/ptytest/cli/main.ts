// jcsh-pty: the command-line face of the pty toolkit. runCli is the whole program, callable
// in-process (tests) with an io of its own; it returns the exit status.

import { commandRun } from './cmd-run.js';
import { commandSuspend } from './cmd-suspend.js';
import { commandTrace } from './cmd-trace.js';
import { InputError, UsageError } from './errors.js';
import { processIo, type CliIo } from './io.js';
import { parseCommand } from './options.js';
import { USAGE } from './usage.js';

export { bufferIo } from './io.js';
export type { CliIo } from './io.js';

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const command = parseCommand(argv);
  switch (command.kind) {
    case 'help':
      io.out(USAGE);
      return 0;
    case 'run':
      return commandRun(command, io);
    case 'trace':
      return commandTrace(command, io);
    case 'suspend-check':
      return commandSuspend(command, io);
  }
}

/** Run jcsh-pty with `argv` (no node, no script name); resolves with the exit status. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.err(`${error.format()}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.err(`jcsh-pty: ${error.message}\nTry 'jcsh-pty --help'.\n`);
      return 2;
    }
    throw error;
  }
}
