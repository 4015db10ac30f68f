// The command-line grammar of the CMU shell lab's tsh (tsh.c parseline), for `--compat=tsh`.
// Each line is one command: words split on spaces (only spaces: a tab is part of a word), a
// word that starts with ' runs to the next ' (an unclosed one ends the line, dropping the rest),
// and a last word that starts with & puts the job in the background (the word is dropped).
// Nothing expands, redirects or pipes: `$x`, `>` and `|` are ordinary characters.
//
// The result is the shared syntax tree, one and-or list per line that has words. Its `source`
// is the line exactly as typed, blanks and `&` included, because tsh prints it so.

import type { AndOr, List, Position, Word } from './ast.js';

/** Parses one line or many (one command per line). Never fails: tsh has no syntax errors. */
export function parseTsh(source: string): List {
  const items: AndOr[] = [];
  let offset = 0;
  source.split('\n').forEach((line, i) => {
    const item = parseLine(line, { line: i + 1, column: 1, offset });
    if (item) items.push(item);
    offset += line.length + 1;
  });
  return { kind: 'list', items };
}

function parseLine(line: string, start: Position): AndOr | null {
  const words = splitWords(line, start);
  // tsh tests only the first character, so `&x` also means "background".
  const background = words.length > 0 && literalText(words[words.length - 1]!).startsWith('&');
  if (background) words.pop();
  if (words.length === 0) return null;
  const first = words[0]!.pos;
  const command = { kind: 'simple' as const, assignments: [], words, redirects: [], pos: first };
  return {
    kind: 'and-or', background, source: line, pos: first, rest: [],
    first: { kind: 'pipeline', bang: false, commands: [command], pos: first },
  };
}

function splitWords(line: string, start: Position): Word[] {
  // fgets keeps the newline and parseline turns it into a blank, so the last word always ends.
  const buf = `${line} `;
  const words: Word[] = [];
  for (let i = skipBlanks(buf, 0); i < buf.length; ) {
    const quoted = buf[i] === "'";
    const end = quoted ? buf.indexOf("'", i + 1) : buf.indexOf(' ', i);
    if (end < 0) break;
    const text = quoted ? buf.slice(i + 1, end) : buf.slice(i, end);
    const source = quoted ? buf.slice(i, end + 1) : text;
    const pos = { line: start.line, column: i + 1, offset: start.offset + i };
    words.push({ parts: [{ kind: 'literal', text, quoted: true }], source, pos });
    i = skipBlanks(buf, end + 1);
  }
  return words;
}

function skipBlanks(buf: string, i: number): number {
  while (i < buf.length && buf[i] === ' ') i++;
  return i;
}

/** The text of a word made by parseTsh (one literal part). */
export function literalText(word: Word): string {
  return word.parts.map((p) => (p.kind === 'literal' ? p.text : '')).join('');
}
