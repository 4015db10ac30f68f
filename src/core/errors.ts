// Control flow that unwinds the executor, and how an error nobody handled is reported.

import { OsError } from '../os/port.js';

/** ^C (or SIGINT to the shell) abandons the rest of the command line, as in bash. */
export class Interrupted extends Error {
  constructor(readonly status: number) {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

/** `exit` (or the end of input) asks the shell to leave with this status. */
export class ExitRequest extends Error {
  constructor(readonly status: number) {
    super('exit');
    this.name = 'ExitRequest';
  }
}

/**
 * An error that abandons the rest of the command line, as bash's jump to top level does
 * (`exit 1 2`, `${x:?msg}`). At a prompt the next line is read; a script file goes on with its
 * next line unless the error is `fatal` there (POSIX: an expansion error ends a script). A -c
 * string ends too, except after an error that drops `onlyLine` (bash's arithmetic errors).
 */
export class LineAbandoned extends Error {
  constructor(
    readonly status: number,
    readonly fatal = false,
    readonly onlyLine = false,
  ) {
    super('line abandoned');
    this.name = 'LineAbandoned';
  }
}

/**
 * An error that ends a non-interactive shell (POSIX 2.8.1: an error in a special builtin, a
 * redirection on one that fails, an assignment to a readonly variable). `status` is the failed
 * command's (what `command NAME` returns, since `command` takes the special property away);
 * the shell exits with `exitStatus`. At a prompt it abandons the line.
 */
export class FatalError extends LineAbandoned {
  constructor(status: number, readonly exitStatus = status) {
    super(status, true);
    this.name = 'FatalError';
  }
}

/**
 * The one line for an error that reached the top of a command line. A failed system call is
 * reported as bash's sys_error does ("tcsetpgrp: No such process"); anything else can only be
 * a bug in jcsh itself, and says so (tests check that no input reaches it).
 */
export function failureLine(e: unknown): string {
  if (e instanceof OsError) return `${e.syscall}: ${e.reason}`;
  const message = e instanceof Error ? e.message : String(e);
  return `${message.split('\n')[0]} (a bug in jcsh: please report it)`;
}
