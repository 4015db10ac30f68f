// `set -x` (bash's xtrace): each simple command, once expanded and before it runs, is written
// to the shell's stderr after PS4 (default "+ "), whose first character is repeated once per
// level of text the shell runs from inside a command (command substitution, eval, `.`): "++".
// Prefix assignments come first, one line each; redirections are not shown. Words are quoted
// as bash's xtrace_print_word_list quotes them, so that the line reads back as the command.

import type { ExpandedCommand } from './command.js';
import { ansic, singleQuoted } from './builtins/lib/quote.js';
import type { Shell } from './shell.js';

export async function traceCommand(shell: Shell, cmd: ExpandedCommand): Promise<void> {
  const prefix = tracePrefix(shell);
  let text = '';
  for (const [name, value] of cmd.assignments) text += `${prefix}${name}=${value === '' ? '' : quoted(value)}\n`;
  if (cmd.argv.length > 0) text += `${prefix}${cmd.argv.map(quoted).join(' ')}\n`;
  if (text !== '') await shell.out.write(shell.stdio[2], text);
}

/** One line of trace for what is not a simple command (`[[ … ]]`): PS4, then the text. */
export function traceLine(shell: Shell, text: string): Promise<void> {
  return shell.out.write(shell.stdio[2], `${tracePrefix(shell)}${text}\n`);
}

function tracePrefix(shell: Shell): string {
  const ps4 = shell.vars.get('PS4') ?? '+ ';
  return ps4.slice(0, 1).repeat(Math.max(0, shell.traceLevel - 1)) + ps4;
}

/** bash's order: shell metacharacters mean '…' (control characters and all); else $'…' for control characters. */
export function quoted(word: string): string {
  if (word === '') return "''";
  if (hasShellMetas(word)) return singleQuoted(word);
  if (/[\x00-\x1f\x7f]/.test(word)) return ansic(word);
  return word;
}

/** lib/sh/shquote.c sh_contains_shell_metas. */
function hasShellMetas(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    if (' \t\n\'"\\|&;()<>!{}*[?]^$`'.includes(c)) return true;
    if (c === '~' && (i === 0 || word[i - 1] === '=' || word[i - 1] === ':')) return true;
    if (c === '#' && i === 0) return true;
  }
  return false;
}
