// The `$` forms of a word: `$name`, `$1`, `$?`…, `${…}` with its operators, `$(…)`, `$((…))`
// (arith/scan.ts), and the older backquoted `` `…` `` substitution.

import type { ParamOp, Word, WordPart } from './ast.js';
import { BACKSLASH, isDigit, isNameChar, isNameStart, isSpecialParam, skipContinuations } from './chars.js';
import { scanArith } from './arith/scan.js';
import { badSubstitution, unmatched } from './errors.js';
import type { ScanContext } from './tokens.js';

export interface DollarResult {
  /** null: the `$` is an ordinary character. */
  readonly part: WordPart | null;
  readonly end: number;
}

export type BraceWordScanner = (
  ctx: ScanContext,
  start: number,
  quoted: boolean,
  open: number,
) => { word: Word; stop: number };

const LPAREN = 40;
const LBRACE = 123;
const RBRACE = 125;
const COLON = 58;
const HASH = 35;
const BACKQUOTE = 96;
const DOLLAR = 36;
const DQUOTE = 34;

/** Scans the `$…` at `k`. */
export function scanDollar(ctx: ScanContext, k: number, quoted: boolean, braceWord: BraceWordScanner): DollarResult {
  const src = ctx.src;
  const j = skipContinuations(src, k + 1);
  const c = src.charCodeAt(j);
  if (c === LBRACE) return scanBrace(ctx, k, j, quoted, braceWord);
  if (c === LPAREN) return scanCommand(ctx, k, j, quoted, braceWord);
  if (isNameStart(c)) {
    const name = scanName(src, j);
    return { part: param(name.text, null, null, quoted), end: name.end };
  }
  if (isDigit(c) || isSpecialParam(c)) return { part: param(src[j]!, null, null, quoted), end: j + 1 };
  return { part: null, end: k + 1 };
}

function param(name: string, op: ParamOp | null, word: Word | null, quoted: boolean): WordPart {
  return { kind: 'param', name, op, word, quoted };
}

/** A name starting at `j`, which may be broken by line continuations. */
function scanName(src: string, j: number): { text: string; end: number } {
  let text = '';
  let runStart = j;
  let k = j;
  for (;;) {
    while (isNameChar(src.charCodeAt(k))) k++;
    const next = skipContinuations(src, k);
    if (next === k || !isNameChar(src.charCodeAt(next))) break;
    text += src.slice(runStart, k);
    runStart = k = next;
  }
  return { text: text + src.slice(runStart, k), end: k };
}

/** The parameter name inside `${…}`: a name, a number (`${10}`), or one special character. */
function scanBraceName(src: string, j: number): { text: string; end: number } | null {
  const c = src.charCodeAt(j);
  if (isNameStart(c)) return scanName(src, j);
  if (isDigit(c)) {
    let k = j + 1;
    while (isDigit(src.charCodeAt(k))) k++;
    return { text: src.slice(j, k), end: k };
  }
  if (isSpecialParam(c)) return { text: src[j]!, end: j + 1 };
  return null;
}

function scanBrace(ctx: ScanContext, dollar: number, brace: number, quoted: boolean, braceWord: BraceWordScanner): DollarResult {
  const src = ctx.src;
  const start = skipContinuations(src, brace + 1);
  const length = scanLength(src, start);
  if (length) return { part: param(length.text, 'length', null, quoted), end: length.end };
  const name = scanBraceName(src, start);
  if (!name) throw braceError(ctx, dollar);
  let k = skipContinuations(src, name.end);
  if (src.charCodeAt(k) === RBRACE) return { part: param(name.text, null, null, quoted), end: k + 1 };
  const op = scanOperator(src, k);
  if (!op) throw braceError(ctx, dollar);
  k = op.end;
  // a pattern keeps its wildcards and quotes even inside "…": "${x#'a'*}" removes `a…`
  const r = braceWord(ctx, k, quoted && !isRemoval(op.op), dollar);
  return { part: param(name.text, op.op, r.word, quoted), end: r.stop + 1 };
}

/** `${#name}`; `${#}` alone is the parameter `#`, and `${#-x}` means `#` with an operator. */
function scanLength(src: string, j: number): { text: string; end: number } | null {
  if (src.charCodeAt(j) !== HASH) return null;
  const name = scanBraceName(src, skipContinuations(src, j + 1));
  if (!name) return null;
  const close = skipContinuations(src, name.end);
  return src.charCodeAt(close) === RBRACE ? { text: name.text, end: close + 1 } : null;
}

function isRemoval(op: ParamOp): boolean {
  return op === '#' || op === '##' || op === '%' || op === '%%';
}

function scanOperator(src: string, k: number): { op: ParamOp; end: number } | null {
  const c0 = src[k];
  if (c0 === '#' || c0 === '%') {
    const j = skipContinuations(src, k + 1);
    return src[j] === c0 ? { op: `${c0}${c0}` as ParamOp, end: j + 1 } : { op: c0, end: j };
  }
  let colon = false;
  if (src.charCodeAt(k) === COLON) {
    colon = true;
    k = skipContinuations(src, k + 1);
  }
  const c = src[k];
  if (c !== '-' && c !== '=' && c !== '+' && c !== '?') return null;
  return { op: (colon ? `:${c}` : c) as ParamOp, end: k + 1 };
}

/** A malformed `${…}`: a bad substitution if it is closed, else unterminated. */
function braceError(ctx: ScanContext, dollar: number): Error {
  const close = ctx.src.indexOf('}', dollar);
  const pos = ctx.positions.at(dollar);
  if (close === -1) return unmatched('}', pos);
  return badSubstitution(ctx.src.slice(dollar, close + 1), pos);
}

function scanCommand(ctx: ScanContext, dollar: number, paren: number, quoted: boolean, braceWord: BraceWordScanner): DollarResult {
  const src = ctx.src;
  const second = skipContinuations(src, paren + 1);
  if (src.charCodeAt(second) === LPAREN) {
    const arith = scanArith(ctx, dollar, second, quoted, {
      dollar: (c, k) => scanDollar(c, k, true, braceWord),
      backquote: (c, k) => scanBackquote(c, k, true),
    });
    if (arith) return arith;
  }
  const { list, close } = ctx.nested.commandAt(paren + 1, dollar);
  return { part: { kind: 'command', source: src.slice(paren + 1, close), list, quoted }, end: close + 1 };
}

/**
 * `` `…` ``: a backslash quotes `$`, `` ` `` and `\` (and `"` inside double quotes) and is
 * removed; the remaining text is parsed as commands.
 */
export function scanBackquote(ctx: ScanContext, open: number, quoted: boolean): { part: WordPart; end: number } {
  const src = ctx.src;
  const pieces: string[] = [];
  let runStart = open + 1;
  let k = open + 1;
  for (;;) {
    if (k >= src.length) throw unmatched('`', ctx.positions.at(open));
    const c = src.charCodeAt(k);
    if (c === BACKQUOTE) break;
    if (c === BACKSLASH) {
      const n = src.charCodeAt(k + 1);
      if (n === DOLLAR || n === BACKQUOTE || n === BACKSLASH || (quoted && n === DQUOTE)) {
        pieces.push(src.slice(runStart, k));
        runStart = k + 1;
      }
      k += 2;
      continue;
    }
    k++;
  }
  pieces.push(src.slice(runStart, k));
  const text = pieces.join('');
  const list = ctx.nested.commandText(text, open + 1);
  return { part: { kind: 'command', source: text, list, quoted }, end: k + 1 };
}
