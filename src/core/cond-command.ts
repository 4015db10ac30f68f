// bash's conditional command `[[ expression ]]` (execute_cmd.c execute_cond_node): its words
// are expanded without field splitting or pathname expansion; `==`, `=` and `!=` match the
// right side as a pattern (its quoted parts literally), `=~` as an extended regular
// expression, `-eq` and the like evaluate both sides as arithmetic, and the other tests are
// `test`'s. The status is 0 when true, 1 when false, 2 for a regular expression that does not
// compile. Under `set -x` each test is traced as it runs: `+ [[ -n abc ]]`.
//
// jcsh has no arrays: a match sets BASH_REMATCH to the whole matched text (bash's element 0,
// which `$BASH_REMATCH` gives in bash too); the groups are not kept. A failed match unsets it.

import type { CondExpr, Word } from '../lang/ast.js';
import { ArithError } from '../lang/arith/error.js';
import { evaluateArith } from '../lang/arith/evaluate.js';
import type { Int } from '../lang/arith/int.js';
import type { ExpansionContext } from '../lang/context.js';
import { BadRegex, compileEre, posixMatch, type Ere } from '../lang/ere.js';
import { condPattern, regexSource } from '../lang/cond-words.js';
import { expandWord } from '../lang/expand.js';
import { andThen, type Maybe } from '../lang/maybe.js';
import { matchPattern } from '../lang/pattern.js';
import { binaryTest, unaryTest } from './builtins/lib/testops.js';
import { expansionContext } from './expansion.js';
import type { ListRunner } from './loops.js';
import type { Shell } from './shell.js';
import { traceLine } from './xtrace.js';

const TRUE = 0;
const FALSE = 1;
const BAD_REGEX = 2;
const ARITHMETIC = new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge']);

export function runCond(shell: Shell, body: { readonly expression: CondExpr }, run: ListRunner): Maybe<number> {
  const ctx = expansionContext(shell, run);
  return andThen(evaluate(shell, body.expression, ctx, false), (status) => {
    shell.lastStatus = status;
    return status;
  });
}

/** `bang`: the test is under a `!` of its own, which the trace shows. */
function evaluate(shell: Shell, e: CondExpr, ctx: ExpansionContext, bang: boolean): Maybe<number> {
  switch (e.kind) {
    case 'and':
      return andThen(evaluate(shell, e.left, ctx, false), (s) => (s === TRUE ? evaluate(shell, e.right, ctx, false) : s));
    case 'or':
      return andThen(evaluate(shell, e.left, ctx, false), (s) => (s === TRUE ? s : evaluate(shell, e.right, ctx, false)));
    case 'not':
      // bash inverts any failure, a bad regular expression's included
      return andThen(evaluate(shell, e.expr, ctx, !bang), (s) => (s === TRUE ? FALSE : TRUE));
    case 'group':
      return evaluate(shell, e.expr, ctx, false);
    case 'unary':
      return andThen(expandWord(e.arg, ctx), (arg) =>
        andThen(trace(shell, bang, [e.op, arg]), () => (unaryTest({ shell }, e.op, arg) ? TRUE : FALSE)));
    case 'binary':
      return andThen(expandWord(e.left, ctx), (left) => binary(shell, e.op, left, e.right, ctx, bang));
  }
}

function binary(shell: Shell, op: string, left: string, rightWord: Word, ctx: ExpansionContext, bang: boolean): Maybe<number> {
  if (op === '==' || op === '=' || op === '!=') {
    return andThen(condPattern(rightWord, ctx), ({ pattern, shown }) =>
      andThen(trace(shell, bang, [left, op, shown]), () => (matchPattern(pattern, left) === (op !== '!=') ? TRUE : FALSE)));
  }
  if (op === '=~') {
    return andThen(regexSource(rightWord, ctx), (ere) => andThen(trace(shell, bang, [left, op, ere]), () => regexMatch(shell, left, ere)));
  }
  return andThen(expandWord(rightWord, ctx), (right) =>
    andThen(trace(shell, bang, [left, op, right]), () => (ARITHMETIC.has(op) ? arithmetic(shell, left, op, right, ctx) : strings(shell, left, op, right))));
}

function strings(shell: Shell, left: string, op: string, right: string): number {
  return binaryTest({ shell }, left, op, right) === true ? TRUE : FALSE;
}

function regexMatch(shell: Shell, text: string, ere: string): number {
  let compiled: Ere;
  try {
    compiled = compileEre(ere);
  } catch (e) {
    if (e instanceof BadRegex) return BAD_REGEX;
    throw e;
  }
  const match = posixMatch(compiled, text);
  if (match === null) {
    shell.vars.unset('BASH_REMATCH');
    return FALSE;
  }
  shell.vars.set('BASH_REMATCH', match);
  return TRUE;
}

/** Both sides are arithmetic expressions in `[[`; an error is reported and fails the test. */
function arithmetic(shell: Shell, left: string, op: string, right: string, ctx: ExpansionContext): Maybe<number> {
  let a: Int;
  let b: Int;
  try {
    a = evaluateArith(left, ctx);
    b = evaluateArith(right, ctx);
  } catch (e) {
    if (!(e instanceof ArithError)) throw e;
    return andThen(shell.diag(`[[: ${e.message}`), () => FALSE);
  }
  return compare(BigInt(a), op, BigInt(b)) ? TRUE : FALSE;
}

function compare(a: bigint, op: string, b: bigint): boolean {
  switch (op) {
    case '-eq': return a === b;
    case '-ne': return a !== b;
    case '-lt': return a < b;
    case '-le': return a <= b;
    case '-gt': return a > b;
    default: return a >= b;
  }
}

/** bash's xtrace_print_cond_term: the expanded words as they are, an empty one as `''`. */
function trace(shell: Shell, bang: boolean, words: readonly string[]): Maybe<void> {
  if (!shell.options.isOn('xtrace')) return undefined;
  const text = words.map((w) => (w === '' ? "''" : w)).join(' ');
  return traceLine(shell, `[[ ${bang ? '! ' : ''}${text} ]]`);
}
