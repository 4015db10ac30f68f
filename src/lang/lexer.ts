// Splits source text into tokens: words, operators, redirection operators (with the digits of
// an fd number written just before them) and end of input. Comments and line continuations
// vanish here. No token depends on parser state, so lookahead is always safe; the one thing
// the parser tells the lexer is which here-documents to read at the next newline.

import type { RedirectOp } from './ast.js';
import { isBlank, isDigit, isRunStop, isTerminator, skipContinuations } from './chars.js';
import { scanArithCommand } from './arith-command.js';
import { readHereDocs, type OpenHereDoc } from './heredoc.js';
import type { OperatorText, ScanContext, Token } from './tokens.js';
import { WordScanner } from './word-lexer.js';

const HASH = 35;
const TILDE = 126;

export class Lexer {
  private readonly src: string;
  /** Here-documents whose bodies start after the next newline. */
  private pending: OpenHereDoc[] = [];
  /** Inside `[[ … ]]` (set by the parser): `((` is two parentheses, never arithmetic. */
  cond = false;

  constructor(
    private readonly ctx: ScanContext,
    private offset: number,
  ) {
    this.src = ctx.src;
  }

  next(): Token {
    const start = this.skipBlanks(this.offset);
    const token = this.read(start);
    this.offset = token.end;
    if (this.pending.length && (token.kind === 'eof' || (token.kind === 'op' && token.op === '\n'))) {
      const docs = this.pending;
      this.pending = [];
      this.offset = readHereDocs(this.ctx, token.end, docs);
    }
    return token;
  }

  /** The right side of `=~` in `[[ … ]]`, read as bash reads a regular expression word. */
  regexWord(): Token {
    const start = this.skipBlanks(this.offset);
    const c = this.src[start];
    if (start >= this.src.length || c === '\n' || c === ';' || c === '&' || c === '<' || c === '>' || c === ')') return this.next();
    const r = new WordScanner(this.ctx, start, 'regex').scan();
    this.offset = r.end;
    return { kind: 'word', start, end: r.end, parts: r.parts, assign: null };
  }

  /** The parser has read `<<word`: its body follows the next newline. */
  hereDoc(doc: OpenHereDoc): void {
    this.pending.push(doc);
  }

  /** Skips blanks, line continuations and a comment, stopping at the next token. */
  private skipBlanks(i: number): number {
    const src = this.src;
    for (;;) {
      i = skipContinuations(src, i);
      const c = src.charCodeAt(i);
      if (isBlank(c)) i++;
      else if (c === HASH) {
        const eol = src.indexOf('\n', i);
        return eol === -1 ? src.length : eol;
      } else return i;
    }
  }

  private read(i: number): Token {
    const src = this.src;
    if (i >= src.length) return { kind: 'eof', start: src.length, end: src.length };
    switch (src[i]) {
      case '\n':
        return this.op('\n', i, i + 1);
      case ';':
        return this.semicolon(i);
      case '|':
        return this.pair(i, '|', '|', '||');
      case '(':
        return this.paren(i);
      case ')':
        return this.op(')', i, i + 1);
      case '&':
        return this.ampersand(i);
      case '<':
      case '>':
        return this.redirect(i, i, null);
      default:
        return isDigit(src.charCodeAt(i)) ? this.digits(i) : this.word(i);
    }
  }

  /** `(`, or bash's arithmetic command when `((` is one. */
  private paren(i: number): Token {
    if (this.cond) return this.op('(', i, i + 1);
    const arith = scanArithCommand(this.ctx, i);
    if (arith) return { kind: 'arith', expression: arith.expression, forClauses: arith.forClauses, start: i, end: arith.end };
    return this.op('(', i, i + 1);
  }

  private op(op: OperatorText, start: number, end: number): Token {
    return { kind: 'op', op, start, end };
  }

  /** Offset of the character after the one at `i`, across line continuations. */
  private after(i: number): number {
    return skipContinuations(this.src, i + 1);
  }

  /** `single` at `i`, or `double` if the next character is `second`. */
  private pair(i: number, second: string, single: OperatorText, double: OperatorText): Token {
    const n = this.after(i);
    return this.src[n] === second ? this.op(double, i, n + 1) : this.op(single, i, i + 1);
  }

  /** `;`, `;;`, and bash's `;&` and `;;&` (case item terminators). */
  private semicolon(i: number): Token {
    const n = this.after(i);
    if (this.src[n] === '&') return this.op(';&', i, n + 1);
    if (this.src[n] !== ';') return this.op(';', i, i + 1);
    const m = this.after(n);
    return this.src[m] === '&' ? this.op(';;&', i, m + 1) : this.op(';;', i, n + 1);
  }

  /** `&`, `&&`, `&>`, `&>>`. */
  private ampersand(i: number): Token {
    const n = this.after(i);
    if (this.src[n] === '&') return this.op('&&', i, n + 1);
    if (this.src[n] !== '>') return this.op('&', i, i + 1);
    const m = this.after(n);
    if (this.src[m] === '>') return { kind: 'redirect', op: '&>>', fd: null, start: i, end: m + 1 };
    return { kind: 'redirect', op: '&>', fd: null, start: i, end: n + 1 };
  }

  /** The redirection operator at `i`; the token starts at `start` to include fd digits. */
  private redirect(i: number, start: number, fd: number | null): Token {
    const src = this.src;
    const n = this.after(i);
    const next = src[n];
    let op: RedirectOp;
    if (src[i] === '<') {
      if (next === '<') return this.hereDocument(i, n, start, fd);
      op = next === '>' ? '<>' : next === '&' ? '<&' : '<';
    } else {
      op = next === '>' ? '>>' : next === '|' ? '>|' : next === '&' ? '>&' : '>';
    }
    const end = op.length === 1 ? i + 1 : n + 1;
    return { kind: 'redirect', op, fd, start, end };
  }

  /** `<<`, `<<-`, or bash's here-string `<<<`. */
  private hereDocument(i: number, second: number, start: number, fd: number | null): Token {
    const third = this.after(second);
    if (this.src[third] === '<') return { kind: 'redirect', op: '<<<', fd, start, end: third + 1 };
    if (this.src[third] === '-') return { kind: 'redirect', op: '<<-', fd, start, end: third + 1 };
    return { kind: 'redirect', op: '<<', fd, start, end: second + 1 };
  }

  /** Digits directly followed by `<` or `>` are an fd number; otherwise they start a word. */
  private digits(i: number): Token {
    const src = this.src;
    let digits = '';
    let k = i;
    while (isDigit(src.charCodeAt(k))) {
      digits += src[k];
      k = skipContinuations(src, k + 1);
    }
    const c = src[k];
    if (c === '<' || c === '>') return this.redirect(k, i, Number(digits));
    return this.word(i);
  }

  private word(i: number): Token {
    const src = this.src;
    // Most words are plain text: take them in one slice without the full scanner
    let e = i;
    while (e < src.length && !isRunStop(src.charCodeAt(e))) e++;
    if (src.charCodeAt(i) !== TILDE && (e >= src.length || isTerminator(src.charCodeAt(e)))) {
      return { kind: 'word', start: i, end: e, parts: [{ kind: 'literal', text: src.slice(i, e), quoted: false }], assign: null };
    }
    const r = new WordScanner(this.ctx, i, 'word').scan();
    return { kind: 'word', start: i, end: r.end, parts: r.parts, assign: r.assign };
  }
}
