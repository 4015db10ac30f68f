// Running shell text from a builtin (eval, `.`): parsed with the shell's dialect and run by
// its runner (the executor, reached through the dialect so no builtin imports it), with the
// builtin's own fds as the commands' stdin, stdout and stderr.

import type { List } from '../../../lang/ast.js';
import { SyntaxError as ShellSyntaxError } from '../../../lang/ast.js';
import { enterScope } from '../../shell-fds.js';
import type { BuiltinContext } from '../types.js';

/** Parses text; null after reporting a syntax error (the builtin's status is then 2). */
export function parseText(ctx: BuiltinContext, text: string, where: (line: number) => string): List | null {
  try {
    return ctx.shell.dialect.parse(text);
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    ctx.io.err(`${where(e.pos.line)}${e.message}\n`);
    return null;
  }
}

/**
 * The builtin's fds (its redirections applied) become the shell's while the text runs, unless
 * they are the shell's already: then an `exec` in the text changes the shell's for good.
 * Redirected fds past 9 are not seen (bash warns they may clash with the shell's own).
 */
function enterRedirected(ctx: BuiltinContext): (() => void) | null {
  const stdio = ctx.shell.stdio;
  const fds = Array.from({ length: Math.max(10, stdio.length) }, (_, i) => ctx.fd(i) ?? -1);
  if (fds.every((fd, i) => fd === (stdio[i] ?? -1))) return null;
  return enterScope(ctx.shell, fds);
}

/** Runs a parsed list in the shell as if typed where the builtin was; returns `$?`. */
export async function runText(ctx: BuiltinContext, list: List): Promise<number> {
  const shell = ctx.shell;
  if (list.items.length === 0) return 0;
  const lineno = shell.lineno;
  const leave = ctx.captured ? null : enterRedirected(ctx);
  shell.traceLevel++;
  try {
    return await shell.dialect.run(shell, list);
  } finally {
    shell.traceLevel--;
    await shell.out.drain();
    leave?.();
    shell.lineno = lineno;
  }
}
