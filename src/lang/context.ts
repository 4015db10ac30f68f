// What word expansion needs from the shell: variables, command substitution and the file
// system, so that src/lang stays free of processes and I/O.

import type { List } from './ast.js';

export interface ExpansionContext {
  /**
   * A variable or special parameter ('?', '!', '$', '-', '0', names); undefined if unset.
   * `$#`, `$@`, `$*` and `$1`… come from positional() instead.
   */
  get(name: string): string | undefined;
  /** Positional parameters $1..$n (for $@, $*, $#, $1…). */
  positional(): readonly string[];
  /** For `${x:=w}`. */
  set(name: string, value: string): void;
  /** Runs `list` and returns its raw output. */
  commandSubstitution(list: List, source: string): Promise<string>;
  /** Home directory of `user`; '' means the current user (asked only if $HOME is unset). */
  home(user: string): string | null;
  /** For pathname expansion; null if unreadable. */
  readdir(absDir: string): readonly string[] | null;
  cwd(): string;
  /** `set -f`: no pathname expansion. */
  noglob(): boolean;
  /** `set -u`: expanding an unset parameter is an error. */
  nounset(): boolean;
}

/**
 * An expansion that fails the command, e.g. `${x:?msg}` → "x: msg". `fatal` (bash's
 * expand_wdesc_fatal) ends a non-interactive shell; the others (an arithmetic error,
 * `${1=x}`) abandon only the command line, in a script or a -c string too.
 */
export class ExpansionError extends Error {
  constructor(
    message: string,
    readonly fatal = true,
  ) {
    super(message);
    this.name = 'ExpansionError';
  }
}
