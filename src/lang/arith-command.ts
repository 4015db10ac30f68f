// bash's arithmetic command `((expression))` and the `((init; test; step))` of its arithmetic
// for loop. As in bash's parse_dparen, `((` is arithmetic only if the parenthesis matching
// the second `(` is followed at once by `)`; otherwise (`((cd x; ls) )`, `((a); (b))`) it is
// two subshell parentheses, read again as such. An expression is read as in `$((…))`
// (arith/scan.ts): expansions inside, double quotes removed.

import type { Word } from './ast.js';
import { BACKSLASH, skipContinuations } from './chars.js';
import { matchingParen, scanExpression, type NestedScanners } from './arith/scan.js';
import { scanBackquote, scanDollar } from './dollar.js';
import { unmatched } from './errors.js';
import type { ScanContext } from './tokens.js';
import { WordScanner } from './word-lexer.js';

const LPAREN = 40;
const RPAREN = 41;
const SEMICOLON = 59;
const SQUOTE = 39;
const DQUOTE = 34;
const BACKQUOTE = 96;

export interface ArithCommand {
  readonly expression: Word;
  /** The three expressions of `for ((init; test; step))` when `;` splits it in three. */
  readonly forClauses: readonly [Word, Word, Word] | null;
  readonly end: number;
}

const NESTED: NestedScanners = {
  dollar: (c, k) => scanDollar(c, k, true, WordScanner.braceWord),
  backquote: (c, k) => scanBackquote(c, k, true),
};

/** The `((…))` whose first `(` is at `open`, or null when it is not an arithmetic command. */
export function scanArithCommand(ctx: ScanContext, open: number): ArithCommand | null {
  const src = ctx.src;
  const second = skipContinuations(src, open + 1);
  if (src.charCodeAt(second) !== LPAREN) return null;
  const close = matchingParen(src, second);
  // more input may close it, whichever it turns out to be (PS2 asks for it)
  if (close === -1) throw unmatched(')', ctx.positions.at(open));
  const after = skipContinuations(src, close + 1);
  if (src.charCodeAt(after) !== RPAREN) return null;
  const expression = scanExpression(ctx, second + 1, close, NESTED);
  return { expression, forClauses: forClauses(ctx, second + 1, close), end: after + 1 };
}

/** `init; test; step` split at its two top-level semicolons, or null when there are not two. */
function forClauses(ctx: ScanContext, start: number, end: number): [Word, Word, Word] | null {
  const cuts = semicolons(ctx.src, start, end);
  if (cuts.length !== 2) return null;
  const [a, b] = cuts as [number, number];
  return [scanExpression(ctx, start, a, NESTED), scanExpression(ctx, a + 1, b, NESTED), scanExpression(ctx, b + 1, end, NESTED)];
}

/** Offsets of the semicolons between start and end outside parentheses and quotes. */
function semicolons(src: string, start: number, end: number): number[] {
  const found: number[] = [];
  for (let k = start; k < end; k++) {
    const c = src.charCodeAt(k);
    if (c === BACKSLASH) k++;
    else if (c === LPAREN) k = Math.min(end, matchingParenOrEnd(src, k, end));
    else if (c === SEMICOLON) found.push(k);
    else if (c === SQUOTE || c === DQUOTE || c === BACKQUOTE) k = closing(src, k, end);
  }
  return found;
}

function matchingParenOrEnd(src: string, open: number, end: number): number {
  const match = matchingParen(src, open);
  return match === -1 ? end : match;
}

/** The offset of the quote closing the one at `open` (`end` if none before it). */
function closing(src: string, open: number, end: number): number {
  const quote = src.charCodeAt(open);
  for (let k = open + 1; k < end; k++) {
    const c = src.charCodeAt(k);
    if (c === BACKSLASH && quote !== SQUOTE) k++;
    else if (c === quote) return k;
  }
  return end;
}
