// The right sides of `[[ text == pattern ]]` and `[[ text =~ regex ]]`, expanded a part at a
// time so that what was quoted is known: it matches literally (bash backslash-escapes it),
// what was not keeps its meaning, a variable's value included. An expansion with quotes in
// its own word (`${x:-"*"}`) cannot be cut so: a pattern then comes from expandPattern, and a
// regular expression counts it as unquoted.

import type { Word, WordPart } from './ast.js';
import type { ExpansionContext } from './context.js';
import { expandPattern, expandWord } from './expand.js';
import { andThen, type Maybe } from './maybe.js';
import { escapePattern } from './pattern.js';

interface Segment {
  readonly text: string;
  readonly quoted: boolean;
}

/** The pattern to match with, and the text `set -x` shows for it (bash's: every quoted character escaped). */
export function condPattern(word: Word, ctx: ExpansionContext): Maybe<{ pattern: string; shown: string }> {
  if (word.parts.some((p) => p.kind === 'param' && p.word !== null)) {
    return andThen(expandPattern(word, ctx), (pattern) => ({ pattern, shown: pattern }));
  }
  return andThen(segments(word, ctx), (all) => ({
    pattern: all.map((s) => (s.quoted ? escapePattern(s.text) : s.text)).join(''),
    shown: all.map((s) => (s.quoted ? s.text.replace(/[\s\S]/gu, '\\$&') : s.text)).join(''),
  }));
}

/** The text of the extended regular expression. */
export function regexSource(word: Word, ctx: ExpansionContext): Maybe<string> {
  return andThen(segments(word, ctx), (all) => all.map((s) => (s.quoted ? escapeRegex(s.text) : s.text)).join(''));
}

function segments(word: Word, ctx: ExpansionContext, from = 0, done: Segment[] = []): Maybe<Segment[]> {
  if (from >= word.parts.length) return done;
  const part = word.parts[from]!;
  const text = expandWord({ parts: [part], source: word.source, pos: word.pos }, ctx);
  return andThen(text, (t) => {
    done.push({ text: t, quoted: isQuoted(part) });
    return segments(word, ctx, from + 1, done);
  });
}

function isQuoted(part: WordPart): boolean {
  return part.kind === 'tilde' || part.quoted;
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}
