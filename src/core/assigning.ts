// Whether expanding a command can assign shell variables (`${name=word}`, `${name:=word}`).
// A pipeline stage or a background command is expanded in bash by the forked child, so such an
// assignment must land on a copy of the shell; commands that cannot assign skip the copy.

import type { SimpleCommand, Word } from '../lang/ast.js';

export function expansionAssigns(cmd: SimpleCommand): boolean {
  return cmd.words.some(wordAssigns) || cmd.assignments.some((a) => wordAssigns(a.value))
    || cmd.redirects.some((r) => wordAssigns(r.target));
}

function wordAssigns(word: Word): boolean {
  return word.parts.some((p) => p.kind === 'param'
    && (p.op === '=' || p.op === ':=' || (p.word !== null && wordAssigns(p.word))));
}
