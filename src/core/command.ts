// Turning a parsed simple command into what will run: its fields, prefix assignments and
// redirections after expansion, and the text bash would show for it in `jobs`.

import type { Redirect, SimpleCommand, Word } from '../lang/ast.js';
import { expandWord, expandWords, ExpansionError, type ExpansionContext } from '../lang/expand.js';
import { each, isPromise, andThen, type Maybe } from '../lang/maybe.js';
import { expansionContext, type LastSubstitution, type PendingAssignments, type SubstitutionRunner } from './expansion.js';
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
export function expandCommand(shell: Shell, cmd: SimpleCommand, run: SubstitutionRunner): Maybe<Expansion> {
  const fixed = staticExpansion(cmd);
  if (fixed !== null) return fixed;
  let expanded: Maybe<Expansion>;
  try {
    expanded = new CommandExpander(shell, cmd, run).expand();
  } catch (e) {
    return failed(e, cmd);
  }
  return isPromise(expanded) ? expanded.catch((e: unknown) => failed(e, cmd)) : expanded;
}

function failed(e: unknown, cmd: SimpleCommand): Expansion {
  if (e instanceof ExpansionError) return { kind: 'error', message: e.message, text: commandText(cmd), fatal: e.fatal };
  throw e;
}

/**
 * One command's expansion, step by step. Each step continues straight into the next unless it
 * had to wait for a command substitution (no closures are made on the way otherwise).
 */
class CommandExpander {
  private readonly assignments = new Map<string, string>();
  /** Status of the last command substitution run, if any. */
  private readonly last: LastSubstitution = { status: null };

  constructor(private readonly shell: Shell, private readonly cmd: SimpleCommand, private readonly run: SubstitutionRunner) {}

  expand(): Maybe<Expansion> {
    // contexts are made only for the parts a command has: `n=$((n+1))` has no words to expand
    const argv = this.cmd.words.length === 0 ? [] : expandWords(this.cmd.words, this.context());
    return isPromise(argv) ? argv.then((a) => this.assign(a)) : this.assign(argv);
  }

  private assign(argv: string[]): Maybe<Expansion> {
    if (this.cmd.assignments.length === 0) return this.redirect(argv, null);
    // read live, so that each assignment sees the ones made before it
    const withAssignments = this.context({ values: this.assignments, exported: argv.length > 0 });
    const done = expandAssignments(this.cmd, withAssignments, this.assignments);
    // Without a command name bash assigns before redirecting, so `x=7 >f$x` opens f7.
    const ctx = argv.length === 0 ? withAssignments : null;
    return isPromise(done) ? done.then(() => this.redirect(argv, ctx)) : this.redirect(argv, ctx);
  }

  /** `ctx`: the context to expand the redirections in, when not a plain one. */
  private redirect(argv: string[], ctx: ExpansionContext | null): Maybe<Expansion> {
    if (this.cmd.redirects.length === 0) return this.done(argv, NO_REDIRECTS);
    const redirects = expandRedirects(this.cmd.redirects, ctx ?? this.context());
    return isPromise(redirects) ? redirects.then((r) => this.done(argv, r)) : this.done(argv, redirects);
  }

  private done(argv: string[], redirects: readonly ExpandedRedirect[]): Expansion {
    return { kind: 'ok', command: expandedCommand(this.cmd, argv, this.assignments, redirects, this.last.status) };
  }

  private context(pending?: PendingAssignments): ExpansionContext {
    return expansionContext(this.shell, this.run, pending, this.last);
  }
}

const NO_REDIRECTS: readonly ExpandedRedirect[] = [];

function expandedCommand(
  cmd: SimpleCommand,
  argv: readonly string[],
  assignments: ReadonlyMap<string, string>,
  redirects: readonly ExpandedRedirect[],
  substitutionStatus: number | null,
): ExpandedCommand {
  return new Expanded(cmd, argv, assignments, redirects, substitutionStatus);
}

/** The job text is made only when asked for: a builtin in a loop never needs it. */
class Expanded implements ExpandedCommand {
  constructor(
    private readonly cmd: SimpleCommand,
    readonly argv: readonly string[],
    readonly assignments: ReadonlyMap<string, string>,
    readonly redirects: readonly ExpandedRedirect[],
    readonly substitutionStatus: number | null,
  ) {}

  get text(): string {
    return commandText(this.cmd);
  }
}


function expandAssignments(cmd: SimpleCommand, ctx: ExpansionContext, into: Map<string, string>, from = 0): Maybe<void> {
  const list = cmd.assignments;
  for (let i = from; i < list.length; i++) {
    const { name } = list[i]!;
    const value = expandWord(list[i]!.value, ctx);
    if (isPromise(value)) {
      return value.then((v) => {
        assignInto(into, name, v);
        return expandAssignments(cmd, ctx, into, i + 1);
      });
    }
    assignInto(into, name, value);
  }
  return undefined;
}

/** Deletes first so that the map's order is the order of the last assignment to each name. */
function assignInto(into: Map<string, string>, name: string, value: string): void {
  into.delete(name);
  into.set(name, value);
}

/** Expands the words of redirections (file names, here-document bodies). */
export function expandRedirects(redirects: readonly Redirect[], ctx: ExpansionContext): Maybe<ExpandedRedirect[]> {
  const out: ExpandedRedirect[] = [];
  const done = each(redirects, (r) =>
    andThen(expandWord(redirectWord(r), ctx), (target) => {
      out.push({ fd: r.fd, op: r.op, target, source: r.target.source });
    }), null);
  return andThen(done, () => out);
}

/**
 * Commands made only of plain words (no $, no `~`, no glob characters) need no expansion
 * context, no awaits and no field splitting: most lines of most scripts take this path. What
 * they expand to is a property of their text, worked out once (null: not such a command).
 */
const staticCommands = new WeakMap<SimpleCommand, Expansion | null>();

function staticExpansion(cmd: SimpleCommand): Expansion | null {
  let known = staticCommands.get(cmd);
  if (known === undefined) {
    known = hasOnlyLiterals(cmd) ? { kind: 'ok', command: literalCommand(cmd) } : null;
    staticCommands.set(cmd, known);
  }
  return known;
}

function hasOnlyLiterals(cmd: SimpleCommand): boolean {
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
  const assignments = new Map(cmd.assignments.map((a) => [a.name, literalText(a.value)]));
  const redirects = cmd.redirects.map((r) => ({ fd: r.fd, op: r.op, target: literalText(redirectWord(r)), source: r.target.source }));
  return expandedCommand(cmd, cmd.words.map(literalText), assignments, redirects, null);
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
