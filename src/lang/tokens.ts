// What the lexer hands the parser. Offsets index the source being parsed; the parser turns
// them into positions and source slices only for the nodes it builds.

import type { List, RedirectOp, WordPart } from './ast.js';
import type { PositionSource } from './position.js';

export type OperatorText = '|' | '||' | '&&' | '&' | ';' | ';;' | '(' | ')' | '\n';

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
  readonly kind: 'word';
  readonly start: number;
  readonly end: number;
  readonly parts: readonly WordPart[];
  readonly assign: AssignInfo | null;
}

export interface OperatorToken {
  readonly kind: 'op';
  readonly op: OperatorText;
  readonly start: number;
  readonly end: number;
}

export interface RedirectToken {
  readonly kind: 'redirect';
  readonly op: RedirectOp;
  readonly fd: number | null;
  readonly start: number;
  readonly end: number;
}

export interface EofToken {
  readonly kind: 'eof';
  readonly start: number;
  readonly end: number;
}

export type Token = WordToken | OperatorToken | RedirectToken | EofToken;

/** Parses the commands inside command substitutions; implemented by the parser. */
export interface NestedParser {
  /**
   * Parses from `offset` (just after the `(` of `$(`, found at `open`) up to the matching
   * `)`, and returns the list and the offset of that `)`.
   */
  commandAt(offset: number, open: number): { list: List; close: number };
  /** Parses the body of a backquoted substitution that starts at `offset` of the source. */
  commandText(text: string, offset: number): List;
}

/** Everything a word scanner needs besides its own state. */
export interface ScanContext {
  readonly src: string;
  readonly positions: PositionSource;
  readonly nested: NestedParser;
}
