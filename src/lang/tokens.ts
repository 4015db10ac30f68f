// What the lexer hands the parser. Offsets index the source being parsed; the parser turns
// them into positions and source slices only for the nodes it builds.

import type { List, Position, RedirectOp, Word, WordPart } from './ast.js';
import type { PositionSource } from './position.js';

export type OperatorText = '|' | '||' | '&&' | '&' | ';' | ';;' | ';&' | ';;&' | '(' | ')' | '\n';

/** What the parser can be told by the shell that runs it (see reader.ts). */
export interface ParseOptions {
  /** The value of alias `name`, or undefined when there is none. */
  alias?(name: string): string | undefined;
  /** bash's non-fatal complaints (an unterminated here-document), with the `warning: ` prefix. */
  warn?(message: string, pos: Position): void;
  /**
   * More lines may follow (the interactive shell): an unterminated here-document is then an
   * incomplete SyntaxError (PS2) instead of a warning.
   */
  partial?: boolean;
  /** The line the text starts on, for positions: eval's text starts on the line of the eval. */
  firstLine?: number;
}

/**
 * Set on tokens that came from an alias value rather than the source. Their own offsets
 * index `src`; `start`/`end` are the alias word's offsets in the source, for source texts.
 */
export interface AliasOrigin {
  readonly src: string;
  readonly positions: PositionSource;
  readonly start: number;
  readonly end: number;
  /** The aliases being expanded when this token was made: they are not expanded again. */
  readonly names: ReadonlySet<string>;
  /** Last token of a value ending in a blank: the word after it is checked for an alias too. */
  readonly blank: boolean;
}

/**
 * Set on a word that starts with `NAME=`. The lexer splits its parts after the `=` and reads
 * tildes in the value; the parser decides whether the word really is an assignment.
 */
export interface AssignInfo {
  readonly name: string;
  /** Source offset just after the `=`. */
  readonly valueStart: number;
  /** Index in `parts` of the first part of the value. */
  readonly valueIndex: number;
}

export interface WordToken {
  readonly alias?: AliasOrigin;
  readonly kind: 'word';
  readonly start: number;
  readonly end: number;
  readonly parts: readonly WordPart[];
  readonly assign: AssignInfo | null;
}

export interface OperatorToken {
  readonly alias?: AliasOrigin;
  readonly kind: 'op';
  readonly op: OperatorText;
  readonly start: number;
  readonly end: number;
}

export interface RedirectToken {
  readonly alias?: AliasOrigin;
  readonly kind: 'redirect';
  readonly op: RedirectOp;
  readonly fd: number | null;
  readonly start: number;
  readonly end: number;
}

/** bash's `((expression))`, read whole (arith-command.ts). */
export interface ArithToken {
  readonly alias?: AliasOrigin;
  readonly kind: 'arith';
  readonly expression: Word;
  /** Its `init; test; step` when it can be the head of bash's arithmetic for loop. */
  readonly forClauses: readonly [Word, Word, Word] | null;
  readonly start: number;
  readonly end: number;
}

export interface EofToken {
  readonly kind: 'eof';
  readonly start: number;
  readonly end: number;
}

export type Token = WordToken | OperatorToken | RedirectToken | ArithToken | EofToken;

/** Parses the commands inside command substitutions; implemented by the parser. */
export interface NestedParser {
  /**
   * Parses from `offset` (just after the `(` of `$(`, found at `open`) up to the matching
   * `)`, and returns the list and the offset of that `)`.
   */
  commandAt(offset: number, open: number): { list: List; close: number };
  /** Parses the body of a backquoted substitution that starts at `offset` of the source. */
  commandText(text: string, offset: number): List;
  /** A parser for text cut out of the source at `offset` (a here-document body). */
  nestedFor(text: string, offset: number): NestedParser;
}

/** Everything a word scanner needs besides its own state. */
export interface ScanContext {
  readonly src: string;
  readonly positions: PositionSource;
  readonly nested: NestedParser;
  readonly options: ParseOptions;
}
