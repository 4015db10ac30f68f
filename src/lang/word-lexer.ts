// Scans one word into parts: quoting, escapes, tildes, and the `NAME=` split of assignments.
// `$` forms are delegated to dollar.ts. The same scanner reads the word of `${name op word}`,
// in which blanks and operators are ordinary characters and the first unquoted `}` ends it.

import type { Word, WordPart } from './ast.js';
import { BACKSLASH, charLength, isName, isRunStop, isTerminator, skipContinuations } from './chars.js';
import { scanAnsiC } from './ansi-c.js';
import { scanBackquote, scanDollar } from './dollar.js';
import { unexpectedEof, unmatched } from './errors.js';
import type { AssignInfo, ScanContext } from './tokens.js';

/**
 * `word`: a shell word; `brace`/`dqbrace`: the word of `${x-word}`, unquoted or in "…";
 * `regex`: the right side of `[[ x =~ regex ]]`, where `|` and parentheses are ordinary and
 * blanks and operators inside parentheses too (bash's PST_REGEXP).
 */
export type ScanMode = 'word' | 'brace' | 'dqbrace' | 'regex';

export interface ScannedWord {
  readonly parts: WordPart[];
  /** Offset just after the last character of the word. */
  readonly end: number;
  /** Where scanning stopped: the terminator, or the closing `}` in the brace modes. */
  readonly stop: number;
  readonly assign: AssignInfo | null;
}

const SQUOTE = 39;
const DQUOTE = 34;
const DOLLAR = 36;
const BACKQUOTE = 96;
const EQUALS = 61;
const COLON = 58;
const SLASH = 47;
const TILDE = 126;
const RBRACE = 125;
const LPAREN = 40;
const RPAREN = 41;
const BAR = 124;

/** Characters escapable by a backslash inside double quotes (`}` too inside `${…}`). */
function dqEscapable(code: number, inBrace: boolean): boolean {
  return code === DOLLAR || code === BACKQUOTE || code === DQUOTE || code === BACKSLASH || (inBrace && code === RBRACE);
}

export class WordScanner {
  private readonly src: string;
  private readonly parts: WordPart[] = [];
  /** Pending literal text, merged while its quoting does not change. */
  private lit: string | null = null;
  private litQuoted = false;
  private assign: AssignInfo | null = null;
  private assignChecked = false;
  /** Parentheses open in a `regex` word, and where the outermost opened. */
  private regexDepth = 0;
  private regexOpen = 0;

  constructor(
    private readonly ctx: ScanContext,
    private readonly start: number,
    private readonly mode: ScanMode,
    /** Offset of the `${` whose word this is, for the unmatched-brace error. */
    private readonly open = start,
  ) {
    this.src = ctx.src;
  }

  scan(): ScannedWord {
    const r = this.mode === 'dqbrace' ? this.scanDqBrace() : this.scanUnquoted();
    this.flush();
    return { parts: this.parts, end: r.end, stop: r.stop, assign: this.assign };
  }

  /** Scans `${x op word}`'s word starting at `start`, for dollar.ts. */
  static braceWord(ctx: ScanContext, start: number, quoted: boolean, open: number): { word: Word; stop: number } {
    const r = new WordScanner(ctx, start, quoted ? 'dqbrace' : 'brace', open).scan();
    const word: Word = { parts: r.parts, source: ctx.src.slice(start, r.end), pos: ctx.positions.at(start) };
    return { word, stop: r.stop };
  }

  private scanUnquoted(): { end: number; stop: number } {
    const src = this.src;
    const inBrace = this.mode === 'brace';
    let k = this.tilde(skipContinuations(src, this.start), false);
    let end = k;
    for (;;) {
      k = skipContinuations(src, k);
      const c = src.charCodeAt(k);
      if (k >= src.length) {
        if (inBrace) throw unmatched('}', this.ctx.positions.at(this.open));
        if (this.regexDepth > 0) throw unmatched(')', this.ctx.positions.at(this.regexOpen));
        break;
      }
      if (this.mode === 'regex' && this.regexCharacter(k, c)) {
        end = ++k;
        continue;
      }
      // as in bash, the first unquoted `}` ends `${x:-word}`: braces do not nest
      if (inBrace ? c === RBRACE : isTerminator(c)) break;
      k = this.unquotedStep(k, c);
      end = k;
    }
    return { end, stop: k };
  }

  /** In a `regex` word: takes `|`, a parenthesis or, inside parentheses, a terminator as text. */
  private regexCharacter(k: number, c: number): boolean {
    if (c === LPAREN) {
      if (this.regexDepth++ === 0) this.regexOpen = k;
    } else if (c === RPAREN && this.regexDepth > 0) this.regexDepth--;
    else if (c !== BAR && !(this.regexDepth > 0 && isTerminator(c))) return false;
    this.pushLit(this.src[k]!, false);
    return true;
  }

  /** Consumes one construct at `k` (whose char code is `c`) and returns the offset after it. */
  private unquotedStep(k: number, c: number): number {
    switch (c) {
      case SQUOTE:
        return this.singleQuoted(k);
      case DQUOTE:
        return this.doubleQuoted(k, false);
      case BACKSLASH:
        return this.escape(k);
      case DOLLAR:
        return this.dollar(k, false);
      case BACKQUOTE:
        return this.backquote(k, false);
      case EQUALS:
        return this.equals(k);
      case COLON:
        this.pushLit(':', false);
        return this.assign ? this.tilde(k + 1, true) : k + 1;
      default:
        return this.run(k);
    }
  }

  /** A run of ordinary characters, taken as one slice. */
  private run(k: number): number {
    const src = this.src;
    let e = k + 1; // the first character is ordinary even if it is a run stop like `}`
    while (e < src.length && !isRunStop(src.charCodeAt(e))) e++;
    this.pushLit(src.slice(k, e), false);
    return e;
  }

  private singleQuoted(k: number): number {
    const close = this.src.indexOf("'", k + 1);
    if (close === -1) throw unmatched("'", this.ctx.positions.at(k));
    this.pushLit(this.src.slice(k + 1, close), true);
    return close + 1;
  }

  private escape(k: number): number {
    if (k + 1 >= this.src.length) throw unexpectedEof(this.ctx.positions.at(k));
    const n = charLength(this.src, k + 1);
    this.pushLit(this.src.slice(k + 1, k + 1 + n), true);
    return k + 1 + n;
  }

  /** `"…"`; `inBrace` when inside `"${x-…}"`, where `\}` is an escape too. */
  private doubleQuoted(open: number, inBrace: boolean): number {
    const src = this.src;
    const [parts, lit] = [this.parts.length, this.lit];
    let k = open + 1;
    for (;;) {
      k = skipContinuations(src, k);
      if (k >= src.length) throw unmatched('"', this.ctx.positions.at(open));
      const c = src.charCodeAt(k);
      if (c === DQUOTE) break;
      k = this.quotedStep(k, c, DQUOTE, inBrace);
    }
    // `""` is an empty field, not nothing: keep a trace of it
    if (this.parts.length === parts && this.lit === lit) this.pushLit('', true);
    return k + 1;
  }

  /** One construct inside double quotes, up to the `closer` character (`"` or `}`). */
  private quotedStep(k: number, c: number, closer: number, inBrace: boolean): number {
    const src = this.src;
    if (c === BACKSLASH) {
      const n = src.charCodeAt(k + 1);
      if (k + 1 < src.length && dqEscapable(n, inBrace)) {
        this.pushLit(src[k + 1]!, true);
        return k + 2;
      }
      this.pushLit('\\', true);
      return k + 1;
    }
    if (c === DOLLAR) return this.dollar(k, true);
    if (c === BACKQUOTE) return this.backquote(k, true);
    let e = k + 1;
    for (; e < src.length; e++) {
      const d = src.charCodeAt(e);
      if (d === closer || d === BACKSLASH || d === DOLLAR || d === BACKQUOTE || d === DQUOTE) break;
    }
    this.pushLit(src.slice(k, e), true);
    return e;
  }

  /** The word of `"${x-word}"`: double-quote rules, ended by the first unquoted `}`. */
  private scanDqBrace(): { end: number; stop: number } {
    const src = this.src;
    let k = this.start;
    let end = k;
    for (;;) {
      k = skipContinuations(src, k);
      if (k >= src.length) throw unmatched('}', this.ctx.positions.at(this.open));
      const c = src.charCodeAt(k);
      if (c === RBRACE) break;
      if (c === DQUOTE) {
        k = this.doubleQuoted(k, false);
      } else {
        k = this.quotedStep(k, c, RBRACE, true);
      }
      end = k;
    }
    return { end, stop: k };
  }

  private dollar(k: number, quoted: boolean): number {
    if (!quoted && this.src.charCodeAt(k + 1) === SQUOTE) return this.ansiC(k);
    const r = scanDollar(this.ctx, k, quoted, WordScanner.braceWord);
    if (r.part) this.pushPart(r.part);
    else this.pushLit('$', quoted);
    return r.end;
  }

  /** bash's `$'…'`: quoted text with C escapes decoded. */
  private ansiC(k: number): number {
    const r = scanAnsiC(this.src, k);
    if (r === null) throw unmatched("'", this.ctx.positions.at(k + 1));
    this.pushLit(r.text, true);
    return r.end;
  }

  private backquote(k: number, quoted: boolean): number {
    const r = scanBackquote(this.ctx, k, quoted);
    this.pushPart(r.part);
    return r.end;
  }

  /** An `=`: when everything before it is an unquoted name, the word may be an assignment. */
  private equals(k: number): number {
    const candidate =
      !this.assignChecked && this.mode === 'word' && this.parts.length === 0 && this.lit !== null && !this.litQuoted;
    this.assignChecked = true;
    if (!candidate || !isName(this.lit!)) {
      this.pushLit('=', false);
      return k + 1;
    }
    const name = this.lit!;
    this.pushLit('=', false);
    this.flush();
    this.assign = { name, valueStart: k + 1, valueIndex: this.parts.length };
    return this.tilde(k + 1, true);
  }

  /**
   * A tilde prefix at `k`: `~` and the characters up to the first `/` (or `:` in an
   * assignment), none of them quoted or part of an expansion; otherwise the `~` is literal.
   */
  private tilde(k: number, inAssignment: boolean): number {
    const src = this.src;
    if (src.charCodeAt(k) !== TILDE) return k;
    let e = k + 1;
    for (; e < src.length; e++) {
      const c = src.charCodeAt(e);
      if (c === SLASH || (inAssignment && c === COLON) || (this.mode === 'brace' && c === RBRACE)) break;
      if (isTerminator(c)) {
        if (this.mode === 'word') break;
        continue;
      }
      if (c === SQUOTE || c === DQUOTE || c === BACKSLASH || c === DOLLAR || c === BACKQUOTE) return k;
    }
    if (e >= src.length && this.mode === 'brace') return k; // unterminated; the scan will report it
    this.pushPart({ kind: 'tilde', user: src.slice(k + 1, e) });
    return e;
  }

  private pushLit(text: string, quoted: boolean): void {
    if (this.lit !== null && this.litQuoted === quoted) {
      this.lit += text;
      return;
    }
    this.flush();
    this.lit = text;
    this.litQuoted = quoted;
  }

  private pushPart(part: WordPart): void {
    this.flush();
    this.parts.push(part);
  }

  private flush(): void {
    if (this.lit === null) return;
    this.parts.push({ kind: 'literal', text: this.lit, quoted: this.litQuoted });
    this.lit = null;
  }
}
