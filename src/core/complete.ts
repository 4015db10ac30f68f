// Tab completion: the first word of a command completes to builtins and commands on PATH
// (or to paths when it contains a slash); later words complete to file names.

import { builtinNames } from './builtins/registry.js';
import { absolute } from './lookup.js';
import type { Shell } from './shell.js';

export interface Completion {
  /** Candidate replacements for `word`. */
  readonly candidates: string[];
  /** The partial word being completed. */
  readonly word: string;
}

export function complete(shell: Shell, line: string): Completion {
  const word = /[^\s|&;<>()]*$/.exec(line)![0];
  const before = line.slice(0, line.length - word.length);
  const commandPosition = /(^|[|&;(]|&&|\|\|)\s*$/.test(before);
  const candidates = commandPosition && !word.includes('/') ? commandNames(shell, word) : fileNames(shell, word);
  return { candidates: [...new Set(candidates)].sort(), word };
}

function commandNames(shell: Shell, prefix: string): string[] {
  const names = builtinNames().filter((n) => n.startsWith(prefix));
  for (const dir of (shell.vars.get('PATH') ?? '').split(':')) {
    if (!dir) continue;
    for (const entry of safeReaddir(shell, dir)) {
      if (entry.startsWith(prefix) && shell.port.stat(`${dir}/${entry}`)?.executable) names.push(entry);
    }
  }
  return names;
}

function fileNames(shell: Shell, word: string): string[] {
  const expanded = word.startsWith('~/') ? `${shell.vars.get('HOME') ?? ''}${word.slice(1)}` : word;
  const slash = expanded.lastIndexOf('/');
  const dirPart = slash >= 0 ? expanded.slice(0, slash + 1) : '';
  const shownDir = slash >= 0 ? word.slice(0, word.length - (expanded.length - slash - 1)) : '';
  const prefix = expanded.slice(slash + 1);
  const dir = absolute(shell, dirPart === '' ? '.' : dirPart);
  return safeReaddir(shell, dir)
    .filter((e) => e.startsWith(prefix) && (prefix.startsWith('.') || !e.startsWith('.')))
    .map((e) => {
      const isDir = shell.port.stat(`${dir}/${e}`)?.type === 'directory';
      return `${shownDir}${e}${isDir ? '/' : ''}`;
    });
}

function safeReaddir(shell: Shell, dir: string): string[] {
  try {
    return shell.port.readdir(dir);
  } catch {
    return [];
  }
}
