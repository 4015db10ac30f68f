// `. file [arguments]` and `source` (builtins/source.def): reads a file and runs it in the
// current shell. A name without a slash is looked for on PATH (any readable file, executable or
// not), then, as bash does outside POSIX mode, in the current directory. Arguments become the
// positional parameters while it runs; `return` ends the file with its status.

import { statusOfReturn } from '../flow.js';
import { specialBuiltinError } from '../special.js';
import { absolute } from '../lookup.js';
import type { Shell } from '../shell.js';
import { runReturnTrap } from '../condition-traps.js';
import { parseText, runText } from './lib/runtext.js';
import type { Builtin } from './types.js';

export const sourceBuiltin: Builtin = async (ctx) => {
  const words = ctx.argv.slice(1);
  if (words[0] === '--') words.shift();
  const name = ctx.argv[0]!;
  const file = words[0];
  if (file === undefined) {
    ctx.error('filename argument required');
    ctx.usage(`${name} filename [arguments]`);
    return 2;
  }
  const shell = ctx.shell;
  const path = find(shell, file);
  let text: string;
  try {
    text = shell.port.readFile(path ?? absolute(shell, file));
  } catch (e) {
    const reason = e instanceof Error && 'reason' in e ? String((e as { reason: unknown }).reason) : 'No such file or directory';
    ctx.io.err(`${shell.errorPrefix()}${file}: ${reason}\n`);
    // `.` is a special builtin (POSIX 2.8.1: its error ends a script); `source` is bash's own.
    return name === '.' ? specialBuiltinError(shell, 1) : 1;
  }
  const list = parseText(ctx, text, (line) => `${file}: line ${line}: `);
  if (list === null) return 2;
  const positional = shell.positional;
  const sourcing = shell.sourcing;
  shell.sourcing = file;
  if (words.length > 1) shell.positional = words.slice(1);
  // `return` is allowed in a sourced file as in a function
  shell.functionDepth++;
  try {
    // `$?` stays what it was before `return` until the RETURN trap has run
    return await runReturnTrap(shell, await runText(ctx, list).catch(statusOfReturn));
  } finally {
    shell.sourcing = sourcing;
    shell.functionDepth--;
    if (words.length > 1) shell.positional = positional;
  }
};

/** Where `.` finds a file: as given with a slash, else on PATH, else in the current directory. */
function find(shell: Shell, file: string): string | undefined {
  if (file.includes('/')) return undefined;
  const path = shell.vars.get('PATH') ?? '';
  for (const dir of path.split(':')) {
    const candidate = absolute(shell, `${dir === '' ? '.' : dir}/${file}`);
    if (shell.port.stat(candidate)?.type === 'file') return candidate;
  }
  return undefined;
}
