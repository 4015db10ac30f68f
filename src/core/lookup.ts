// Finding the file a command name runs, with bash's answers for what cannot run: a name not on
// PATH is "command not found" (127); a path that is missing is ENOENT (127); a directory or a
// file without execute permission is 126.

import type { Shell } from './shell.js';

export type Lookup =
  | { readonly kind: 'found'; readonly path: string }
  | { readonly kind: 'error'; readonly message: string; readonly status: 126 | 127 };

export class CommandCache {
  private readonly paths = new Map<string, string>();
  /** How often each remembered path was used (`hash` lists them). */
  private readonly hits = new Map<string, number>();
  private generation = -1;

  lookup(shell: Shell, name: string): Lookup {
    // A path is not checked first: the spawn reports what is wrong with it (see explainExecError).
    if (name.includes('/')) return { kind: 'found', path: absolute(shell, name) };
    this.sync(shell);
    const cached = this.paths.get(name);
    // Like bash's hash table, a hit is not re-checked: a spawn that fails with ENOENT forgets it.
    if (cached) {
      this.hits.set(name, (this.hits.get(name) ?? 0) + 1);
      return { kind: 'found', path: cached };
    }
    const found = searchPath(shell, name);
    if (found) {
      this.paths.set(name, found);
      this.hits.set(name, 1);
      return { kind: 'found', path: found };
    }
    return { kind: 'error', message: `${name}: command not found`, status: 127 };
  }

  /** The path remembered for a name, if any. */
  remembered(name: string): string | undefined {
    return this.paths.get(name);
  }

  forget(name?: string): void {
    if (name === undefined) {
      this.paths.clear();
      this.hits.clear();
    } else {
      this.paths.delete(name);
      this.hits.delete(name);
    }
  }

  /** `hash name` / `hash -p path name`: remembers a path without running it (no hits yet). */
  remember(shell: Shell, name: string, path?: string): boolean {
    this.sync(shell);
    const found = path ?? searchPath(shell, name);
    if (found === undefined) return false;
    this.paths.set(name, found);
    this.hits.set(name, 0);
    return true;
  }

  /** Remembered names with their paths and hits, in the order they were remembered. */
  entries(shell: Shell): { name: string; path: string; hits: number }[] {
    this.sync(shell);
    return [...this.paths].map(([name, path]) => ({ name, path, hits: this.hits.get(name) ?? 0 }));
  }

  /** A change of PATH empties the table, as bash's does. */
  private sync(shell: Shell): void {
    if (this.generation === shell.vars.pathGeneration) return;
    this.paths.clear();
    this.hits.clear();
    this.generation = shell.vars.pathGeneration;
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
