// Recursive-descent parser for the command language (XCU 2.9/2.10):
//
//   complete = and-or { ( ";" | "&" ) and-or } [ ";" | "&" ] ( newline | eof )
//   list     = { newline } { and-or ( ";" | "&" | newline ) { newline } } up to a closer
//   and-or   = pipeline { ( "&&" | "||" ) newline* pipeline }
//   pipeline = { "!" } command { "|" newline* command }
//   command  = compound { redirect } | name "(" ")" newline* compound { redirect } | simple
//   simple   = { assignment | redirect } { word | redirect }
//
// The compound commands themselves are in parser-compound.ts. Reserved words are words the
// parser recognises where the grammar allows one (see reserved.ts), never the lexer. The
// parser works one complete command at a time (reader.ts) so that a shell can run each before
// the next is read: aliases defined by one apply to the next.
//
// Command substitutions are parsed by a nested parser over the same source, so their
// positions and source slices refer to the text the user wrote.

import type { AndOr, AndOrOp, Assignment, Command, CompoundCommand, List, Pipeline, Position, Redirect, SimpleCommand, Word } from './ast.js';
import { unexpectedEof, unexpectedToken, unmatched } from './errors.js';
import { openHereDoc } from './heredoc.js';
import { Lexer } from './lexer.js';
import { compoundBody, functionDefinition, isCompoundStart } from './parser-compound.js';
import { PositionMap, ShiftedPositions, type PositionSource } from './position.js';
import { aliasName, functionName, isOp, reservedWord, spanEnd, spanStart } from './reserved.js';
import type { NestedParser, OperatorToken, ParseOptions, RedirectToken, ScanContext, Token, WordToken } from './tokens.js';
import { toAssignment, toWord } from './word-build.js';

/** Shared by every node with nothing in a list: long scripts make many such nodes. */
const NONE: readonly never[] = Object.freeze([]);
const CLOSE_PAREN: ReadonlySet<string> = new Set([')']);

/** Parses a whole script or command line. Throws SyntaxError (see ast.ts). */
export function parse(source: string, options: ParseOptions = {}): List {
  return new Parser(source, 0, new PositionMap(source, options.firstLine), null, options).parseProgram();
}

export class Parser implements NestedParser, ScanContext {
  readonly nested: NestedParser = this;
  private readonly lexer: Lexer;
  /** Tokens read ahead, and the tokens of alias values waiting to be parsed. */
  private readonly queue: Token[] = [];
  /** End of the last word, redirection or parenthesis consumed: where a source text ends. */
  lastEnd = 0;
  /** The last token taken ended an alias value in a blank: check the next word too. */
  private aliasNext = false;

  constructor(
    readonly src: string,
    start: number,
    readonly positions: PositionSource,
    /** For the body of `$(`: the offset of its `$`, and the list ends at the matching `)`. */
    private readonly openParen: number | null,
    readonly options: ParseOptions,
  ) {
    this.lexer = new Lexer(this, start);
  }

  commandAt(offset: number, open: number): { list: List; close: number } {
    const inner = new Parser(this.src, offset, this.positions, open, this.options);
    const list = inner.parseList(CLOSE_PAREN);
    return { list, close: inner.peek().start };
  }

  commandText(text: string, offset: number): List {
    return this.nestedFor(text, offset).parseProgram();
  }

  nestedFor(text: string, offset: number): Parser {
    return new Parser(text, 0, new ShiftedPositions(this.positions, offset), null, this.options);
  }

  /** Everything up to the end of the text, as one list. */
  parseProgram(): List {
    const items: AndOr[] = [];
    for (let list = this.parseCompleteCommand(); list; list = this.parseCompleteCommand()) items.push(...list.items);
    return { kind: 'list', items };
  }

  /**
   * The and-or lists up to the end of the next line (POSIX's complete command), with that
   * newline and the here-document bodies after it consumed, and nothing read beyond; null at
   * the end of the text.
   */
  parseCompleteCommand(): List | null {
    this.skipNewlines();
    if (this.peekCommand().kind === 'eof') return null;
    const items: AndOr[] = [];
    for (;;) {
      const item = this.parseAndOr();
      const t = this.peek();
      if (isOp(t, '&') || isOp(t, ';')) {
        this.take();
        items.push(isOp(t, '&') ? { ...item, background: true } : item);
        const next = this.peek();
        if (isOp(next, '\n')) this.take();
        if (isOp(next, '\n') || next.kind === 'eof') break;
        continue;
      }
      items.push(item);
      if (t.kind === 'eof') break;
      if (!isOp(t, '\n')) throw this.unexpected(t);
      this.take();
      break;
    }
    return { kind: 'list', items };
  }

  /** A list ended by one of `ends` (reserved words or operators), which is left unread. */
  parseList(ends: ReadonlySet<string>): List {
    const items: AndOr[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.atEnd(ends)) break;
      const item = this.parseAndOr();
      const t = this.peek();
      if (isOp(t, '&') || isOp(t, ';') || isOp(t, '\n')) this.take();
      else if (!this.atEnd(ends)) throw this.unexpected(t);
      items.push(isOp(t, '&') ? { ...item, background: true } : item);
      if (!isOp(t, '&') && !isOp(t, ';') && !isOp(t, '\n')) break;
    }
    return { kind: 'list', items };
  }

  /** Whether the next token closes the list; the end of the text is an error inside one. */
  private atEnd(ends: ReadonlySet<string>): boolean {
    const t = this.peekCommand();
    if (t.kind === 'eof') {
      if (this.openParen !== null) throw unmatched(')', this.positions.at(this.openParen));
      throw unexpectedEof(this.at(t));
    }
    if (t.kind === 'op') return ends.has(t.op);
    const word = reservedWord(t);
    return word !== null && ends.has(word);
  }

  private parseAndOr(): AndOr {
    const start = spanStart(this.peekCommand());
    const first = this.parsePipeline();
    const rest: { op: AndOrOp; pipeline: Pipeline }[] = [];
    for (let t = this.peek(); isOp(t, '&&') || isOp(t, '||'); t = this.peek()) {
      this.take();
      this.skipNewlines();
      rest.push({ op: (t as OperatorToken).op as AndOrOp, pipeline: this.parsePipeline() });
    }
    const source = this.src.slice(start, this.lastEnd).trim();
    return { kind: 'and-or', first, rest: rest.length ? rest : NONE, background: false, source, pos: first.pos };
  }

  private parsePipeline(): Pipeline {
    const start = this.peekCommand();
    let bang = false;
    for (let t = start; reservedWord(t) === '!'; t = this.peekCommand()) {
      this.take();
      bang = !bang;
    }
    // `!` must be followed by a command; at the end of the text that is an error, not PS2
    if (bang && this.peek().kind === 'eof') throw unexpectedToken('newline', this.positions.at(this.src.length));
    const commands = [this.parseCommand()];
    while (isOp(this.peek(), '|')) {
      this.take();
      this.skipNewlines();
      commands.push(this.parseCommand());
    }
    return { kind: 'pipeline', bang, commands, pos: this.at(start) };
  }

  parseCommand(): Command {
    const t = this.peekCommand();
    const word = reservedWord(t);
    if (isCompoundStart(t)) return this.parseCompound();
    if (word === 'function') return functionDefinition(this);
    // any other reserved word here is out of place: `fi`, `then`, `}`, `in`, a second `!`
    if (word !== null) throw this.unexpected(t);
    if (functionName(t) !== null && isOp(this.peekAt(1), '(')) return functionDefinition(this);
    return this.parseSimple();
  }

  /** A compound command at the next token, with the redirections after it. */
  parseCompound(): CompoundCommand {
    const t = this.peek();
    const start = spanStart(t);
    const body = compoundBody(this, t);
    const redirects: Redirect[] = [];
    while (this.peek().kind === 'redirect') redirects.push(this.parseRedirect(this.take() as RedirectToken));
    const source = this.src.slice(start, this.lastEnd);
    return { kind: 'compound', body, redirects: redirects.length ? redirects : NONE, source, pos: this.at(t) };
  }

  private parseSimple(): SimpleCommand {
    const first = this.peek();
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    for (let t = first; ; t = this.aliasNext ? this.peekCommand() : this.peek()) {
      if (t.kind === 'word') {
        this.take();
        if (words.length === 0 && t.assign) assignments.push(this.assignment(t));
        else words.push(this.word(t));
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
      pos: this.at(first),
    };
  }

  private parseRedirect(t: RedirectToken): Redirect {
    const next = this.peek();
    if (next.kind !== 'word') {
      const text = next.kind === 'eof' ? 'newline' : this.tokenText(next);
      throw unexpectedToken(text, this.at(next));
    }
    this.take();
    const target = this.word(next);
    const pos = this.at(t);
    if (t.op === '<<' || t.op === '<<-') {
      const open = openHereDoc(target.source, t.op === '<<-', pos);
      this.lexer.hereDoc(open);
      return { fd: t.fd, op: t.op, target, heredoc: open.doc, pos };
    }
    return { fd: t.fd, op: t.op, target, pos };
  }

  skipNewlines(): void {
    while (isOp(this.peek(), '\n')) this.take();
  }

  peek(): Token {
    if (this.queue.length === 0) this.queue.push(this.lexer.next());
    return this.queue[0]!;
  }

  /** The token `n` places ahead (used to tell `name()` from a simple command). */
  peekAt(n: number): Token {
    while (this.queue.length <= n) this.queue.push(this.lexer.next());
    return this.queue[n]!;
  }

  take(): Token {
    const t = this.queue.shift() ?? this.lexer.next();
    if (t.kind === 'word' || t.kind === 'redirect' || t.kind === 'arith' || isOp(t, '(') || isOp(t, ')')) this.lastEnd = spanEnd(t);
    this.aliasNext = t.kind !== 'eof' && t.alias?.blank === true;
    return t;
  }

  /**
   * The next token where a command name may be: an alias there is replaced by the tokens of
   * its value (then checked again: aliases may use aliases, but not one being expanded).
   */
  peekCommand(): Token {
    for (;;) {
      const t = this.peek();
      if (!this.options.alias || t.kind !== 'word') return t;
      const name = aliasName(t);
      if (name === null || t.alias?.names.has(name)) return t;
      const value = this.options.alias(name);
      if (value === undefined) return t;
      this.expandAlias(t, name, value);
    }
  }

  private expandAlias(t: WordToken, name: string, value: string): void {
    const pos = this.at(t);
    const positions: PositionSource = { at: () => pos };
    const names = new Set(t.alias?.names ?? []).add(name);
    const ctx: ScanContext = { src: value, positions, nested: new Parser(value, 0, positions, null, this.options), options: this.options };
    const lexer = new Lexer(ctx, 0);
    const tokens: Token[] = [];
    for (let a = lexer.next(); a.kind !== 'eof'; a = lexer.next()) tokens.push(a);
    const blank = /[ \t]$/.test(value);
    const origin = { src: value, positions, start: spanStart(t), end: spanEnd(t), names };
    this.take();
    const last = tokens.length - 1;
    this.queue.unshift(...tokens.map((a, i) => ({ ...a, alias: { ...origin, blank: blank && i === last } })));
  }

  /** Takes the reserved word `word`, or fails on whatever is there instead. */
  expectReserved(word: string): void {
    const t = this.peek();
    if (reservedWord(t) !== word) throw this.unexpected(t);
    this.take();
  }

  expectOp(op: string): void {
    const t = this.peek();
    if (!isOp(t, op)) throw this.unexpected(t);
    this.take();
  }

  word(t: WordToken): Word {
    return t.alias ? toWord(t, t.alias.src, t.alias.positions) : toWord(t, this.src, this.positions);
  }

  private assignment(t: WordToken): Assignment {
    return t.alias ? toAssignment(t, t.alias.src, t.alias.positions) : toAssignment(t, this.src, this.positions);
  }

  at(t: Token): Position {
    return t.kind !== 'eof' && t.alias ? t.alias.positions.at(t.start) : this.positions.at(t.start);
  }

  unexpected(t: Token): Error {
    if (t.kind === 'eof') return unexpectedEof(this.at(t));
    return unexpectedToken(this.tokenText(t), this.at(t));
  }

  /** Inside `[[ … ]]` or not: the lexer reads `((` as two parentheses there. */
  condLexing(on: boolean): void {
    this.lexer.cond = on;
  }

  /** The right side of `=~`, read as a regular expression word (the next token not yet read). */
  regexWord(): Token {
    if (this.queue.length === 0) this.queue.push(this.lexer.regexWord());
    return this.queue[0]!;
  }

  tokenText(t: Token): string {
    if (isOp(t, '\n')) return 'newline';
    return t.kind !== 'eof' && t.alias ? t.alias.src.slice(t.start, t.end) : this.src.slice(t.start, t.end);
  }
}
