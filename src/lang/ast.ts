// The syntax tree of a command line. Kept apart from execution (as mrsh does): the parser
// builds these values, the core walks them, and nothing here knows about processes.

export interface Position {
  /** 1-based line of the source. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** 0-based offset into the source. */
  readonly offset: number;
}

/**
 * One piece of a word. `quoted` marks text that came from '…', "…" or a backslash escape:
 * it is never field-split and its glob characters are literal.
 */
export type WordPart =
  | { readonly kind: 'literal'; readonly text: string; readonly quoted: boolean }
  /** `~` or `~user` at the start of a word (or after `:`/`=` in an assignment value). */
  | { readonly kind: 'tilde'; readonly user: string }
  /** `$name`, `${name}`, `${name op word}`; special names are ?, !, $, #, @, *, 0-9. */
  | {
      readonly kind: 'param';
      readonly name: string;
      readonly op: ParamOp | null;
      readonly word: Word | null;
      readonly quoted: boolean;
    }
  /** `$(…)`: `source` is the text between the parentheses, `list` its parse. */
  | { readonly kind: 'command'; readonly source: string; readonly list: List; readonly quoted: boolean };

export type ParamOp = ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?' | '#';

export interface Word {
  readonly parts: readonly WordPart[];
  /** The word exactly as written in the source (quotes included). */
  readonly source: string;
  readonly pos: Position;
}

export type RedirectOp =
  | '<' // n<file
  | '>' // n>file
  | '>>' // n>>file
  | '>|' // n>|file
  | '<>' // n<>file
  | '<&' // n<&m, n<&-
  | '>&' // n>&m, n>&-
  | '&>' // &>file (stdout and stderr)
  | '&>>'; // &>>file

export interface Redirect {
  /** The explicit fd number before the operator, or null for the operator's default. */
  readonly fd: number | null;
  readonly op: RedirectOp;
  readonly target: Word;
  readonly pos: Position;
}

export interface Assignment {
  readonly name: string;
  readonly value: Word;
  readonly pos: Position;
}

export interface SimpleCommand {
  readonly kind: 'simple';
  readonly assignments: readonly Assignment[];
  readonly words: readonly Word[];
  readonly redirects: readonly Redirect[];
  readonly pos: Position;
}

export interface Pipeline {
  readonly kind: 'pipeline';
  /** `! pipeline` inverts the status. */
  readonly bang: boolean;
  readonly commands: readonly SimpleCommand[];
  readonly pos: Position;
}

export type AndOrOp = '&&' | '||';

export interface AndOr {
  readonly kind: 'and-or';
  readonly first: Pipeline;
  readonly rest: readonly { readonly op: AndOrOp; readonly pipeline: Pipeline }[];
  /** Ended by `&`. */
  readonly background: boolean;
  /**
   * Source text of this and-or list, without the trailing `&` or `;`. The tsh grammar
   * (tsh-parser.ts) keeps the whole line as typed instead, `&` and blanks included.
   */
  readonly source: string;
  readonly pos: Position;
}

export interface List {
  readonly kind: 'list';
  readonly items: readonly AndOr[];
}

/** Thrown by the parser; `incomplete` means more input could complete it (for PS2). */
export class SyntaxError extends Error {
  constructor(
    message: string,
    readonly pos: Position,
    readonly incomplete: boolean,
  ) {
    super(message);
    this.name = 'SyntaxError';
  }
}
