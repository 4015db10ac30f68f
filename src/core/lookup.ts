// Finding the file a command name runs, with bash's answers for what cannot run: a name not on
// PATH is "command not found" (127); a path that is missing is ENOENT (127); a directory or a
// file without execute permission is 126.

import type { Shell } from './shell.js';

export type Lookup =
  | { readonly kind: 'found'; readonly path: string }
  | { readonly kind: 'error'; readonly message: string; readonly status: 126 | 127 };

export class CommandCache {
  private readonly paths = new Map<string, string>();
  private generation = -1;

  lookup(shell: Shell, name: string): Lookup {
    // A path is not checked first: the spawn reports what is wrong with it (see explainExecError).
    if (name.includes('/')) return { kind: 'found', path: absolute(shell, name) };
    if (this.generation !== shell.vars.pathGeneration) {
      this.paths.clear();
      this.generation = shell.vars.pathGeneration;
    }
    const cached = this.paths.get(name);
    // Like bash's hash table, a hit is not re-checked: a spawn that fails with ENOENT forgets it.
    if (cached) return { kind: 'found', path: cached };
    const found = searchPath(shell, name);
    if (found) {
      this.paths.set(name, found);
      return { kind: 'found', path: found };
    }
    return { kind: 'error', message: `${name}: command not found`, status: 127 };
  }

  /** The path remembered for a name, if any. */
  remembered(name: string): string | undefined {
    return this.paths.get(name);
  }

  forget(name?: string): void {
    if (name === undefined) this.paths.clear();
    else this.paths.delete(name);
  }
}

function searchPath(shell: Shell, name: string): string | undefined {
  const path = shell.vars.get('PATH') ?? '/usr/local/bin:/usr/bin:/bin';
  for (const dir of path.split(':')) {
    const candidate = absolute(shell, `${dir === '' ? '.' : dir}/${name}`);
    const info = shell.port.stat(candidate);
    if (info && info.type === 'file' && info.executable) return candidate;
  }
  return undefined;
}

/**
 * bash 5.2's words for an exec that failed (execute_cmd.c shell_execve): a directory is "Is a
 * directory", not EACCES's text; ENOENT for a file that is there and executable means its
 * `#!` interpreter (or the ELF loader) is missing.
 */
export function explainExecError(shell: Shell, path: string, code: string, reason: string): { message: string; status: 126 | 127 } {
  if (code === 'ENOENT') {
    const info = shell.port.stat(path);
    if (info?.type === 'file' && info.executable) return { message: 'cannot execute: required file not found', status: 127 };
    return { message: reason, status: 127 };
  }
  if (code === 'EACCES' && shell.port.stat(path)?.type === 'directory') return { message: 'Is a directory', status: 126 };
  return { message: reason, status: 126 };
}

/** Resolves a path against the shell's logical working directory. */
export function absolute(shell: Shell, path: string): string {
  if (path.startsWith('/')) return path;
  return shell.cwd === '/' ? `/${path}` : `${shell.cwd}/${path}`;
}
