// The words and operators of the simulated sh: quoting (single, double, backslash), parameters
// ($$, $?, $NAME, ${NAME}), arithmetic ($((...))), comments, line continuations, and the
// descriptor number of a redirection (2>&1). An unterminated quote is an error token.

export type Part =
  | { readonly kind: 'text'; readonly text: string; readonly quoted: boolean }
  | { readonly kind: 'param'; readonly name: string; readonly quoted: boolean }
  | { readonly kind: 'arith'; readonly expr: string; readonly quoted: boolean };

export type Word = readonly Part[];

export type Token =
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

/** $((expr)): the expression up to the `))` that closes it (parentheses inside may nest). */
function readArith(src: string, i: number, quoted: boolean): { part: Part; end: number } | null {
  let depth = 0;
  for (let j = i + 3; j < src.length; j++) {
    if (src[j] === '(') depth++;
    else if (src[j] === ')') {
      if (depth > 0) depth--;
      else if (src[j + 1] === ')') return { part: { kind: 'arith', expr: src.slice(i + 3, j), quoted }, end: j + 2 };
      else return null;
    }
  }
  return null;
}

function readParam(src: string, i: number, quoted: boolean): { part: Part; end: number } | null {
  if (src.startsWith('$((', i)) return readArith(src, i, quoted);
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
    if (c === '$' && src.startsWith('$((', i)) {
      const a = readArith(src, i, false);
      if (!a) return { error: 'Missing \'))\'', line };
      parts.push(a.part);
      i = a.end;
    } else if (c === '\\') {
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

