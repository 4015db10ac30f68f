// Scanning `$((…))` in a word. Like bash, `$((` is arithmetic only if the parenthesis that
// matches the second `(` is followed at once by `)`; otherwise (`$( (cd x; ls) )` written
// without the blank, `$((echo hi) )`) it is a command substitution of a subshell. The text
// inside is a word of its own: `$…` and backquotes expand, double quotes are removed.

import type { Word, WordPart } from '../ast.js';
import { BACKSLASH, NEWLINE, skipContinuations } from '../chars.js';
import { unmatched } from '../errors.js';
import type { ScanContext } from '../tokens.js';

const LPAREN = 40;
const RPAREN = 41;
const SQUOTE = 39;
const DQUOTE = 34;
const BACKQUOTE = 96;
const DOLLAR = 36;

/** Scans a `$…` or a backquoted substitution inside the expression; both are dollar.ts's. */
export interface NestedScanners {
  dollar(ctx: ScanContext, k: number): { part: WordPart | null; end: number };
  backquote(ctx: ScanContext, k: number): { part: WordPart; end: number };
}

/**
 * The arithmetic expansion whose `$` is at `dollar` and whose second `(` is at `open`, or
 * null if it is a command substitution after all.
 */
export function scanArith(
  ctx: ScanContext,
  dollar: number,
  open: number,
  quoted: boolean,
  nested: NestedScanners,
): { part: WordPart; end: number } | null {
  const close = matchingParen(ctx.src, open);
  // more input may close it, whichever it turns out to be (PS2 asks for it)
  if (close === -1) throw unmatched(')', ctx.positions.at(dollar));
  const after = skipContinuations(ctx.src, close + 1);
  if (ctx.src.charCodeAt(after) !== RPAREN) return null;
  const expression = scanExpression(ctx, open + 1, close, nested);
  return { part: { kind: 'arith', expression, quoted }, end: after + 1 };
}

/** The offset of the `)` matching the `(` at `open`, skipping quoted text; -1 if none. */
export function matchingParen(src: string, open: number): number {
  let depth = 0;
  for (let k = open; k < src.length; k++) {
    const c = src.charCodeAt(k);
    if (c === BACKSLASH) k++;
    else if (c === LPAREN) depth++;
    else if (c === RPAREN && --depth === 0) return k;
    else if (c === SQUOTE || c === BACKQUOTE) {
      k = src.indexOf(src[k]!, k + 1);
      if (k === -1) return -1;
    } else if (c === DQUOTE) {
      k = closingDquote(src, k);
      if (k === -1) return -1;
    }
  }
  return -1;
}

function closingDquote(src: string, open: number): number {
  for (let k = open + 1; k < src.length; k++) {
    const c = src.charCodeAt(k);
    if (c === BACKSLASH) k++;
    else if (c === DQUOTE) return k;
  }
  return -1;
}

/** The expression between `start` and `end` as a word whose parts are all quoted. */
export function scanExpression(ctx: ScanContext, start: number, end: number, nested: NestedScanners): Word {
  const src = ctx.src;
  const parts: WordPart[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') parts.push({ kind: 'literal', text, quoted: true });
    text = '';
  };
  for (let k = start; k < end; ) {
    const c = src.charCodeAt(k);
    if (c === DQUOTE) {
      k++; // quotes inside an arithmetic expansion are removed, their text kept
    } else if (c === BACKSLASH) {
      const n = src.charCodeAt(k + 1);
      if (n === NEWLINE) k += 2;
      else if (n === DOLLAR || n === BACKQUOTE || n === DQUOTE || n === BACKSLASH) {
        text += src[k + 1];
        k += 2;
      } else {
        text += '\\';
        k++;
      }
    } else if (c === DOLLAR || c === BACKQUOTE) {
      const r = c === DOLLAR ? nested.dollar(ctx, k) : nested.backquote(ctx, k);
      if (r.part) {
        flush();
        parts.push(r.part);
      } else text += '$';
      k = r.end;
    } else {
      let e = k + 1;
      while (e < end && !isSpecial(src.charCodeAt(e))) e++;
      text += src.slice(k, e);
      k = e;
    }
  }
  flush();
  return { parts, source: src.slice(start, end), pos: ctx.positions.at(start) };
}

function isSpecial(c: number): boolean {
  return c === DQUOTE || c === BACKSLASH || c === DOLLAR || c === BACKQUOTE;
}
