// What a command name is, in bash's order of lookup (builtins/type.def describe_command):
// alias (when aliases are expanded: an interactive shell), reserved word, function, builtin,
// then a file (remembered in the hash table, or found on PATH). type, command -v and
// command -V all answer from this.

import { absolute } from '../../lookup.js';
import { printFunction } from '../../../lang/print.js';
import type { Shell } from '../../shell.js';
import type { BuiltinContext } from '../types.js';

export const KEYWORDS: ReadonlySet<string> = new Set([
  'if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done',
  'in', 'function', 'time', '{', '}', '!', '[[', ']]', 'coproc',
]);

export type Found =
  | { readonly kind: 'alias'; readonly text: string }
  | { readonly kind: 'keyword' | 'function' | 'builtin' }
  | { readonly kind: 'file'; readonly path: string; readonly hashed: boolean };

export interface Lookup {
  /** -a: every match rather than the first. */
  readonly all: boolean;
  /** -f: functions are not looked at. */
  readonly noFunctions: boolean;
  /** -P: only files on PATH. */
  readonly pathOnly: boolean;
  /** command -p: a default PATH instead of $PATH. */
  readonly defaultPath?: boolean;
}

/** bash's confstr(_CS_PATH): where `command -p` looks. */
export const DEFAULT_PATH = '/bin:/usr/bin';

export function findAll(ctx: BuiltinContext, name: string, o: Lookup): Found[] {
  const shell = ctx.shell;
  const found: Found[] = [];
  const done = (): boolean => !o.all && found.length > 0;
  if (!o.pathOnly) {
    const alias = shell.interactive ? shell.aliases.get(name) : undefined;
    if (alias !== undefined) found.push({ kind: 'alias', text: alias });
    if (!done() && KEYWORDS.has(name)) found.push({ kind: 'keyword' });
    if (!done() && !o.noFunctions && shell.functions.has(name)) found.push({ kind: 'function' });
    if (!done() && ctx.isBuiltin(name)) found.push({ kind: 'builtin' });
    if (done()) return found;
  }
  if (name.includes('/')) {
    if (isExecutable(shell, absolute(shell, name))) found.push({ kind: 'file', path: name, hashed: false });
    return found;
  }
  const hashed = o.defaultPath ? undefined : shell.commands.remembered(name);
  if (!o.all && hashed !== undefined && isExecutable(shell, hashed)) return [...found, { kind: 'file', path: hashed, hashed: true }];
  for (const path of pathMatches(shell, name, o.defaultPath ? DEFAULT_PATH : undefined)) {
    found.push({ kind: 'file', path, hashed: false });
    if (done()) break;
  }
  return found;
}

/** Every executable file named `name` in the PATH directories, in PATH order. */
function pathMatches(shell: Shell, name: string, path = shell.vars.get('PATH') ?? '/usr/local/bin:/usr/bin:/bin'): string[] {
  const found: string[] = [];
  for (const dir of path.split(':')) {
    const candidate = `${dir === '' ? '.' : dir}/${name}`;
    if (isExecutable(shell, absolute(shell, candidate))) found.push(candidate);
  }
  return found;
}

function isExecutable(shell: Shell, path: string): boolean {
  const info = shell.port.stat(path);
  return info !== null && info.type !== 'directory' && info.executable;
}

/** type's and command -V's sentence for one match. */
export function sentence(shell: Shell, name: string, f: Found): string {
  switch (f.kind) {
    case 'alias': return `${name} is aliased to \`${f.text}'\n`;
    case 'keyword': return `${name} is a shell keyword\n`;
    case 'function': return `${name} is a function\n${printFunction(shell.functions.get(name)!)}\n`;
    case 'builtin': return `${name} is a shell builtin\n`;
    case 'file': return f.hashed ? `${name} is hashed (${f.path})\n` : `${name} is ${f.path}\n`;
  }
}
