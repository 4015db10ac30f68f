// The right side of `[[ text =~ regex ]]` expanded into the text of an extended regular
// expression: what was quoted matches literally (bash backslash-escapes the characters
// special in a regular expression), what was not keeps its meaning, a variable's value
// included. Each part is expanded on its own to know whether it was quoted; an expansion
// with quotes inside its own word (`${x:-"."}`) counts as unquoted.

import type { Word, WordPart } from './ast.js';
import type { ExpansionContext } from './context.js';
import { expandWord } from './expand.js';
import { andThen, type Maybe } from './maybe.js';

export function regexSource(word: Word, ctx: ExpansionContext, from = 0, done = ''): Maybe<string> {
  if (from >= word.parts.length) return done;
  const part = word.parts[from]!;
  const text = expandWord({ parts: [part], source: word.source, pos: word.pos }, ctx);
  return andThen(text, (t) => regexSource(word, ctx, from + 1, done + (isQuoted(part) ? escapeRegex(t) : t)));
}

function isQuoted(part: WordPart): boolean {
  return part.kind === 'tilde' || part.quoted;
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}
