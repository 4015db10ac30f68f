// The grammar of the simulated sh: lists of and-or lists (`;`, `&`, newline, `&&`, `||`) of
// pipelines (`|`, `!`) of simple commands with assignments and redirections (`>`, `>>`, `<`,
// `N>&M`, `N<&M`). Words keep their quoting so expansion can tell `$x` from `"$x"`. Syntax
// errors carry dash's wording and the line they were found on.

export type Part =
  | { readonly kind: 'text'; readonly text: string; readonly quoted: boolean }
  | { readonly kind: 'param'; readonly name: string; readonly quoted: boolean };

export type Word = readonly Part[];

export interface Redir {
  readonly fd: number;
  readonly op: '>' | '>>' | '<' | '>&' | '<&';
  readonly target: Word;
}

export interface Simple {
  readonly assigns: ReadonlyArray<{ readonly name: string; readonly value: Word }>;
  readonly words: readonly Word[];
  readonly redirs: readonly Redir[];
  readonly line: number;
}

export interface Pipeline {
  readonly bang: boolean;
  readonly commands: readonly Simple[];
}

export interface AndOr {
  readonly first: Pipeline;
  readonly rest: ReadonlyArray<{ readonly op: '&&' | '||'; readonly pipeline: Pipeline }>;
}

export interface Item {
  readonly andOr: AndOr;
  readonly background: boolean;
}

export interface SyntaxError {
  readonly syntaxError: string;
  readonly line: number;
}

type Token =
  | { readonly t: 'word'; readonly parts: Part[]; readonly raw: string; readonly line: number }
  | { readonly t: 'op'; readonly op: string; readonly line: number; readonly fd?: number }
  | { readonly t: 'newline'; readonly line: number }
  | { readonly t: 'eof'; readonly line: number }
  | { readonly t: 'error'; readonly message: string; readonly line: number };

const OPS = ['&&', '||', ';;', '>>', '>&', '<&', '>|', '<<', '<>', ';', '&', '|', '>', '<', '(', ')'];
const SPECIAL = /[$?!#@*0-9-]/;

/** Splits the source into tokens; an unterminated quote becomes an error token where it starts. */
export function tokenize(src: string, firstLine = 1): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = firstLine;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t') {
      i++;
    } else if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
    } else if (c === '\n') {
      tokens.push({ t: 'newline', line });
      line++;
      i++;
    } else if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (OPS.some((op) => src.startsWith(op, i))) {
      const op = OPS.find((o) => src.startsWith(o, i))!;
      tokens.push({ t: 'op', op, line });
      i += op.length;
    } else {
      const w = readWord(src, i, line);
      if ('error' in w) {
        tokens.push({ t: 'error', message: w.error, line: w.line });
        return tokens;
      }
      // Digits right before a redirection are its descriptor (2>&1).
      const next = src[w.end];
      if (/^\d+$/.test(w.raw) && (next === '>' || next === '<')) {
        const op = OPS.find((o) => src.startsWith(o, w.end))!;
        tokens.push({ t: 'op', op, line, fd: Number(w.raw) });
        i = w.end + op.length;
      } else {
        tokens.push({ t: 'word', parts: w.parts, raw: w.raw, line });
        i = w.end;
      }
      line = w.line;
    }
  }
  tokens.push({ t: 'eof', line });
  return tokens;
}

function readParam(src: string, i: number, quoted: boolean): { part: Part; end: number } | null {
  const c = src[i + 1];
  if (c === '{') {
    const close = src.indexOf('}', i + 2);
    if (close < 0) return null;
    return { part: { kind: 'param', name: src.slice(i + 2, close), quoted }, end: close + 1 };
  }
  if (c !== undefined && SPECIAL.test(c)) return { part: { kind: 'param', name: c, quoted }, end: i + 2 };
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i + 1));
  if (m) return { part: { kind: 'param', name: m[0], quoted }, end: i + 1 + m[0].length };
  return null;
}

function readWord(src: string, start: number, startLine: number): { parts: Part[]; raw: string; end: number; line: number } | { error: string; line: number } {
  const parts: Part[] = [];
  let line = startLine;
  let i = start;
  const text = (t: string, quoted: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === 'text' && last.quoted === quoted) parts[parts.length - 1] = { ...last, text: last.text + t };
    else parts.push({ kind: 'text', text: t, quoted });
  };
  while (i < src.length) {
    const c = src[i]!;
    if (' \t\n'.includes(c) || OPS.some((op) => src.startsWith(op, i))) break;
    if (c === '\\') {
      if (src[i + 1] === '\n') {
        i += 2;
        line++;
      } else {
        if (i + 1 < src.length) text(src[i + 1]!, true);
        i += 2;
      }
    } else if (c === "'") {
      const close = src.indexOf("'", i + 1);
      if (close < 0) return { error: 'Unterminated quoted string', line };
      text(src.slice(i + 1, close), true);
      if (close === i + 1) text('', true);
      line += src.slice(i, close).split('\n').length - 1;
      i = close + 1;
    } else if (c === '"') {
      const r = readDouble(src, i + 1, parts, text);
      if (r < 0) return { error: 'Unterminated quoted string', line };
      line += src.slice(i, r).split('\n').length - 1;
      i = r;
    } else if (c === '$') {
      const p = readParam(src, i, false);
      if (p) {
        parts.push(p.part);
        i = p.end;
      } else {
        text('$', false);
        i++;
      }
    } else {
      text(c, false);
      i++;
    }
  }
  return { parts, raw: src.slice(start, i), end: i, line };
}

/** Reads a double-quoted string from just after its quote; returns the index after the closing one, or -1. */
function readDouble(src: string, from: number, parts: Part[], text: (t: string, quoted: boolean) => void): number {
  let i = from;
  text('', true);
  while (i < src.length) {
    const c = src[i]!;
    if (c === '"') return i + 1;
    if (c === '\\' && i + 1 < src.length && '$`"\\\n'.includes(src[i + 1]!)) {
      if (src[i + 1] !== '\n') text(src[i + 1]!, true);
      i += 2;
    } else if (c === '$') {
      const p = readParam(src, i, true);
      if (p) {
        parts.push(p.part);
        i = p.end;
      } else {
        text('$', true);
        i++;
      }
    } else {
      text(c, true);
      i++;
    }
  }
  return -1;
}

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

  private unexpected(tok: Token): SyntaxError {
    if (tok.t === 'error') return { syntaxError: tok.message, line: tok.line };
    const what = tok.t === 'eof' ? 'end of file' : tok.t === 'newline' ? 'newline' : tok.t === 'op' ? `"${tok.op}"` : `word ${tok.raw}`;
    return { syntaxError: `${what} unexpected`, line: tok.line };
  }

  /** The next line's items, null at the end of the source, or the syntax error that stops it. */
  nextLine(): Item[] | null | SyntaxError {
    while (this.peek().t === 'newline') this.at++;
    if (this.peek().t === 'eof') return null;
    const items: Item[] = [];
    for (;;) {
      const andOr = this.andOr();
      if ('syntaxError' in andOr) return andOr;
      const tok = this.peek();
      const background = tok.t === 'op' && tok.op === '&';
      items.push({ andOr, background });
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

  private andOr(): AndOr | SyntaxError {
    const first = this.pipeline();
    if ('syntaxError' in first) return first;
    const rest: Array<{ op: '&&' | '||'; pipeline: Pipeline }> = [];
    for (;;) {
      const tok = this.peek();
      if (tok.t !== 'op' || (tok.op !== '&&' && tok.op !== '||')) return { first, rest };
      this.at++;
      while (this.peek().t === 'newline') this.at++;
      const pipeline = this.pipeline();
      if ('syntaxError' in pipeline) return pipeline;
      rest.push({ op: tok.op, pipeline });
    }
  }

  private pipeline(): Pipeline | SyntaxError {
    let bang = false;
    const first = this.peek();
    if (first.t === 'word' && first.raw === '!') {
      bang = true;
      this.at++;
    }
    const commands: Simple[] = [];
    for (;;) {
      const cmd = this.simple();
      if ('syntaxError' in cmd) return cmd;
      commands.push(cmd);
      const tok = this.peek();
      if (tok.t !== 'op' || tok.op !== '|') return { bang, commands };
      this.at++;
      while (this.peek().t === 'newline') this.at++;
    }
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
      } else if (tok.t === 'op' && ['>', '>>', '<', '>&', '<&', '>|'].includes(tok.op)) {
        this.at++;
        const target = this.peek();
        if (target.t !== 'word') return this.unexpected(target);
        this.at++;
        const op = tok.op === '>|' ? '>' : (tok.op as Redir['op']);
        redirs.push({ fd: tok.fd ?? (op.startsWith('<') ? 0 : 1), op, target: target.parts });
      } else {
        break;
      }
    }
    if (words.length === 0 && assigns.length === 0 && redirs.length === 0) return this.unexpected(this.peek());
    return { assigns, words, redirs, line };
  }
}

function dropPrefix(parts: readonly Part[], n: number): Part[] {
  const [first, ...rest] = parts;
  if (!first || first.kind !== 'text') return [...parts];
  const remaining = first.text.slice(n);
  return remaining === '' ? rest : [{ ...first, text: remaining }, ...rest];
}
