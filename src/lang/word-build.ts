// Turns word tokens into the Word and Assignment nodes of the tree. A token that starts with
// `NAME=` was lexed as a possible assignment (its value split off, tildes read after `=` and
// `:`); when it is used as an ordinary word those tildes become plain text again.

import { translateAnsiC } from './ansi-c.js';
import type { Assignment, Word, WordPart } from './ast.js';
import type { PositionSource } from './position.js';
import type { WordToken } from './tokens.js';

export function toWord(tok: WordToken, src: string, positions: PositionSource): Word {
  const parts = tok.assign ? plainParts(tok.parts, tok.assign.valueIndex) : tok.parts;
  return { parts, source: translateAnsiC(src.slice(tok.start, tok.end)), pos: positions.at(tok.start) };
}

export function toAssignment(tok: WordToken, src: string, positions: PositionSource): Assignment {
  const assign = tok.assign!;
  const value: Word = {
    parts: tok.parts.slice(assign.valueIndex),
    source: translateAnsiC(src.slice(assign.valueStart, tok.end)),
    pos: positions.at(assign.valueStart),
  };
  return { name: assign.name, value, pos: positions.at(tok.start) };
}

/** The parts of an assignment-shaped word used as a plain word: value tildes undone, literals merged. */
function plainParts(parts: readonly WordPart[], valueIndex: number): WordPart[] {
  const out: WordPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i]!;
    if (part.kind === 'tilde' && i >= valueIndex) part = { kind: 'literal', text: `~${part.user}`, quoted: false };
    const last = out[out.length - 1];
    if (part.kind === 'literal' && last?.kind === 'literal' && last.quoted === part.quoted) {
      out[out.length - 1] = { kind: 'literal', text: last.text + part.text, quoted: part.quoted };
    } else {
      out.push(part);
    }
  }
  return out;
}
