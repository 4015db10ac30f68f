// Turning a parsed simple command into what will run: its fields, prefix assignments and
// redirections after expansion, and the text bash would show for it in `jobs`.

import type { Redirect, SimpleCommand, Word } from '../lang/ast.js';
import { expandWord, expandWords, ExpansionError, type ExpansionContext } from '../lang/expand.js';
import { expansionContext, type PendingAssignments, type SubstitutionRunner } from './expansion.js';
import type { ExpandedRedirect } from './redirect.js';
import type { Shell } from './shell.js';

export interface ExpandedCommand {
  readonly argv: readonly string[];
  /** Prefix assignments in the order written; a later one of the same name wins. */
  readonly assignments: ReadonlyMap<string, string>;
  readonly redirects: readonly ExpandedRedirect[];
  /** Text for job listings. */
  readonly text: string;
  /**
   * Status of the last command substitution run while expanding, or null if none ran: the
   * status of a command that has no command name (POSIX 2.9.1, `x=$(exit 5)` sets `$?` to 5).
   */
  readonly substitutionStatus: number | null;
}

export type Expansion =
  | { readonly kind: 'ok'; readonly command: ExpandedCommand }
  | { readonly kind: 'error'; readonly message: string; readonly text: string; readonly fatal: boolean };

/**
 * Expands in bash's order: the command words, then the prefix assignments left to right, each
 * seeing those before it (`FOO=foo BAR=[$FOO] cmd`), then the redirections. The assignments
 * only overlay the variables here; whoever runs the command decides where they go.
 */
export async function expandCommand(shell: Shell, cmd: SimpleCommand, run: SubstitutionRunner): Promise<Expansion> {
  const fixed = staticExpansion(cmd);
  if (fixed) return fixed;
  const text = commandText(cmd);
  const last: LastSubstitution = { status: null };
  const contextOf = (pending?: PendingAssignments) => tracking(shell, expansionContext(shell, run, pending), last);
  try {
    const argv = await expandWords(cmd.words, contextOf());
    const assignments = new Map<string, string>();
    // read live, so that each assignment sees the ones made before it
    const withAssignments = contextOf({ values: assignments, exported: argv.length > 0 });
    await expandAssignments(cmd, withAssignments, assignments);
    // Without a command name bash assigns before redirecting, so `x=7 >f$x` opens f7.
    const redirects = await expandRedirects(cmd, argv.length === 0 ? withAssignments : contextOf());
    return { kind: 'ok', command: { argv, assignments, redirects, text, substitutionStatus: last.status } };
  } catch (e) {
    if (e instanceof ExpansionError) return { kind: 'error', message: e.message, text, fatal: e.fatal };
    throw e;
  }
}

interface LastSubstitution {
  status: number | null;
}

/** `ctx`, noting in `last` the status of each command substitution it runs. */
function tracking(shell: Shell, ctx: ExpansionContext, last: LastSubstitution): ExpansionContext {
  return {
    ...ctx,
    commandSubstitution: async (list, source) => {
      const output = await ctx.commandSubstitution(list, source);
      last.status = shell.lastStatus;
      return output;
    },
  };
}

async function expandAssignments(cmd: SimpleCommand, ctx: ExpansionContext, into: Map<string, string>): Promise<void> {
  for (const a of cmd.assignments) {
    const value = await expandWord(a.value, ctx);
    // delete first so that the map's order is the order of the last assignment to each name
    into.delete(a.name);
    into.set(a.name, value);
  }
}

async function expandRedirects(cmd: SimpleCommand, ctx: ExpansionContext): Promise<ExpandedRedirect[]> {
  const redirects: ExpandedRedirect[] = [];
  for (const r of cmd.redirects) {
    redirects.push({ fd: r.fd, op: r.op, target: await expandWord(redirectWord(r), ctx), source: r.target.source });
  }
  return redirects;
}

/**
 * Commands made only of plain words (no $, no `~`, no glob characters) need no expansion
 * context, no awaits and no field splitting: most lines of most scripts take this path.
 */
function staticExpansion(cmd: SimpleCommand): Expansion | null {
  return isStatic(cmd) ? { kind: 'ok', command: literalCommand(cmd) } : null;
}

function isStatic(cmd: SimpleCommand): boolean {
  return cmd.words.every(isLiteral) && cmd.assignments.every((a) => isLiteral(a.value)) && cmd.redirects.every((r) => isLiteral(redirectWord(r)));
}

/** What a redirection's expansion is: the file or fd word, or a here-document's body. */
export function redirectWord(r: Redirect): Word {
  return r.heredoc?.body ?? r.target;
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
    redirects: cmd.redirects.map((r) => ({ fd: r.fd, op: r.op, target: literalText(redirectWord(r)), source: r.target.source })),
    text: commandText(cmd),
    substitutionStatus: null,
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
