// Running a whole script or a -c string, parsed as it runs (XCU 2.10): one complete command at
// a time, so a syntax error on line 10 leaves lines 1-9 run (then the shell exits 2, as bash),
// an alias defined on one line applies from the next, and `exit` or `case $0 in` at the top
// can skip text that would not parse. An error which abandons a line (LineAbandoned) lets a
// script file go on with its next command, as bash does; in a -c string it ends the run,
// unless it drops only the line (an arithmetic error), and a fatal one ends both.
// However the run ends, the EXIT trap runs last.

import { SyntaxError as ShellSyntaxError, type List } from '../lang/ast.js';
import type { ParseOptions } from '../lang/reader.js';
import { ExitRequest, FatalError, Interrupted, LineAbandoned } from './errors.js';
import { FunctionReturn } from './flow.js';
import { reportFailure } from './repl.js';
import type { Shell } from './shell.js';
import { runExitTrap } from './trap-run.js';

/** `firstLine`: the line the source starts on (a copy of the shell runs a piece of a script). */
export async function runScript(shell: Shell, source: string, firstLine = 1): Promise<number> {
  const status = await runAll(shell, source, firstLine);
  try {
    return await runExitTrap(shell, status);
  } catch (e) {
    await reportFailure(shell, e);
    return status;
  } finally {
    await shell.out.drain();
  }
}

async function runAll(shell: Shell, source: string, firstLine: number): Promise<number> {
  const where = shell.scriptName ?? `${shell.name}: -c`;
  const reader = shell.dialect.reader(source, { ...parseOptions(shell, where), firstLine });
  const echo = new VerboseEcho(source, firstLine);
  try {
    for (;;) {
      const list = await next(shell, reader, where, source);
      if (list === 'error') return 2;
      if (list === null) {
        if (shell.options.isOn('verbose')) await echo.rest(shell);
        return shell.lastStatus;
      }
      if (shell.options.isOn('verbose')) await echo.upTo(shell, list);
      else echo.skipTo(list);
      const status = await runCommand(shell, list);
      if (status !== null) return status;
    }
  } catch (e) {
    if (e instanceof ExitRequest) return e.status;
    if (e instanceof Interrupted) return e.status;
    // only a copy made inside a function gets here: `return` ends the copy, as bash's subshell
    if (e instanceof FunctionReturn) return e.status;
    await reportFailure(shell, e);
    return 1;
  } finally {
    await shell.out.drain();
  }
}

/** Aliases as they stand when each command is read; warnings as bash words them. */
export function parseOptions(shell: Shell, where: string): ParseOptions {
  return {
    alias: (name) => shell.aliases.get(name),
    warn: (message, pos) => void shell.out.write(shell.stdio[2], `${where}: line ${pos.line}: ${message}\n`),
  };
}

async function next(shell: Shell, reader: { next(): List | null }, where: string, source: string): Promise<List | null | 'error'> {
  try {
    return reader.next();
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    await shell.out.write(shell.stdio[2], `${where}: line ${e.pos.line}: ${e.message}\n`);
    // bash shows the line of an unexpected token (not of an unexpected end of file).
    const line = source.split('\n')[e.pos.line - 1];
    if (e.showsLine && line !== undefined) await shell.out.write(shell.stdio[2], `${where}: line ${e.pos.line}: \`${line}'\n`);
    shell.lastStatus = 2;
    return 'error';
  }
}

/**
 * `set -v`: the lines of the input are written to stderr as they are read, blank lines and
 * comments before a command included (bash's shell_getc echoes each line it reads).
 */
class VerboseEcho {
  private readonly lines: string[];
  /** Lines already read (1-based count). */
  private done = 0;

  /** `firstLine`: the line number the source's first line has in the parse trees. */
  constructor(source: string, private readonly firstLine: number) {
    this.lines = source.split('\n');
  }

  upTo(shell: Shell, list: List): Promise<void> {
    return this.echo(shell, this.lastLine(list));
  }

  /** At the end of the input: what followed the last command (here-document bodies). */
  rest(shell: Shell): Promise<void> {
    let end = this.lines.length;
    while (end > this.done && this.lines[end - 1] === '') end--;
    return this.echo(shell, end);
  }

  private async echo(shell: Shell, end: number): Promise<void> {
    if (end <= this.done) return;
    const text = this.lines.slice(this.done, end).join('\n');
    this.done = end;
    await shell.out.write(shell.stdio[2], `${text}\n`);
  }

  skipTo(list: List): void {
    this.done = Math.max(this.done, this.lastLine(list));
  }

  /** The last line of `list`, counted in this source (from 1). */
  private lastLine(list: List): number {
    const last = list.items[list.items.length - 1];
    if (!last) return 0;
    let line = last.pos.line - this.firstLine + 1;
    for (const c of last.source) if (c === '\n') line++;
    return line;
  }
}

/** Runs one complete command; returns the status to end the run with, or null to go on. */
async function runCommand(shell: Shell, list: List): Promise<number | null> {
  try {
    await shell.dialect.run(shell, list);
    return null;
  } catch (e) {
    if (!(e instanceof LineAbandoned)) throw e;
    shell.lastStatus = e.status;
    if (e instanceof FatalError) return e.exitStatus;
    // bash 5.2 ends a -c string with 127 after a fatal expansion error (a script or a subshell with 1).
    if (e.fatal && shell.scriptName === undefined && !shell.subshellProcess) return 127;
    if (e.fatal || (shell.scriptName === undefined && !e.onlyLine)) return e.status;
    return null;
  }
}
