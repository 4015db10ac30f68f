// Here-document bodies. The parser registers each `<<word` with the lexer once it has the
// delimiter; at the next newline token the lexer reads the bodies, in order, from the lines
// that follow, and fills in each HereDoc. Reading them there (not when the redirection is
// parsed) is what lets several here-documents share a line and a command go on after `<<EOF`.

import { SyntaxError, type HereDoc, type Position, type Word, type WordPart } from './ast.js';
import { BACKSLASH } from './chars.js';
import { scanBackquote, scanDollar } from './dollar.js';
import { ShiftedPositions } from './position.js';
import type { ScanContext } from './tokens.js';
import { WordScanner } from './word-lexer.js';

/** A HereDoc whose body is read later; the parser hands the same object out in the tree. */
export interface OpenHereDoc {
  readonly doc: { -readonly [K in keyof HereDoc]: HereDoc[K] };
  /** `<<-`: leading tabs are stripped from body lines and the delimiter line. */
  readonly strip: boolean;
  /** Line of the `<<`, for bash's warning. */
  readonly line: number;
}

const DOLLAR = 36;
const BACKQUOTE = 96;

/** The HereDoc for a `<<` whose delimiter word is `source`; its body comes later. */
export function openHereDoc(source: string, strip: boolean, pos: Position): OpenHereDoc {
  const delimiter = removeQuotes(source);
  const quoted = /['"\\]/.test(source);
  const body: Word = { parts: [], source: '', pos };
  return { doc: { delimiter, quoted, body }, strip, line: pos.line };
}

/** The delimiter after quote removal: bash compares body lines with the word as written, unquoted. */
function removeQuotes(source: string): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < source.length && '$`"\\\n'.includes(source[i + 1]!)) out += source[++i];
      else out += c;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\\' && i + 1 < source.length) out += source[++i];
    else out += c;
  }
  return out;
}

/** Reads the bodies of `docs` from `start` (just after a newline); returns where reading stopped. */
export function readHereDocs(ctx: ScanContext, start: number, docs: readonly OpenHereDoc[]): number {
  let k = start;
  for (const open of docs) k = readOne(ctx, k, open);
  return k;
}

function readOne(ctx: ScanContext, start: number, open: OpenHereDoc): number {
  const src = ctx.src;
  const { doc, strip } = open;
  let body = '';
  let k = start;
  let joined = false;
  let terminated = false;
  while (k < src.length) {
    const eol = src.indexOf('\n', k);
    const lineEnd = eol === -1 ? src.length : eol;
    let text = src.slice(k, lineEnd);
    // bash strips the tabs of each line as read: not those of a line joined to the one before
    if (strip && !joined) text = text.replace(/^\t+/, '');
    k = eol === -1 ? src.length : eol + 1;
    // a line joined to the one before by `\<newline>` cannot be the delimiter (unquoted only)
    if (!joined && text === doc.delimiter) {
      terminated = true;
      break;
    }
    body += text + '\n';
    joined = !doc.quoted && endsInEscape(text);
  }
  if (!terminated) unterminated(ctx, open, k);
  doc.body = bodyWord(ctx, body, start, doc.quoted);
  return k;
}

function endsInEscape(text: string): boolean {
  let n = 0;
  for (let i = text.length - 1; i >= 0 && text.charCodeAt(i) === BACKSLASH; i--) n++;
  return n % 2 === 1;
}

/** bash uses what it has and warns; with more lines to come (PS2) it is not over yet. */
function unterminated(ctx: ScanContext, open: OpenHereDoc, end: number): void {
  const what = `here-document at line ${open.line} delimited by end-of-file (wanted \`${open.doc.delimiter.replace(/\n/g, '\\n')}')`;
  const pos = ctx.positions.at(end);
  if (ctx.options.partial) throw new SyntaxError(what, pos, true);
  ctx.options.warn?.(`warning: ${what}`, pos);
}

function bodyWord(ctx: ScanContext, body: string, start: number, quoted: boolean): Word {
  const pos = ctx.positions.at(Math.min(start, ctx.src.length));
  if (quoted) return { parts: body ? [{ kind: 'literal', text: body, quoted: true }] : [], source: body, pos };
  const positions = new ShiftedPositions(ctx.positions, start);
  const inner: ScanContext = { src: body, positions, nested: ctx.nested.nestedFor(body, start), options: ctx.options };
  return { parts: scanBody(inner), source: body, pos };
}

/**
 * An unquoted body: expansions as inside double quotes, but `"` is ordinary and a backslash
 * quotes only `$`, `` ` ``, `\` and newline. Every part is quoted: a body is never split or globbed.
 */
function scanBody(ctx: ScanContext): WordPart[] {
  const src = ctx.src;
  const parts: WordPart[] = [];
  let lit = '';
  const push = (part: WordPart) => {
    if (lit) parts.push({ kind: 'literal', text: lit, quoted: true });
    lit = '';
    parts.push(part);
  };
  for (let k = 0; k < src.length; ) {
    const c = src.charCodeAt(k);
    if (c === BACKSLASH) {
      const n = src[k + 1];
      if (n === '\n') k += 2;
      else if (n === '$' || n === '`' || n === '\\') (lit += n), (k += 2);
      else (lit += '\\'), k++;
    } else if (c === DOLLAR) {
      const r = scanDollar(ctx, k, true, WordScanner.braceWord);
      if (r.part) push(r.part);
      else lit += '$';
      k = r.end;
    } else if (c === BACKQUOTE) {
      // read as outside double quotes (`\"` stays), but like all of a body never split
      const r = scanBackquote(ctx, k, false);
      push({ ...r.part, quoted: true } as WordPart);
      k = r.end;
    } else {
      let e = k + 1;
      while (e < src.length && !isBodySpecial(src.charCodeAt(e))) e++;
      lit += src.slice(k, e);
      k = e;
    }
  }
  if (lit) parts.push({ kind: 'literal', text: lit, quoted: true });
  return parts;
}

function isBodySpecial(c: number): boolean {
  return c === BACKSLASH || c === DOLLAR || c === BACKQUOTE;
}
