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
  | { readonly kind: 'command'; readonly source: string; readonly list: List; readonly quoted: boolean }
  /**
   * `$((…))`: `expression` is the text between `$((` and `))`, itself a word (parameters,
   * command substitutions and quotes inside are expanded first, as POSIX says), evaluated
   * as arithmetic after that expansion.
   */
  | { readonly kind: 'arith'; readonly expression: Word; readonly quoted: boolean };

/**
 * `${#name}` is 'length'; `#` `##` `%` `%%` remove the shortest or longest matching prefix or
 * suffix (the word is a pattern); the others substitute, assign or fail on unset or null.
 */
export type ParamOp = ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?' | 'length' | '#' | '##' | '%' | '%%';

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
  | '&>>' // &>>file
  | '<<' // n<<delimiter: a here-document
  | '<<-' // n<<-delimiter: a here-document, leading tabs stripped
  | '<<<'; // n<<<word: bash's here-string, the expanded word and a newline

export interface Redirect {
  /** The explicit fd number before the operator, or null for the operator's default. */
  readonly fd: number | null;
  readonly op: RedirectOp;
  /** The file, the fd, or for `<<` and `<<-` the delimiter as written. */
  readonly target: Word;
  /** For `<<` and `<<-` only: the document. */
  readonly heredoc?: HereDoc;
  readonly pos: Position;
}

/**
 * The document of `n<<word` or `n<<-word`: the lines after the command's line up to the
 * delimiter (several here-documents on one line follow each other in order). `<<-` strips
 * leading tabs from each body line and from the delimiter line. With any part of the
 * delimiter quoted the body is literal (`quoted`, `body` one quoted literal part); otherwise
 * parameters, command substitutions and arithmetic expand in it, and a backslash quotes only
 * `$`, `` ` ``, `\\` and newline.
 */
export interface HereDoc {
  /** The delimiter after quote removal. */
  readonly delimiter: string;
  readonly quoted: boolean;
  readonly body: Word;
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

/** A compound command (XCU 2.9.4) with the redirections after it, which apply to all of it. */
export interface CompoundCommand {
  readonly kind: 'compound';
  readonly body: CompoundBody;
  readonly redirects: readonly Redirect[];
  /** The source text, reserved words and redirections included: `jobs` shows it. */
  readonly source: string;
  readonly pos: Position;
}

export type CompoundBody =
  /** `( list )`: runs in a subshell environment. */
  | { readonly kind: 'subshell'; readonly list: List }
  /** `{ list; }` */
  | { readonly kind: 'group'; readonly list: List }
  /** `if c1; then b1; elif c2; then b2; else b3; fi`: one clause per `if`/`elif`. */
  | { readonly kind: 'if'; readonly clauses: readonly { readonly condition: List; readonly body: List }[]; readonly otherwise: List | null }
  | { readonly kind: 'while' | 'until'; readonly condition: List; readonly body: List }
  /** `for name [in words]; do body; done`: `words` null without `in` (the positional parameters). */
  | { readonly kind: 'for'; readonly name: string; readonly words: readonly Word[] | null; readonly body: List }
  | { readonly kind: 'case'; readonly subject: Word; readonly items: readonly CaseItem[] }
  /** bash's `((expression))`: status 0 when the value is not zero. */
  | { readonly kind: 'arith'; readonly expression: Word }
  /** bash's `for ((init; test; step)) do body done`; an empty test is true. */
  | { readonly kind: 'arith-for'; readonly init: Word; readonly test: Word; readonly step: Word; readonly body: List }
  /** bash's `[[ expression ]]`: its words are neither split nor globbed. */
  | { readonly kind: 'cond'; readonly expression: CondExpr };

/**
 * An expression of `[[ … ]]`. A lone word is bash's implied `-n word` (and printed so); the
 * right side of `==`, `=` and `!=` is a pattern, of `=~` an extended regular expression.
 */
export type CondExpr =
  | { readonly kind: 'unary'; readonly op: string; readonly arg: Word }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Word; readonly right: Word }
  | { readonly kind: 'not'; readonly expr: CondExpr }
  | { readonly kind: 'and' | 'or'; readonly left: CondExpr; readonly right: CondExpr }
  | { readonly kind: 'group'; readonly expr: CondExpr };

export interface CaseItem {
  /** `a|b)`: each a pattern word. */
  readonly patterns: readonly Word[];
  readonly body: List;
  /** `;;` (or none before `esac`), or bash's `;&` (fall through) and `;;&` (test the next). */
  readonly terminator: ';;' | ';&' | ';;&';
  readonly pos: Position;
}

/** `name() compound-command [redirections]`: defining it is a command (status 0). */
export interface FunctionDefinition {
  readonly kind: 'function';
  readonly name: string;
  readonly body: CompoundCommand;
  readonly source: string;
  readonly pos: Position;
}

export type Command = SimpleCommand | CompoundCommand | FunctionDefinition;

export interface Pipeline {
  readonly kind: 'pipeline';
  /** `! pipeline` inverts the status. */
  readonly bang: boolean;
  readonly commands: readonly Command[];
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
    /** A script's error shows the offending line too (bash's do, except `[[`'s own). */
    readonly showsLine = !incomplete,
  ) {
    super(message);
    this.name = 'SyntaxError';
  }
}
