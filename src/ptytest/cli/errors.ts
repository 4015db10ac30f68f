// The two ways the CLI refuses its input; both end with exit status 2.

/** A script or trace that cannot be run as written: `jcsh-pty: FILE:LINE: message`. */
export class InputError extends Error {
  override name = 'InputError';

  /** `line` is null for a problem with the whole file (it cannot be read). */
  constructor(
    readonly file: string,
    readonly line: number | null,
    message: string,
  ) {
    super(message);
  }

  /** The one line the CLI prints. */
  format(): string {
    const where = this.line === null ? this.file : `${this.file}:${this.line}`;
    return `jcsh-pty: ${where}: ${this.message}`;
  }
}

/** A bad command line (unknown option, missing argument): `jcsh-pty: message`. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A complaint about one line, before the parser knows the file name. */
export class LineError extends Error {
  override name = 'LineError';
}
