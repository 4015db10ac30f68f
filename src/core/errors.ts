// Control flow that unwinds the executor.

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
