// The error of an arithmetic expression, worded as bash words it. The shell adds its own
// prefix (`bash: ` or the script's name and line) and decides the status.

export class ArithError extends Error {
  constructor(
    /** The expression as bash shows it: leading blanks dropped, trailing ones kept. */
    readonly expression: string,
    /** What went wrong, e.g. `division by 0`. */
    readonly detail: string,
    /** bash's "error token": the text from where the evaluator stood to the end. */
    readonly token: string,
  ) {
    super(`${expression}: ${detail} (error token is "${token}")`);
    this.name = 'ArithError';
  }
}

/** Builds the error for `source` with the error token starting at `offset`. */
export function arithError(source: string, detail: string, offset: number): ArithError {
  return new ArithError(source.replace(/^[ \t]+/, ''), detail, source.slice(offset));
}
