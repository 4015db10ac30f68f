// Turning a parsed simple command into what will run: its fields, prefix assignments and
// redirections after expansion, and the text bash would show for it in `jobs`.

import type { Redirect, SimpleCommand, Word } from '../lang/ast.js';
import { expandWord, expandWords, ExpansionError } from '../lang/expand.js';
import { expansionContext, type SubstitutionRunner } from './expansion.js';
import type { ExpandedRedirect } from './redirect.js';
import type { Shell } from './shell.js';

export interface ExpandedCommand {
  readonly argv: readonly string[];
  readonly assignments: ReadonlyMap<string, string>;
  readonly redirects: readonly ExpandedRedirect[];
  /** Text for job listings. */
  readonly text: string;
}

export type Expansion =
  | { readonly kind: 'ok'; readonly command: ExpandedCommand }
  | { readonly kind: 'error'; readonly message: string; readonly text: string };

export async function expandCommand(shell: Shell, cmd: SimpleCommand, run: SubstitutionRunner): Promise<Expansion> {
  const fixed = staticExpansion(cmd);
  if (fixed) return fixed;
  const ctx = expansionContext(shell, run);
  const text = commandText(cmd);
  try {
    const assignments = new Map<string, string>();
    for (const a of cmd.assignments) assignments.set(a.name, await expandWord(a.value, ctx));
    const argv = await expandWords(cmd.words, ctx);
    const redirects: ExpandedRedirect[] = [];
    for (const r of cmd.redirects) {
      redirects.push({ fd: r.fd, op: r.op, target: await expandWord(r.target, ctx), source: r.target.source });
    }
    return { kind: 'ok', command: { argv, assignments, redirects, text } };
  } catch (e) {
    if (e instanceof ExpansionError) return { kind: 'error', message: e.message, text };
    throw e;
  }
}

/**
 * Commands made only of plain words (no $, no `~`, no glob characters) need no expansion
 * context, no awaits and no field splitting: most lines of most scripts take this path.
 */
function staticExpansion(cmd: SimpleCommand): Expansion | null {
  return isStatic(cmd) ? { kind: 'ok', command: literalCommand(cmd) } : null;
}

function isStatic(cmd: SimpleCommand): boolean {
  return cmd.words.every(isLiteral) && cmd.assignments.every((a) => isLiteral(a.value)) && cmd.redirects.every((r) => isLiteral(r.target));
}

function isLiteral(word: Word): boolean {
  return word.parts.every((p) => p.kind === 'literal' && (p.quoted || !/[*?[]/.test(p.text)));
}

function literalText(word: Word): string {
  return word.parts.map((p) => (p.kind === 'literal' ? p.text : '')).join('');
}

function literalCommand(cmd: SimpleCommand): ExpandedCommand {
  return {
    argv: cmd.words.map(literalText),
    assignments: new Map(cmd.assignments.map((a) => [a.name, literalText(a.value)])),
    redirects: cmd.redirects.map((r) => ({ fd: r.fd, op: r.op, target: literalText(r.target), source: r.target.source })),
    text: commandText(cmd),
  };
}

/** The command as bash reprints it: words as written, single spaces, redirections spaced. */
export function commandText(cmd: SimpleCommand): string {
  const parts: string[] = [];
  for (const a of cmd.assignments) parts.push(`${a.name}=${a.value.source}`);
  for (const w of cmd.words) parts.push(w.source);
  for (const r of cmd.redirects) parts.push(redirectText(r));
  return parts.join(' ');
}

function redirectText(r: Redirect): string {
  const fd = r.fd === null ? '' : String(r.fd);
  if (r.op === '<&' || r.op === '>&') return `${fd}${r.op}${r.target.source}`;
  return `${fd}${r.op} ${r.target.source}`;
}
