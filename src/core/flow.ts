// How `break`, `continue` and `return` leave the commands they are in: as exceptions that the
// loop or the function running them catches. Lists, pipelines and and-or lists in between
// let them pass, as bash's longjmp-free `breaking`/`continuing` counters do.

/** `break n` / `continue n`: leaves n enclosing loops (the last one resumes for continue). */
export class LoopControl extends Error {
  constructor(
    readonly kind: 'break' | 'continue',
    /** How many loops are still to leave, counting the one that catches it. */
    readonly levels: number,
  ) {
    super(kind);
    this.name = 'LoopControl';
  }
}

/** `return [n]` from a function or a sourced file. */
export class FunctionReturn extends Error {
  constructor(readonly status: number) {
    super('return');
    this.name = 'FunctionReturn';
  }
}

/** The status a `return` ended a function or a sourced file with; anything else goes on up. */
export function statusOfReturn(e: unknown): number {
  if (!(e instanceof FunctionReturn)) throw e;
  return e.status;
}
