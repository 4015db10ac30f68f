// The parser's error messages, worded as bash words them so users recognise them.

import { SyntaxError, type Position } from './ast.js';

export function unexpectedToken(text: string, pos: Position): SyntaxError {
  return new SyntaxError(`syntax error near unexpected token \`${oneLine(text)}'`, pos, false);
}

/** Source text for a message: line continuations dropped, a newline shown as `\n`. */
function oneLine(text: string): string {
  return text.replace(/\\\n/g, '').replace(/\n/g, '\\n');
}

/** The text ended where more was required, e.g. after `|` or `&&`: more input may complete it. */
export function unexpectedEof(pos: Position): SyntaxError {
  return new SyntaxError('syntax error: unexpected end of file', pos, true);
}

/** An opening quote, `$(`, `${` or backquote without its closer; `pos` is where it opened. */
export function unmatched(closer: string, pos: Position): SyntaxError {
  return new SyntaxError(`unexpected EOF while looking for matching \`${closer}'`, pos, true);
}

/** bash echoes the text raw; a newline in it is shown as `\n` so that an error stays one line. */
export function badSubstitution(text: string, pos: Position): SyntaxError {
  return new SyntaxError(`${oneLine(text)}: bad substitution`, pos, false);
}
