// How the shell reads and speaks: its grammar, how a parsed line runs, its job messages, its
// default prompt and when it reports job changes. bash's dialect is the default; `--compat=tsh`
// swaps in the shell lab's (compat/tsh/dialect.ts) as one piece.

import type { Maybe } from '../lang/maybe.js';
import type { List } from '../lang/ast.js';
import { parse } from '../lang/parser.js';
import { CommandReader, type ParseOptions } from '../lang/reader.js';
import { runList } from './execute.js';
import { bashFormat, type MessageFormat } from './format.js';
import { leaveAtEndOfInput } from './leave.js';
import { notifyJobs } from './notify.js';
import { DEFAULT_PS1 } from './prompt.js';
import type { Shell } from './shell.js';

export interface Dialect {
  readonly name: 'bash' | 'tsh';
  readonly format: MessageFormat;
  /** PS1 when the user has set none. */
  readonly prompt: string;
  /** Parses input; throws SyntaxError (an incomplete one makes the prompt ask for more). */
  parse(source: string, options?: ParseOptions): List;
  /** Reads a script or a -c string one complete command at a time (XCU 2.10). */
  reader(source: string, options?: ParseOptions): { next(): List | null };
  /** Runs a parsed command line; returns `$?`. */
  run(shell: Shell, list: List): Maybe<number>;
  /** Reports the job changes the user has not seen, and forgets finished jobs. */
  notify(shell: Shell): void;
  /** Report each change as soon as it is reaped (tsh prints from its SIGCHLD handler). */
  readonly notifyAtOnce: boolean;
  /** End of input at the prompt: the exit status, or null to carry on reading. */
  endOfInput(shell: Shell): Promise<number | null>;
}

// Methods rather than references: this module is part of an import cycle (shell -> dialect ->
// execute -> builtins), so nothing imported may be touched while it loads.
export const bashDialect: Dialect = {
  name: 'bash',
  format: bashFormat,
  prompt: DEFAULT_PS1,
  parse: (source, options) => parse(source, options),
  reader: (source, options) => new CommandReader(source, options),
  run: (shell, list) => runList(shell, list),
  notify: (shell) => notifyJobs(shell),
  notifyAtOnce: false,
  endOfInput: (shell) => leaveAtEndOfInput(shell),
};
