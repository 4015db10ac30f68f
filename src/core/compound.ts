// Compound commands (XCU 2.9.4) run by the shell itself: `{ }`, if, while, until, for and case,
// with the redirections written after them applied around the whole. `( list )` is a
// subshell: a process of its own, a job that ^Z stops as a whole, as bash forks one.

import type { CaseItem, CompoundCommand, List, Redirect, Word } from '../lang/ast.js';
import { expandPattern, expandWord, ExpansionError } from '../lang/expand.js';
import { matchPattern } from '../lang/pattern.js';
import { redirectWord } from './command.js';
import { LineAbandoned } from './errors.js';
import { expansionContext } from './expansion.js';
import { runFor, runWhile, type ListRunner } from './loops.js';
import { testing } from './testing.js';
import { withRedirects, type ExpandedRedirect } from './redirect.js';
import { enterScope } from './shell-fds.js';
import type { Shell } from './shell.js';

/** Runs a subshell `( list )` as a foreground job: given by the executor, which launches jobs. */
export type SubshellRunner = (shell: Shell, cmd: CompoundCommand) => Promise<number>;

export async function runCompound(shell: Shell, cmd: CompoundCommand, run: ListRunner, subshell: SubshellRunner): Promise<number> {
  if (cmd.body.kind === 'subshell') {
    // The copy of the shell started for this very subshell runs its list itself, once.
    if (!shell.unwrapSubshell) return subshell(shell, cmd);
    shell.unwrapSubshell = false;
  }
  if (cmd.redirects.length === 0) return runBody(shell, cmd, run);
  const redirects = await expandRedirects(shell, cmd.redirects, run);
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

async function runBody(shell: Shell, cmd: CompoundCommand, run: ListRunner): Promise<number> {
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
      return expanding(shell, () => runFor(shell, body.name, body.words, body.body, run));
    case 'case':
      return expanding(shell, () => runCase(shell, body.subject, body.items, run));
    case 'subshell':
      // Only in the process made for it (see runCompound).
      return run(shell, body.list);
  }
}

async function runIf(shell: Shell, clauses: readonly { condition: List; body: List }[], otherwise: List | null, run: ListRunner): Promise<number> {
  for (const clause of clauses) {
    if (await testing(shell, () => run(shell, clause.condition)) === 0) return run(shell, clause.body);
  }
  if (otherwise !== null) return run(shell, otherwise);
  // No branch taken: the status is 0 (XCU 2.9.4.4), whatever the conditions returned.
  shell.lastStatus = 0;
  return 0;
}

/** `case`: the first item with a matching pattern runs; `;&` falls into the next body, `;;&` tests on. */
async function runCase(shell: Shell, subject: Word, items: readonly CaseItem[], run: ListRunner): Promise<number> {
  const ctx = expansionContext(shell, run);
  const text = await expandWord(subject, ctx);
  let status = 0;
  let falling = false;
  for (const item of items) {
    if (!falling && !(await matchesAny(item.patterns, text, shell, run))) continue;
    status = await run(shell, item.body);
    if (item.terminator === ';;') return done(shell, status);
    falling = item.terminator === ';&';
  }
  return done(shell, status);
}

async function matchesAny(patterns: readonly Word[], text: string, shell: Shell, run: ListRunner): Promise<boolean> {
  const ctx = expansionContext(shell, run);
  for (const p of patterns) {
    if (matchPattern(await expandPattern(p, ctx), text)) return true;
  }
  return false;
}

function done(shell: Shell, status: number): number {
  shell.lastStatus = status;
  return status;
}

/** An expansion error in a compound command's own words abandons the command, as bash does. */
async function expanding(shell: Shell, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (!(e instanceof ExpansionError)) throw e;
    await shell.diag(e.message);
    throw new LineAbandoned(1, true);
  }
}

async function expandRedirects(shell: Shell, redirects: readonly Redirect[], run: ListRunner): Promise<ExpandedRedirect[]> {
  const ctx = expansionContext(shell, run);
  const out: ExpandedRedirect[] = [];
  try {
    for (const r of redirects) out.push({ fd: r.fd, op: r.op, target: await expandWord(redirectWord(r), ctx), source: r.target.source });
  } catch (e) {
    if (!(e instanceof ExpansionError)) throw e;
    await shell.diag(e.message);
    throw new LineAbandoned(1, true);
  }
  return out;
}
