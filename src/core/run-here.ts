// Builtins, functions and bare assignments run in the shell itself: the redirections and
// prefix assignments made around them and undone after, and what they wrote let out before
// the shell goes on, so that a job started next writes after it. The common case of a loop
// (no redirections, no assignments) has a path of its own that sets up nothing.

import type { FunctionDefinition } from '../lang/ast.js';
import { andThen, isPromise, lastly, rescue, type Maybe } from '../lang/maybe.js';
import type { Builtin } from './builtins/types.js';
import { runBuiltinHere } from './builtins/run.js';
import { runExec } from './builtins/exec.js';
import type { ExpandedCommand } from './command.js';
import { FatalError } from './errors.js';
import { callFunction, type BodyRunner } from './functions.js';
import { assignForGood } from './prefix-assign.js';
import { plainFds, withRedirects, type FdTable } from './redirect.js';
import { enterScope } from './shell-fds.js';
import type { Shell } from './shell.js';
import { specialBuiltinError } from './special.js';

/**
 * A builtin in the shell itself, its redirections and prefix assignments around it. `special`:
 * a failed redirection is a special builtin's error; `bypassed`: run by `command`, whose
 * errors do not end the shell.
 */
export function runBuiltinAlone(shell: Shell, builtin: Builtin, cmd: ExpandedCommand, special: boolean, bypassed: boolean): Maybe<number> {
  const name = cmd.argv[0]!;
  if (cmd.redirects.length === 0 && cmd.assignments.size === 0 && !bypassed && name !== 'exec') return runBuiltinPlain(shell, builtin, cmd.argv);
  const { fds, error } = withRedirects(shell, shell.stdio, cmd.redirects);
  return lastly(() => {
    if (error !== null) return special ? specialFailed(shell, fds, error) : reportTo(shell, fds, error);
    if (name === 'exec') return runExec(shell, cmd, fds);
    const restore = shell.vars.assignFor(cmd.assignments);
    const run = () => lastly(() => andThen(runBuiltinHere(shell, builtin, cmd.argv, fds), (status) => {
      shell.control.previousCommand = name;
      return status;
    }), restore);
    return bypassed ? rescue(run, statusOfFatal) : run();
  }, () => settleOutput(shell, fds));
}

/**
 * The common case of a loop (`[ $n -lt 10 ]`, `echo`): no redirections, no assignments, so
 * nothing to set up or undo but the output to let out.
 */
function runBuiltinPlain(shell: Shell, builtin: Builtin, argv: readonly string[]): Maybe<number> {
  let status: Maybe<number>;
  try {
    status = runBuiltinHere(shell, builtin, argv, plainFds(shell.stdio));
  } catch (e) {
    return drainThenThrow(shell, e);
  }
  if (isPromise(status)) return status.then((s) => builtinDone(shell, argv[0]!, s), (e: unknown) => drainThenThrow(shell, e));
  return builtinDone(shell, argv[0]!, status);
}

function builtinDone(shell: Shell, name: string, status: number): Maybe<number> {
  shell.control.previousCommand = name;
  return drained(shell, status);
}

function statusOfFatal(e: unknown): number {
  if (e instanceof FatalError) return e.status;
  throw e;
}

/** A function call in the foreground, with the call's redirections around it. */
export function runFunctionHere(shell: Shell, fn: FunctionDefinition, cmd: ExpandedCommand, runBody: BodyRunner): Maybe<number> {
  if (cmd.redirects.length === 0) return callPlain(shell, fn, cmd, runBody);
  const { fds, error } = withRedirects(shell, shell.stdio, cmd.redirects);
  let leave: (() => void) | null = null;
  return lastly(() => {
    if (error !== null) return reportTo(shell, fds, error);
    if (cmd.redirects.length > 0) leave = enterScope(shell, fds.toArray());
    shell.control.previousCommand = cmd.argv[0]!;
    return callFunction(shell, fn, cmd.argv, cmd.assignments, runBody);
  }, () => {
    leave?.();
    return settleOutput(shell, fds);
  });
}

/** A call without redirections: nothing around it but the output to let out. */
function callPlain(shell: Shell, fn: FunctionDefinition, cmd: ExpandedCommand, runBody: BodyRunner): Maybe<number> {
  shell.control.previousCommand = cmd.argv[0]!;
  let status: Maybe<number>;
  try {
    status = callFunction(shell, fn, cmd.argv, cmd.assignments, runBody);
  } catch (e) {
    return drainThenThrow(shell, e);
  }
  if (isPromise(status)) return status.then((s) => drained(shell, s), (e: unknown) => drainThenThrow(shell, e));
  return drained(shell, status);
}

function drained(shell: Shell, status: number): Maybe<number> {
  const draining = shell.out.drain();
  return draining === undefined ? status : draining.then(() => status);
}

function drainThenThrow(shell: Shell, e: unknown): Maybe<never> {
  return andThen(shell.out.drain(), () => {
    throw e;
  });
}

/**
 * After a builtin or function: what it wrote goes out before the shell goes on (and before
 * the files its redirections opened are closed), so that a job started next writes after it.
 * Nothing to wait for when it wrote nothing, as in most loops.
 */
function settleOutput(shell: Shell, fds: FdTable): Maybe<void> {
  return andThen(shell.out.drain(), () => fds.close(shell));
}

/**
 * `NAME=value` alone sets shell variables; its redirections are still made (and undone). Its
 * status is that of the last command substitution in it, if any.
 */
export function assignOnly(shell: Shell, cmd: ExpandedCommand): number {
  assignForGood(shell, cmd.assignments);
  const ran = cmd.substitutionStatus ?? 0;
  if (cmd.redirects.length === 0) return ran;
  const { fds, error } = withRedirects(shell, shell.stdio, cmd.redirects);
  const status = error === null ? ran : reportTo(shell, fds, error);
  fds.close(shell);
  return status;
}

/** A special builtin's redirection that fails ends a script (POSIX 2.8.1, as dash: status 2). */
function specialFailed(shell: Shell, fds: FdTable, error: string): number {
  return specialBuiltinError(shell, reportTo(shell, fds, error));
}

/** A redirection error goes where the command's stderr pointed when it failed; status 1. */
export function reportTo(shell: Shell, fds: FdTable, error: string): number {
  const stderr = fds.get(2);
  if (stderr !== undefined) void shell.out.write(stderr, `${shell.errorPrefix()}${error}\n`);
  return 1;
}

/**
 * A command name that is not found (or not executable): its redirections are still made, as
 * bash's forked child makes them before it reports, so `nosuchcmd 2>/dev/null` is silent and
 * `nosuchcmd >f` creates f; a redirection that fails is reported instead (status 1).
 */
export function notFound(shell: Shell, cmd: ExpandedCommand, message: string, status: number): Maybe<number> {
  const { fds, error } = withRedirects(shell, shell.stdio, cmd.redirects);
  const reported = reportTo(shell, fds, error ?? message);
  return andThen(settleOutput(shell, fds), () => (error === null ? status : reported));
}
