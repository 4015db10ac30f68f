// Turning a parsed simple command into what will run: its fields, prefix assignments and
// redirections after expansion, and the text bash would show for it in `jobs`.

import type { Redirect, SimpleCommand } from '../lang/ast.js';
import { expandWord, expandWords, ExpansionError } from '../lang/expand.js';
import { expansionContext, type SubstitutionRunner } from './expansion.js';
import type { ExpandedRedirect } from './redirect.js';
import type { Shell } from './shell.js';

export interface ExpandedCommand {
  readonly argv: string[];
  readonly assignments: Map<string, string>;
  readonly redirects: ExpandedRedirect[];
  /** Text for job listings. */
  readonly text: string;
}

export type Expansion =
  | { readonly kind: 'ok'; readonly command: ExpandedCommand }
  | { readonly kind: 'error'; readonly message: string; readonly text: string };

export async function expandCommand(shell: Shell, cmd: SimpleCommand, run: SubstitutionRunner): Promise<Expansion> {
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
