// Running shell text from a builtin (eval, `.`): parsed with the shell's dialect and run by
// its runner (the executor, reached through the dialect so no builtin imports it), with the
// builtin's own fds as the commands' stdin, stdout and stderr.

import type { List } from '../../../lang/ast.js';
import { SyntaxError as ShellSyntaxError } from '../../../lang/ast.js';
import { LineAbandoned } from '../../errors.js';
import { enterScope } from '../../shell-fds.js';
import type { Shell } from '../../shell.js';
import type { BuiltinContext } from '../types.js';

/**
 * Parses text whose first line is `firstLine` (for messages); null after reporting a syntax
 * error (the builtin's status is then 2).
 */
export function parseText(ctx: BuiltinContext, text: string, where: (line: number) => string, firstLine = 1): List | null {
  try {
    return ctx.shell.dialect.parse(text, { firstLine });
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
    return await runLines(shell, list);
  } finally {
    shell.traceLevel--;
    await shell.out.drain();
    leave?.();
    shell.lineno = lineno;
  }
}

/**
 * As bash's parse_and_execute: an error that drops only a line (an arithmetic error) ends the
 * rest of that line of the text, with status 1, and the text goes on with its next line.
 */
async function runLines(shell: Shell, list: List): Promise<number> {
  let dropped = -1;
  for (const item of list.items) {
    if (item.pos.line === dropped) continue;
    try {
      await shell.dialect.run(shell, { kind: 'list', items: [item] });
    } catch (e) {
      if (!(e instanceof LineAbandoned) || !e.onlyLine) throw e;
      shell.lastStatus = e.status;
      dropped = item.pos.line;
    }
  }
  return shell.lastStatus;
}
