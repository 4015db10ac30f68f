// Parameter expansion: `$x`, `${x}`, `${#x}`, `${x:-w}`, `${x#p}` and the other operators,
// and the positional lists `$@` and `$*`, whose fields depend on quoting.

import type { ParamOp, Word, WordPart } from './ast.js';
import { isName } from './chars.js';
import { ExpansionError, type ExpansionContext } from './context.js';
import { FieldBuilder } from './fields.js';
import { andThen, type Maybe } from './maybe.js';
import { removePattern, type RemovalOp } from './pattern-removal.js';

type ParamPart = Extract<WordPart, { kind: 'param' }>;

/** expand.ts's expandParts, passed in because operator words contain any kind of part. */
export type PartsExpander = (
  parts: readonly WordPart[],
  b: FieldBuilder,
  ctx: ExpansionContext,
  inQuotes: boolean,
  splitLiterals: boolean,
) => Maybe<void>;

interface Value {
  readonly set: boolean;
  /** The value as one string (`$*` and `$@` joined). */
  readonly text: string;
  /** For `$@` and `$*`: the parameters, whose fields the expansion keeps apart. */
  readonly list: readonly string[] | null;
}

/** Expands one parameter part into `b`; `quoted` if it is inside double quotes. */
export function expandParam(
  part: ParamPart,
  b: FieldBuilder,
  ctx: ExpansionContext,
  quoted: boolean,
  expandParts: PartsExpander,
): Maybe<void> {
  const value = lookup(part.name, ctx);
  const op = part.op;
  if (op === null || op === 'length' || isRemoval(op)) checkBound(part.name, value, ctx);
  // a quoted expansion is a field even when empty, except "$@", which may be no field at all
  if (quoted && part.name !== '@') b.quoted('');
  if (op === null) return emit(part.name, value, b, ctx, quoted);
  if (op === 'length') return emitText(String(value.list?.length ?? countChars(value.text)), b, quoted);
  if (isRemoval(op)) return andThen(removal(part.name, value, op, part.word, ctx, expandParts), (v) => emit(part.name, v, b, ctx, quoted));
  const missing = !value.set || (op.startsWith(':') && value.text === '');
  const word = part.word?.parts ?? [];
  switch (op) {
    case '-':
    case ':-':
      if (!missing) return emit(part.name, value, b, ctx, quoted);
      if (quoted) b.quoted('');
      return expandParts(word, b, ctx, quoted, true);
    case '+':
    case ':+':
      return missing ? undefined : expandParts(word, b, ctx, quoted, true);
    case '=':
    case ':=':
      if (!missing) return emit(part.name, value, b, ctx, quoted);
      return andThen(assign(part.name, word, ctx, quoted, expandParts), (text) => emitText(text, b, quoted));
    case '?':
    case ':?':
      if (!missing) return emit(part.name, value, b, ctx, quoted);
      return andThen(errorMessage(op, word, ctx, expandParts), (message) => {
        throw new ExpansionError(`${part.name}: ${message}`);
      });
  }
}

function isRemoval(op: ParamOp): op is RemovalOp {
  return op === '#' || op === '##' || op === '%' || op === '%%';
}

/** `${x#p}` and the like: applied to each of `$@` and `$*` before they are joined. */
function removal(
  name: string,
  value: Value,
  op: RemovalOp,
  word: Word | null,
  ctx: ExpansionContext,
  expandParts: PartsExpander,
): Maybe<Value> {
  const b = new FieldBuilder(null);
  return andThen(expandParts(word?.parts ?? [], b, ctx, false, false), () => {
    const pattern = b.finish()[0]?.pattern ?? '';
    if (value.list === null) return { ...value, text: removePattern(value.text, pattern, op) };
    const list = value.list.map((text) => removePattern(text, pattern, op));
    return { ...value, list, text: list.join(name === '*' ? starSeparator(ctx) : ' ') };
  });
}

const UNSET: Value = { set: false, text: '', list: null };

/**
 * `$name` or `${name}` with no operator: its value ('' when unset), or null for `$@` and `$*`,
 * whose fields are their own. Expansion's fast path: no Value, no field builder.
 */
export function plainParamText(part: ParamPart, ctx: ExpansionContext): string | null {
  const name = part.name;
  if (part.op !== null || name === '@' || name === '*') return null;
  const text = name === '#' ? String(ctx.positional().length) : isPositional(name) ? ctx.positional()[Number(name) - 1] : ctx.get(name);
  if (text !== undefined) return text;
  checkBound(name, UNSET, ctx);
  return '';
}

function lookup(name: string, ctx: ExpansionContext): Value {
  if (name === '@' || name === '*') {
    const list = ctx.positional();
    return { set: list.length > 0, text: list.join(name === '*' ? starSeparator(ctx) : ' '), list };
  }
  if (name === '#') return { set: true, text: String(ctx.positional().length), list: null };
  const text = isPositional(name) ? ctx.positional()[Number(name) - 1] : ctx.get(name);
  return { set: text !== undefined, text: text ?? '', list: null };
}

/** `set -u`: expanding an unset parameter is an error, except `$@` and `$*` (bash, POSIX 2024). */
function checkBound(name: string, value: Value, ctx: ExpansionContext): void {
  if (value.set || name === '@' || name === '*' || !ctx.nounset()) return;
  throw new ExpansionError(`${isName(name) ? '' : '$'}${name}: unbound variable`);
}

function isPositional(name: string): boolean {
  const c = name.charCodeAt(0);
  return c >= 49 && c <= 57; // 1-9: names never start with a digit, and `0` is not positional
}

/** `"$*"` joins with the first character of IFS: space if IFS is unset, nothing if it is empty. */
function starSeparator(ctx: ExpansionContext): string {
  const ifs = ctx.get('IFS');
  return ifs === undefined ? ' ' : ifs.slice(0, 1);
}

function emit(name: string, value: Value, b: FieldBuilder, ctx: ExpansionContext, quoted: boolean): void {
  const list = value.list;
  if (list === null || b.ifs === null || (quoted && name === '*')) return emitText(value.text, b, quoted);
  // "$@" gives one field per parameter; unquoted $@ and $* split each parameter separately
  for (let i = 0; i < list.length; i++) {
    if (i > 0) b.endField();
    emitText(list[i]!, b, quoted);
  }
}

function emitText(text: string, b: FieldBuilder, quoted: boolean): void {
  if (quoted) b.quoted(text);
  else b.expanded(text);
}

/** `${name:=word}`: sets the variable and returns the new value. */
function assign(
  name: string,
  word: readonly WordPart[],
  ctx: ExpansionContext,
  quoted: boolean,
  expandParts: PartsExpander,
): Maybe<string> {
  if (!isName(name)) throw new ExpansionError(`$${name}: cannot assign in this way`, false);
  return andThen(expandToText(word, ctx, quoted, expandParts), (value) => {
    ctx.set(name, value);
    return value;
  });
}

function errorMessage(
  op: '?' | ':?',
  word: readonly WordPart[],
  ctx: ExpansionContext,
  expandParts: PartsExpander,
): Maybe<string> {
  if (word.length > 0) return expandToText(word, ctx, false, expandParts);
  return op === '?' ? 'parameter not set' : 'parameter null or not set';
}

function expandToText(
  word: readonly WordPart[],
  ctx: ExpansionContext,
  quoted: boolean,
  expandParts: PartsExpander,
): Maybe<string> {
  const b = new FieldBuilder(null, false);
  return andThen(expandParts(word, b, ctx, quoted, false), () => b.finish()[0]?.text ?? '');
}

function countChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++; // low surrogates continue a character already counted
  }
  return n;
}
