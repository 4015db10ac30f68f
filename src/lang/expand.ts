// Word expansion, in POSIX order: tilde, parameter, command and arithmetic expansion (left
// to right), field splitting, pathname expansion, quote removal. Everything the shell owns
// (variables, running commands, the file system) is reached through an ExpansionContext.

import type { Word, WordPart } from './ast.js';
import { ArithError } from './arith/error.js';
import { arithText } from './arith/evaluate.js';
import { ExpansionError, type ExpansionContext } from './context.js';
import { hasGlobChar } from './chars.js';
import { DEFAULT_IFS, FieldBuilder, hasAny, type Field } from './fields.js';
import { expandPathname } from './glob.js';
import { hasGlob } from './pattern.js';
import { isPromise, andThen, type Maybe } from './maybe.js';
import { expandParam, plainParamText } from './params.js';

export { ExpansionError, type ExpansionContext } from './context.js';

/** Full expansion of command words into fields. */
export function expandWords(words: readonly Word[], ctx: ExpansionContext, out: string[] = []): Maybe<string[]> {
  const noglob = ctx.noglob();
  for (let i = 0; i < words.length; i++) {
    if (singleField(words[i]!, ctx, out)) continue;
    const b = new FieldBuilder(ctx.get('IFS') ?? DEFAULT_IFS);
    const r = expandParts(words[i]!.parts, b, ctx, false, false);
    if (isPromise(r)) {
      return r.then(() => {
        addFields(b, noglob, ctx, out);
        return expandWords(words.slice(i + 1), ctx, out);
      });
    }
    addFields(b, noglob, ctx, out);
  }
  return out;
}

/**
 * The fast path of most words (`[`, `-lt`, `"$x"`, `$n`, `$((n+1))`): a word of one part whose
 * value is at most one field needs no field builder. Pushes it and returns true; false when
 * the word needs the full treatment (several parts, `$@`, a value to split or glob).
 */
function singleField(word: Word, ctx: ExpansionContext, out: string[]): boolean {
  if (word.parts.length !== 1) return false;
  const part = word.parts[0]!;
  if (part.kind === 'literal') {
    if (part.quoted) out.push(part.text);
    // `[` alone is no pattern (bash leaves an unmatched bracket as it is)
    else if (hasGlobChar(part.text) && hasGlob(literalPattern(part.text))) return false;
    else if (part.text !== '') out.push(part.text);
    return true;
  }
  if (part.kind !== 'param' && part.kind !== 'arith') return false;
  const text = singleValue(part, ctx);
  if (text === null) return false;
  if (part.quoted) {
    out.push(text);
    return true;
  }
  if (hasAny(text, ctx.get('IFS') ?? DEFAULT_IFS) || hasGlobChar(text)) return false;
  if (text !== '') out.push(text);
  return true;
}

/** The pattern of unquoted source text: a backslash left in it is an ordinary character. */
function literalPattern(text: string): string {
  return text.includes('\\') ? text.replaceAll('\\', '\\\\') : text;
}

/** The value of a `$name` or a literal `$((…))` standing alone, or null for any other part. */
function singleValue(part: WordPart, ctx: ExpansionContext): string | null {
  if (part.kind === 'param') return plainParamText(part, ctx);
  return part.kind === 'arith' ? arithLiteral(part, ctx) : null;
}

/** The value of `$((…))` whose expression is one literal (no expansion inside), or null. */
function arithLiteral(part: Extract<WordPart, { kind: 'arith' }>, ctx: ExpansionContext): string | null {
  const parts = part.expression.parts;
  return parts.length === 1 && parts[0]!.kind === 'literal' ? evaluate(parts[0]!.text, ctx) : null;
}

function addFields(b: FieldBuilder, noglob: boolean, ctx: ExpansionContext, out: string[]): void {
  for (const field of b.finish()) {
    if (noglob || !field.glob) out.push(field.text);
    else out.push(...globField(field, ctx));
  }
}

/** Expansion without field splitting or pathname expansion: assignments, redirection targets. */
export function expandWord(word: Word, ctx: ExpansionContext): Maybe<string> {
  // one part: its text as is (`n=$((n+1))`, `case $x in`)
  if (word.parts.length === 1) {
    const part = word.parts[0]!;
    if (part.kind === 'literal') return part.text;
    const text = singleValue(part, ctx);
    if (text !== null) return text;
  }
  const b = new FieldBuilder(null, false);
  return andThen(expandParts(word.parts, b, ctx, false, false), () => b.finish()[0]?.text ?? '');
}

/**
 * Like expandWord, but returns a pattern in which quoted characters are escaped, so that
 * `case "$x" in "*")` can tell a quoted `*` from a wildcard. Use with matchPattern.
 */
export function expandPattern(word: Word, ctx: ExpansionContext): Maybe<string> {
  const only = word.parts.length === 1 ? word.parts[0]! : null;
  // `0)`, `start|stop)`: the pattern is the text
  if (only?.kind === 'literal' && !only.quoted && !only.text.includes('\\')) return only.text;
  const b = new FieldBuilder(null);
  return andThen(expandParts(word.parts, b, ctx, false, false), () => b.finish()[0]?.pattern ?? '');
}

function globField(field: Field, ctx: ExpansionContext): string[] {
  if (!field.glob || !hasGlob(field.pattern)) return [field.text];
  return expandPathname(field.pattern, ctx) ?? [field.text];
}

/**
 * Expands `parts` into `b`. `inQuotes`: inside "…", so everything is quoted. `splitLiterals`:
 * inside the word of `${x:-word}`, whose unquoted text is split like any expansion result.
 * Synchronous unless a command substitution runs.
 */
export function expandParts(
  parts: readonly WordPart[],
  b: FieldBuilder,
  ctx: ExpansionContext,
  inQuotes: boolean,
  splitLiterals: boolean,
): Maybe<void> {
  for (let i = 0; i < parts.length; i++) {
    const r = expandPart(parts[i]!, b, ctx, inQuotes, splitLiterals);
    if (isPromise(r)) return r.then(() => expandParts(parts.slice(i + 1), b, ctx, inQuotes, splitLiterals));
  }
  return undefined;
}

function expandPart(part: WordPart, b: FieldBuilder, ctx: ExpansionContext, inQuotes: boolean, splitLiterals: boolean): Maybe<void> {
  switch (part.kind) {
    case 'literal':
      if (part.quoted || inQuotes) b.quoted(part.text);
      else if (splitLiterals) b.expanded(part.text);
      else b.literal(part.text);
      return undefined;
    case 'tilde':
      return expandTilde(part.user, b, ctx);
    case 'param':
      return expandParam(part, b, ctx, inQuotes || part.quoted, expandParts);
    case 'arith':
      return andThen(expandArith(part.expression, ctx), (value) => emitResult(value, b, inQuotes || part.quoted));
    case 'command':
      return ctx.commandSubstitution(part.list, part.source).then((output) => emitResult(stripNewlines(output), b, inQuotes || part.quoted));
  }
}

function emitResult(text: string, b: FieldBuilder, quoted: boolean): void {
  if (quoted) b.quoted(text);
  else b.expanded(text);
}

/**
 * `$((…))`: the expression's parameters and substitutions are expanded first, then the text
 * is evaluated; an error fails the command as other expansion errors do.
 */
function expandArith(expression: Word, ctx: ExpansionContext): Maybe<string> {
  const parts = expression.parts;
  // the common `$((i+1))` is one literal: no expansion needed (loops run this a lot)
  if (parts.length === 1 && parts[0]!.kind === 'literal') return evaluate(parts[0]!.text, ctx);
  const b = new FieldBuilder(null, false);
  return andThen(expandParts(parts, b, ctx, true, false), () => evaluate(b.finish()[0]?.text ?? '', ctx));
}

function evaluate(text: string, ctx: ExpansionContext): string {
  try {
    return arithText(text, ctx.nounset() ? boundVariables(ctx) : ctx);
  } catch (e) {
    if (e instanceof ArithError) throw new ExpansionError(e.message, false);
    throw e;
  }
}

/** `set -u` in arithmetic: a variable read there must be set too. */
function boundVariables(ctx: ExpansionContext): ExpansionContext {
  return {
    ...ctx,
    get: (name) => {
      const value = ctx.get(name);
      if (value === undefined) throw new ExpansionError(`${name}: unbound variable`);
      return value;
    },
  };
}

/** `~` is $HOME, `~+` $PWD, `~-` $OLDPWD, `~user` that user's home; unknown ones stay as written. */
function expandTilde(user: string, b: FieldBuilder, ctx: ExpansionContext): void {
  let dir: string | null | undefined;
  if (user === '') dir = ctx.get('HOME') ?? ctx.home('');
  else if (user === '+') dir = ctx.get('PWD');
  else if (user === '-') dir = ctx.get('OLDPWD');
  else dir = ctx.home(user);
  if (dir === null || dir === undefined) b.literal(`~${user}`);
  else b.quoted(dir);
}

function stripNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return text.slice(0, end);
}
