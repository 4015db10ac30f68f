// The grammar of the simulated sh: lists (`;`, `&`, newline) of and-or lists (`&&`, `||`) of
// pipelines (`|`, `!`) of commands: simple ones with assignments and redirections (`>`, `>>`,
// `<`, `N>&M`, `N<&M`), the compound ones `( list )`, `{ list; }`, if/elif/else/fi,
// while/until ... do ... done, for NAME [in WORDS] do ... done and case ... esac, and function
// definitions NAME() COMMAND. Syntax errors carry dash's wording and the line they were found on.

import { type Token, tokenize, type Word } from './sh-lex.js';

export type { Part, Word } from './sh-lex.js';

export interface Redir {
  readonly fd: number;
  readonly op: '>' | '>>' | '<' | '>&' | '<&';
  readonly target: Word;
}

export interface Simple {
  readonly kind: 'simple';
  readonly assigns: ReadonlyArray<{ readonly name: string; readonly value: Word }>;
  readonly words: readonly Word[];
  readonly redirs: readonly Redir[];
  readonly line: number;
}

export type CompoundBody =
  | { readonly kind: 'subshell' | 'group'; readonly body: List }
  | { readonly kind: 'if'; readonly clauses: ReadonlyArray<{ readonly cond: List; readonly body: List }>; readonly otherwise: List | null }
  | { readonly kind: 'loop'; readonly until: boolean; readonly cond: List; readonly body: List }
  | { readonly kind: 'for'; readonly name: string; readonly words: readonly Word[] | null; readonly body: List }
  | { readonly kind: 'case'; readonly word: Word; readonly items: ReadonlyArray<{ readonly patterns: readonly Word[]; readonly body: List }> };

export type Compound = CompoundBody & { readonly redirs: readonly Redir[]; readonly line: number };

/** NAME() COMMAND: defines a function. */
export interface FuncDef {
  readonly kind: 'funcdef';
  readonly name: string;
  readonly body: Command;
  readonly line: number;
}

export type Command = Simple | Compound | FuncDef;

export interface Pipeline {
  readonly bang: boolean;
  readonly commands: readonly Command[];
}

export interface AndOr {
  readonly first: Pipeline;
  readonly rest: ReadonlyArray<{ readonly op: '&&' | '||'; readonly pipeline: Pipeline }>;
}

export interface Item {
  readonly andOr: AndOr;
  readonly background: boolean;
}

export type List = readonly Item[];

export interface SyntaxError {
  readonly syntaxError: string;
  readonly line: number;
}

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'for', 'in', '{', '}', '!', 'case', 'esac']);
/** Reserved words that end a clause: where a command should start they are out of place. */
const CLOSERS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', '}', 'esac']);
const REDIRECTIONS = ['>', '>>', '<', '>&', '<&', '>|'];

const isError = (x: object): x is SyntaxError => 'syntaxError' in x;

/** A parser that hands out one line (complete command) at a time, as dash reads and runs them. */
export class Parser {
  private readonly tokens: Token[];
  private at = 0;

  constructor(src: string, firstLine = 1) {
    this.tokens = tokenize(src, firstLine);
  }

  private peek(): Token {
    return this.tokens[this.at]!;
  }

  private isWord(tok: Token, word: string): boolean {
    return tok.t === 'word' && tok.raw === word;
  }

  private skipNewlines(): void {
    while (this.peek().t === 'newline') this.at++;
  }

  private unexpected(tok: Token, expecting?: string): SyntaxError {
    if (tok.t === 'error') return { syntaxError: tok.message, line: tok.line };
    const what =
      tok.t === 'eof' ? 'end of file' : tok.t === 'newline' ? 'newline' : tok.t === 'op' ? `"${tok.op}"` : RESERVED.has(tok.raw) ? `"${tok.raw}"` : 'word';
    // dash quotes what it expects, except a plain word.
    const expected = expecting === undefined ? '' : expecting === 'word' ? ' (expecting word)' : ` (expecting "${expecting}")`;
    return { syntaxError: `${what} unexpected${expected}`, line: tok.line };
  }

  /** Consumes the reserved word (or `)`) that must come next. */
  private expect(word: string): SyntaxError | null {
    const tok = this.peek();
    if (word === ')' ? tok.t === 'op' && tok.op === ')' : this.isWord(tok, word)) {
      this.at++;
      return null;
    }
    return this.unexpected(tok, word);
  }

  /** The next line's items, null at the end of the source, or the syntax error that stops it. */
  nextLine(): Item[] | null | SyntaxError {
    this.skipNewlines();
    if (this.peek().t === 'eof') return null;
    const items: Item[] = [];
    for (;;) {
      const andOr = this.andOr();
      if (isError(andOr)) return andOr;
      const tok = this.peek();
      items.push({ andOr, background: tok.t === 'op' && tok.op === '&' });
      if (tok.t === 'op' && (tok.op === ';' || tok.op === '&')) {
        this.at++;
        const next = this.peek();
        if (next.t === 'newline' || next.t === 'eof') break;
        continue;
      }
      if (tok.t === 'newline' || tok.t === 'eof') break;
      return this.unexpected(tok);
    }
    if (this.peek().t === 'newline') this.at++;
    return items;
  }

  /** A list inside a compound command, up to one of `ends` (reserved words, or `)`); `closer` ends the clause. */
  private list(ends: ReadonlySet<string>, closer: string, mayBeEmpty = false): List | SyntaxError {
    const items: Item[] = [];
    const atEnd = (tok: Token) => (tok.t === 'word' && ends.has(tok.raw)) || (tok.t === 'op' && (tok.op === ')' || tok.op === ';;') && ends.has(tok.op));
    for (;;) {
      this.skipNewlines();
      const tok = this.peek();
      if (atEnd(tok) && (items.length > 0 || mayBeEmpty)) return items;
      if (tok.t === 'eof' || atEnd(tok) || (tok.t === 'word' && CLOSERS.has(tok.raw))) return this.unexpected(tok, closer);
      const andOr = this.andOr();
      if (isError(andOr)) return andOr;
      const sep = this.peek();
      items.push({ andOr, background: sep.t === 'op' && sep.op === '&' });
      if (sep.t === 'op' && (sep.op === ';' || sep.op === '&')) this.at++;
      else if (sep.t !== 'newline' && !atEnd(sep)) return this.unexpected(sep, closer);
    }
  }

  private andOr(): AndOr | SyntaxError {
    const first = this.pipeline();
    if (isError(first)) return first;
    const rest: Array<{ op: '&&' | '||'; pipeline: Pipeline }> = [];
    for (;;) {
      const tok = this.peek();
      if (tok.t !== 'op' || (tok.op !== '&&' && tok.op !== '||')) return { first, rest };
      this.at++;
      this.skipNewlines();
      const pipeline = this.pipeline();
      if (isError(pipeline)) return pipeline;
      rest.push({ op: tok.op, pipeline });
    }
  }

  private pipeline(): Pipeline | SyntaxError {
    let bang = false;
    if (this.isWord(this.peek(), '!')) {
      bang = true;
      this.at++;
    }
    const commands: Command[] = [];
    for (;;) {
      const cmd = this.command();
      if (isError(cmd)) return cmd;
      commands.push(cmd);
      const tok = this.peek();
      if (tok.t !== 'op' || tok.op !== '|') return { bang, commands };
      this.at++;
      this.skipNewlines();
    }
  }

  private command(): Command | SyntaxError {
    const tok = this.peek();
    const line = tok.line;
    let body: CompoundBody | SyntaxError;
    if (tok.t === 'op' && tok.op === '(') {
      this.at++;
      body = this.wrapped('subshell', ')');
    } else if (tok.t === 'word' && tok.raw === '{') {
      this.at++;
      body = this.wrapped('group', '}');
    } else if (this.isWord(tok, 'if')) {
      this.at++;
      body = this.ifClause();
    } else if (this.isWord(tok, 'while') || this.isWord(tok, 'until')) {
      this.at++;
      body = this.loop(tok.t === 'word' && tok.raw === 'until');
    } else if (this.isWord(tok, 'for')) {
      this.at++;
      body = this.forClause();
    } else if (this.isWord(tok, 'case')) {
      this.at++;
      body = this.caseClause();
    } else if (this.isFunction()) {
      this.at += 3;
      this.skipNewlines();
      const fn = this.command();
      if (isError(fn)) return fn;
      return { kind: 'funcdef', name: tok.t === 'word' ? tok.raw : '', body: fn, line };
    } else if (tok.t === 'word' && RESERVED.has(tok.raw) && tok.raw !== '!' && tok.raw !== 'in') {
      return this.unexpected(tok);
    } else {
      return this.simple();
    }
    if (isError(body)) return body;
    const redirs: Redir[] = [];
    const r = this.redirections(redirs);
    if (r) return r;
    return { ...body, redirs, line };
  }

  /** NAME ( ) starts a function definition. */
  private isFunction(): boolean {
    const [name, open, close] = [this.tokens[this.at], this.tokens[this.at + 1], this.tokens[this.at + 2]];
    return (
      name?.t === 'word' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name.raw) && !RESERVED.has(name.raw) &&
      open?.t === 'op' && open.op === '(' && close?.t === 'op' && close.op === ')'
    );
  }

  private caseClause(): CompoundBody | SyntaxError {
    const subject = this.peek();
    if (subject.t !== 'word') return this.unexpected(subject, 'word');
    this.at++;
    this.skipNewlines();
    const inWord = this.expect('in');
    if (inWord) return inWord;
    const items: Array<{ patterns: Word[]; body: List }> = [];
    for (;;) {
      this.skipNewlines();
      if (this.isWord(this.peek(), 'esac')) {
        this.at++;
        return { kind: 'case', word: subject.parts, items };
      }
      const open = this.peek();
      if (open.t === 'op' && open.op === '(') this.at++;
      const patterns: Word[] = [];
      for (;;) {
        const p = this.peek();
        if (p.t !== 'word') return this.unexpected(p, ')');
        patterns.push(p.parts);
        this.at++;
        const sep = this.peek();
        if (sep.t !== 'op' || sep.op !== '|') break;
        this.at++;
      }
      const close = this.expect(')');
      if (close) return close;
      const body = this.list(new Set([';;', 'esac']), 'esac', true);
      if (isError(body)) return body;
      items.push({ patterns, body });
      const end = this.peek();
      if (end.t === 'op' && end.op === ';;') this.at++;
      else if (!this.isWord(end, 'esac')) return this.unexpected(end, 'esac');
    }
  }

  private wrapped(kind: 'subshell' | 'group', end: string): CompoundBody | SyntaxError {
    const body = this.list(new Set([end]), end);
    if (isError(body)) return body;
    return this.expect(end) ?? { kind, body };
  }

  private ifClause(): CompoundBody | SyntaxError {
    const clauses: Array<{ cond: List; body: List }> = [];
    let otherwise: List | null = null;
    for (;;) {
      const cond = this.list(new Set(['then']), 'then');
      if (isError(cond)) return cond;
      const then = this.expect('then');
      if (then) return then;
      const body = this.list(new Set(['elif', 'else', 'fi']), 'fi');
      if (isError(body)) return body;
      clauses.push({ cond, body });
      if (this.isWord(this.peek(), 'elif')) {
        this.at++;
        continue;
      }
      if (this.isWord(this.peek(), 'else')) {
        this.at++;
        const e = this.list(new Set(['fi']), 'fi');
        if (isError(e)) return e;
        otherwise = e;
      }
      return this.expect('fi') ?? { kind: 'if', clauses, otherwise };
    }
  }

  private loop(until: boolean): CompoundBody | SyntaxError {
    const cond = this.list(new Set(['do']), 'do');
    if (isError(cond)) return cond;
    const d = this.expect('do');
    if (d) return d;
    const body = this.list(new Set(['done']), 'done');
    if (isError(body)) return body;
    return this.expect('done') ?? { kind: 'loop', until, cond, body };
  }

  private forClause(): CompoundBody | SyntaxError {
    const nameTok = this.peek();
    if (nameTok.t !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(nameTok.raw)) return this.unexpected(nameTok);
    this.at++;
    this.skipNewlines();
    let words: Word[] | null = null;
    if (this.isWord(this.peek(), 'in')) {
      this.at++;
      words = [];
      for (let tok = this.peek(); tok.t === 'word'; tok = this.peek()) {
        words.push(tok.parts);
        this.at++;
      }
    }
    const sep = this.peek();
    if (sep.t === 'op' && sep.op === ';') this.at++;
    this.skipNewlines();
    const d = this.expect('do');
    if (d) return d;
    const body = this.list(new Set(['done']), 'done');
    if (isError(body)) return body;
    return this.expect('done') ?? { kind: 'for', name: nameTok.raw, words, body };
  }

  /** Redirections that follow: appended to `redirs`; a syntax error if one has no target. */
  private redirections(redirs: Redir[]): SyntaxError | null {
    for (let tok = this.peek(); tok.t === 'op' && REDIRECTIONS.includes(tok.op); tok = this.peek()) {
      this.at++;
      const target = this.peek();
      if (target.t !== 'word') return this.unexpected(target);
      this.at++;
      const op = tok.op === '>|' ? '>' : (tok.op as Redir['op']);
      redirs.push({ fd: tok.fd ?? (op.startsWith('<') ? 0 : 1), op, target: target.parts });
    }
    return null;
  }

  private simple(): Simple | SyntaxError {
    const assigns: Array<{ name: string; value: Word }> = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    const line = this.peek().line;
    for (;;) {
      const tok = this.peek();
      if (tok.t === 'word') {
        this.at++;
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(tok.raw);
        if (words.length === 0 && m && tok.parts[0]?.kind === 'text' && !tok.parts[0].quoted) {
          assigns.push({ name: m[1]!, value: dropPrefix(tok.parts, m[0].length) });
        } else {
          words.push(tok.parts);
        }
      } else if (tok.t === 'op' && REDIRECTIONS.includes(tok.op)) {
        const r = this.redirections(redirs);
        if (r) return r;
      } else {
        break;
      }
    }
    if (words.length === 0 && assigns.length === 0 && redirs.length === 0) return this.unexpected(this.peek());
    return { kind: 'simple', assigns, words, redirs, line };
  }
}

function dropPrefix(parts: Word, n: number): Word {
  const [first, ...rest] = parts;
  if (!first || first.kind !== 'text') return [...parts];
  const remaining = first.text.slice(n);
  return remaining === '' ? rest : [{ ...first, text: remaining }, ...rest];
}
