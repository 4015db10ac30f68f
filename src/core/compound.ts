// Compound commands (XCU 2.9.4) run by the shell itself: `{ }`, if, while, until, for and case,
// with the redirections written after them applied around the whole. `( list )` is a
// subshell: a process of its own, a job that ^Z stops as a whole, as bash forks one.

import type { CaseItem, CompoundBody, CompoundCommand, List, Word } from '../lang/ast.js';
import { expandPattern, expandWord, ExpansionError } from '../lang/expand.js';
import { matchPattern } from '../lang/pattern.js';
import type { ExpansionContext } from '../lang/context.js';
import { isPromise, andThen, type Maybe } from '../lang/maybe.js';
import { expandRedirects } from './command.js';
import { runArithCommand } from './arith-command.js';
import { runArithFor } from './arith-for.js';
import { runCond } from './cond-command.js';
import { LineAbandoned } from './errors.js';
import { expansionContext } from './expansion.js';
import { runFor, runWhile, type ListRunner } from './loops.js';
import { testing } from './testing.js';
import { withRedirects } from './redirect.js';
import { enterScope } from './shell-fds.js';
import type { Shell } from './shell.js';

type Body<K extends CompoundBody['kind']> = Extract<CompoundBody, { kind: K }>;

/** Runs a subshell `( list )` as a foreground job: given by the executor, which launches jobs. */
export type SubshellRunner = (shell: Shell, cmd: CompoundCommand) => Promise<number>;

export function runCompound(shell: Shell, cmd: CompoundCommand, run: ListRunner, subshell: SubshellRunner): Maybe<number> {
  if (cmd.body.kind === 'subshell') {
    // The copy of the shell started for this very subshell runs its list itself, once.
    if (!shell.unwrapSubshell) return subshell(shell, cmd);
    shell.unwrapSubshell = false;
    shell.unwrappedSubshell = cmd;
  }
  if (cmd.redirects.length === 0) return runBody(shell, cmd, run);
  return redirected(shell, cmd, run);
}

/** The body with the compound command's redirections made around it, undone after. */
async function redirected(shell: Shell, cmd: CompoundCommand, run: ListRunner): Promise<number> {
  let redirects;
  try {
    redirects = await expandRedirects(cmd.redirects, expansionContext(shell, run));
  } catch (e) {
    return abandoned(shell, e);
  }
  const { fds, error } = withRedirects(shell, shell.stdio, redirects);
  let leave = () => {};
  try {
    if (error !== null) {
      await shell.diag(error);
      shell.lastStatus = 1;
      return 1;
    }
    leave = enterScope(shell, fds.toArray());
    return await runBody(shell, cmd, run);
  } finally {
    leave();
    await shell.out.drain();
    fds.close(shell);
  }
}

function runBody(shell: Shell, cmd: CompoundCommand, run: ListRunner): Maybe<number> {
  const body = cmd.body;
  switch (body.kind) {
    case 'group':
      return run(shell, body.list);
    case 'if':
      return runIf(shell, body.clauses, body.otherwise, run);
    case 'while':
    case 'until':
      return runWhile(shell, body.kind === 'until', body.condition, body.body, run);
    case 'for':
      return expanding(shell, forLoop, body, run);
    case 'case':
      return expanding(shell, runCase, body, run);
    case 'arith':
      return expanding(shell, arithCommand, body, run);
    case 'arith-for':
      return expanding(shell, runArithFor, body, run);
    case 'cond':
      return expanding(shell, runCond, body, run);
    case 'subshell':
      // Only in the process made for it (see runCompound).
      return run(shell, body.list);
  }
}

function runIf(shell: Shell, clauses: readonly { condition: List; body: List }[], otherwise: List | null, run: ListRunner, from = 0): Maybe<number> {
  const clause = clauses[from];
  if (clause === undefined) {
    if (otherwise !== null) return run(shell, otherwise);
    // No branch taken: the status is 0 (XCU 2.9.4.4), whatever the conditions returned.
    return done(shell, 0);
  }
  return andThen(testing(shell, () => run(shell, clause.condition)), (status) =>
    status === 0 ? run(shell, clause.body) : runIf(shell, clauses, otherwise, run, from + 1));
}

const forLoop = (shell: Shell, body: Body<'for'>, run: ListRunner): Maybe<number> => runFor(shell, body.name, body.words, body.body, run);
const arithCommand = (shell: Shell, body: Body<'arith'>, run: ListRunner): Maybe<number> => runArithCommand(shell, body.expression, run);

/** `case`: the first item with a matching pattern runs; `;&` falls into the next body, `;;&` tests on. */
function runCase(shell: Shell, body: Body<'case'>, run: ListRunner): Maybe<number> {
  const ctx = expansionContext(shell, run);
  const text = expandWord(body.subject, ctx);
  if (isPromise(text)) return text.then((t) => caseItems(shell, t, body.items, 0, false, 0, ctx, run));
  return caseItems(shell, text, body.items, 0, false, 0, ctx, run);
}

function caseItems(
  shell: Shell, text: string, items: readonly CaseItem[], from: number, falling: boolean, status: number,
  ctx: ExpansionContext, run: ListRunner,
): Maybe<number> {
  for (let i = from; i < items.length; i++) {
    const matched = falling || matchesAny(items[i]!.patterns, text, ctx);
    if (matched === false) continue;
    if (matched === true) return caseBody(shell, text, items, i, ctx, run);
    return matched.then((yes) => (yes ? caseBody(shell, text, items, i, ctx, run) : caseItems(shell, text, items, i + 1, false, status, ctx, run)));
  }
  return done(shell, status);
}

/** The body of the item that matched, then what its terminator says. */
function caseBody(shell: Shell, text: string, items: readonly CaseItem[], i: number, ctx: ExpansionContext, run: ListRunner): Maybe<number> {
  const item = items[i]!;
  const ran = run(shell, item.body);
  if (item.terminator === ';;') return isPromise(ran) ? ran.then((r) => done(shell, r)) : done(shell, ran);
  return andThen(ran, (r) => caseItems(shell, text, items, i + 1, item.terminator === ';&', r, ctx, run));
}

function matchesAny(patterns: readonly Word[], text: string, ctx: ExpansionContext, from = 0): Maybe<boolean> {
  for (let i = from; i < patterns.length; i++) {
    const pattern = expandPattern(patterns[i]!, ctx);
    if (isPromise(pattern)) return pattern.then((p) => matchPattern(p, text) || matchesAny(patterns, text, ctx, i + 1));
    if (matchPattern(pattern, text)) return true;
  }
  return false;
}

function done(shell: Shell, status: number): number {
  shell.lastStatus = status;
  return status;
}

/** An expansion error in a compound command's own words abandons the command, as bash does. */
function expanding<B>(shell: Shell, step: (shell: Shell, body: B, run: ListRunner) => Maybe<number>, body: B, run: ListRunner): Maybe<number> {
  let status: Maybe<number>;
  try {
    status = step(shell, body, run);
  } catch (e) {
    return abandoned(shell, e);
  }
  return isPromise(status) ? status.catch((e: unknown) => abandoned(shell, e)) : status;
}

function abandoned(shell: Shell, e: unknown): Promise<never> {
  if (!(e instanceof ExpansionError)) throw e;
  return shell.diag(e.message).then(() => {
    throw new LineAbandoned(1, e.fatal, !e.fatal);
  });
}
