// Word expansion, in POSIX order: tilde, parameter, command and arithmetic expansion (left
// to right), field splitting, pathname expansion, quote removal. Everything the shell owns
// (variables, running commands, the file system) is reached through an ExpansionContext.

import type { Word, WordPart } from './ast.js';
import { ArithError } from './arith/error.js';
import { evaluateArith } from './arith/evaluate.js';
import { ExpansionError, type ExpansionContext } from './context.js';
import { DEFAULT_IFS, FieldBuilder, type Field } from './fields.js';
import { expandPathname } from './glob.js';
import { hasGlob } from './pattern.js';
import { expandParam, nounset } from './params.js';

export { ExpansionError, type ExpansionContext } from './context.js';

/** Full expansion of command words into fields. */
export async function expandWords(words: readonly Word[], ctx: ExpansionContext): Promise<string[]> {
  const out: string[] = [];
  const noglob = ctx.get('-')?.includes('f') ?? false;
  for (const word of words) {
    const b = new FieldBuilder(ctx.get('IFS') ?? DEFAULT_IFS);
    await expandParts(word.parts, b, ctx, false, false);
    for (const field of b.finish()) {
      if (noglob) out.push(field.text);
      else out.push(...globField(field, ctx));
    }
  }
  return out;
}

/** Expansion without field splitting or pathname expansion: assignments, redirection targets. */
export async function expandWord(word: Word, ctx: ExpansionContext): Promise<string> {
  const b = new FieldBuilder(null);
  await expandParts(word.parts, b, ctx, false, false);
  return b.finish()[0]?.text ?? '';
}

/**
 * Like expandWord, but returns a pattern in which quoted characters are escaped, so that
 * `case "$x" in "*")` can tell a quoted `*` from a wildcard. Use with matchPattern.
 */
export async function expandPattern(word: Word, ctx: ExpansionContext): Promise<string> {
  const b = new FieldBuilder(null);
  await expandParts(word.parts, b, ctx, false, false);
  return b.finish()[0]?.pattern ?? '';
}

function globField(field: Field, ctx: ExpansionContext): string[] {
  if (!field.glob || !hasGlob(field.pattern)) return [field.text];
  return expandPathname(field.pattern, ctx) ?? [field.text];
}

/**
 * Expands `parts` into `b`. `inQuotes`: inside "…", so everything is quoted. `splitLiterals`:
 * inside the word of `${x:-word}`, whose unquoted text is split like any expansion result.
 */
export async function expandParts(
  parts: readonly WordPart[],
  b: FieldBuilder,
  ctx: ExpansionContext,
  inQuotes: boolean,
  splitLiterals: boolean,
): Promise<void> {
  for (const part of parts) {
    switch (part.kind) {
      case 'literal':
        if (part.quoted || inQuotes) b.quoted(part.text);
        else if (splitLiterals) b.expanded(part.text);
        else b.literal(part.text);
        break;
      case 'tilde':
        expandTilde(part.user, b, ctx);
        break;
      case 'param':
        await expandParam(part, b, ctx, inQuotes || part.quoted, expandParts);
        break;
      case 'arith': {
        const value = await expandArith(part.expression, ctx);
        if (inQuotes || part.quoted) b.quoted(value);
        else b.expanded(value);
        break;
      }
      case 'command': {
        const output = stripNewlines(await ctx.commandSubstitution(part.list, part.source));
        if (inQuotes || part.quoted) b.quoted(output);
        else b.expanded(output);
        break;
      }
    }
  }
}

/**
 * `$((…))`: the expression's parameters and substitutions are expanded first, then the text
 * is evaluated; an error fails the command as other expansion errors do.
 */
async function expandArith(expression: Word, ctx: ExpansionContext): Promise<string> {
  const parts = expression.parts;
  let text: string;
  // the common `$((i+1))` is one literal: no expansion needed (loops run this a lot)
  if (parts.length === 1 && parts[0]!.kind === 'literal') text = parts[0]!.text;
  else {
    const b = new FieldBuilder(null);
    await expandParts(parts, b, ctx, true, false);
    text = b.finish()[0]?.text ?? '';
  }
  try {
    return String(evaluateArith(text, nounset(ctx) ? boundVariables(ctx) : ctx));
  } catch (e) {
    if (e instanceof ArithError) throw new ExpansionError(e.message);
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
