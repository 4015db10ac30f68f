// Recursive-descent parser for the command language:
//
//   list     = { and-or ( ";" | "&" | newline ) }      (the last separator is optional)
//   and-or   = pipeline { ( "&&" | "||" ) newline* pipeline }
//   pipeline = [ "!" ] simple { "|" newline* simple }
//   simple   = { assignment | redirect } { word | redirect }
//
// Command substitutions are parsed by a nested parser over the same source, so their
// positions and source slices refer to the text the user wrote.

import type { AndOr, AndOrOp, Assignment, List, Pipeline, Redirect, SimpleCommand, Word } from './ast.js';
import { unexpectedEof, unexpectedToken, unmatched } from './errors.js';
import { Lexer } from './lexer.js';
import { PositionMap, ShiftedPositions, type PositionSource } from './position.js';
import type { NestedParser, OperatorToken, RedirectToken, ScanContext, Token, WordToken } from './tokens.js';
import { toAssignment, toWord } from './word-build.js';

/** Shared by every node with nothing in a list: long scripts make many such nodes. */
const NONE: readonly never[] = Object.freeze([]);

/** Parses a whole script or command line. Throws SyntaxError (see ast.ts). */
export function parse(source: string): List {
  return new Parser(source, 0, new PositionMap(source), null).parseList();
}

class Parser implements NestedParser, ScanContext {
  readonly nested: NestedParser = this;
  private readonly lexer: Lexer;
  private peeked: Token | null = null;
  /** End of the last word or redirection consumed: where the current and-or's source ends. */
  private lastEnd = 0;

  constructor(
    readonly src: string,
    start: number,
    readonly positions: PositionSource,
    /** For the body of `$(`: the offset of its `$`, and the list ends at the matching `)`. */
    private readonly openParen: number | null,
  ) {
    this.lexer = new Lexer(this, start);
  }

  commandAt(offset: number, open: number): { list: List; close: number } {
    const inner = new Parser(this.src, offset, this.positions, open);
    const list = inner.parseList();
    return { list, close: inner.peek().start };
  }

  commandText(text: string, offset: number): List {
    return new Parser(text, 0, new ShiftedPositions(this.positions, offset), null).parseList();
  }

  parseList(): List {
    const items: AndOr[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.atListEnd()) return { kind: 'list', items };
      items.push(this.parseTerminatedAndOr());
    }
  }

  /** True at end of input, or at the `)` closing a command substitution. */
  private atListEnd(): boolean {
    const t = this.peek();
    if (t.kind === 'eof') {
      if (this.openParen !== null) throw unmatched(')', this.positions.at(this.openParen));
      return true;
    }
    return this.openParen !== null && isOp(t, ')');
  }

  /** An and-or list and the separator after it, which says whether it runs in the background. */
  private parseTerminatedAndOr(): AndOr {
    const start = this.peek().start;
    const first = this.parsePipeline();
    const rest: { op: AndOrOp; pipeline: Pipeline }[] = [];
    for (let t = this.peek(); isOp(t, '&&') || isOp(t, '||'); t = this.peek()) {
      this.take();
      this.skipNewlines();
      rest.push({ op: (t as OperatorToken).op as AndOrOp, pipeline: this.parsePipeline() });
    }
    const source = this.src.slice(start, this.lastEnd).trim();
    const background = this.parseSeparator();
    return { kind: 'and-or', first, rest: rest.length ? rest : NONE, background, source, pos: first.pos };
  }

  /** Consumes `;`, `&` or a newline after an and-or list; returns true for `&`. */
  private parseSeparator(): boolean {
    const t = this.peek();
    if (isOp(t, '&')) {
      this.take();
      return true;
    }
    if (isOp(t, ';') || isOp(t, '\n')) this.take();
    else if (!this.atListEnd()) throw this.unexpected(t);
    return false;
  }

  private parsePipeline(): Pipeline {
    const start = this.peek();
    let bang = false;
    for (let t = this.peek(); t.kind === 'word' && this.isBang(t); t = this.peek()) {
      this.take();
      bang = !bang;
    }
    // `!` must be followed by a command; at the end of the text that is an error, not PS2
    if (bang && this.peek().kind === 'eof') throw unexpectedToken('newline', this.positions.at(this.src.length));
    const commands = [this.parseSimple()];
    while (isOp(this.peek(), '|')) {
      this.take();
      this.skipNewlines();
      commands.push(this.parseSimple());
    }
    return { kind: 'pipeline', bang, commands, pos: this.positions.at(start.start) };
  }

  private isBang(t: WordToken): boolean {
    return t.end - t.start === 1 && this.src.charCodeAt(t.start) === 33;
  }

  private parseSimple(): SimpleCommand {
    const first = this.peek();
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (let t = this.peek(); ; t = this.peek()) {
      if (t.kind === 'word') {
        this.take();
        if (words.length === 0 && t.assign) assignments.push(toAssignment(t, this.src, this.positions));
        else words.push(toWord(t, this.src, this.positions));
      } else if (t.kind === 'redirect') {
        this.take();
        redirects.push(this.parseRedirect(t));
      } else break;
    }
    if (assignments.length + words.length + redirects.length === 0) throw this.unexpected(first);
    return {
      kind: 'simple',
      assignments: assignments.length ? assignments : NONE,
      words: words.length ? words : NONE,
      redirects: redirects.length ? redirects : NONE,
      pos: this.positions.at(first.start),
    };
  }

  private parseRedirect(t: RedirectToken): Redirect {
    const next = this.peek();
    if (next.kind !== 'word') {
      const text = next.kind === 'eof' ? 'newline' : this.tokenText(next);
      throw unexpectedToken(text, this.positions.at(next.start));
    }
    this.take();
    const target = toWord(next, this.src, this.positions);
    const pos = this.positions.at(t.start);
    // As in bash, `>&word` with a word that cannot be an fd number means `&>word`
    if (t.op === '>&' && (t.fd === null || t.fd === 1) && namesFile(target)) {
      return { fd: null, op: '&>', target, pos };
    }
    return { fd: t.fd, op: t.op, target, pos };
  }

  private skipNewlines(): void {
    while (isOp(this.peek(), '\n')) this.take();
  }

  private peek(): Token {
    return (this.peeked ??= this.lexer.next());
  }

  private take(): Token {
    const t = this.peek();
    this.peeked = null;
    if (t.kind === 'word' || t.kind === 'redirect') this.lastEnd = t.end;
    return t;
  }

  private unexpected(t: Token): Error {
    const pos = this.positions.at(t.start);
    if (t.kind === 'eof') return unexpectedEof(pos);
    return unexpectedToken(this.tokenText(t), pos);
  }

  private tokenText(t: Token): string {
    return isOp(t, '\n') ? 'newline' : this.src.slice(t.start, t.end);
  }
}

function isOp(t: Token, op: string): boolean {
  return t.kind === 'op' && t.op === op;
}

/**
 * Whether a `>&` target is certainly not an fd number or `-`. Targets with expansions are
 * left as `>&`: only their expanded text can tell (the executor decides, as bash does).
 */
function namesFile(target: Word): boolean {
  let text = '';
  for (const part of target.parts) {
    if (part.kind === 'tilde') return true;
    if (part.kind !== 'literal') return false;
    text += part.text;
  }
  return text !== '-' && !/^[0-9]+$/.test(text);
}
