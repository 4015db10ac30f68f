// `cd [-L|-P] [dir]` (builtins/cd.def). The shell keeps a logical working directory: with -L
// (the default) ".." removes the previous component of the path as written, after checking
// that what is left is a directory (pathcanon.c with PATH_CHECKDOTDOT|PATH_CHECKEXISTS); with -P
// symbolic links are resolved first. `cd -` goes to $OLDPWD and prints it, CDPATH is searched
// for relative names, and PWD/OLDPWD follow every change.

import { OsError } from '../../os/port.js';
import type { Shell } from '../shell.js';
import { parseOptions } from './lib/options.js';
import type { Builtin, BuiltinContext } from './types.js';

const USAGE = 'cd [-L|[-P [-e]] [-@]] [dir]';

type Change = { readonly ok: true; readonly dir: string } | { readonly ok: false; readonly reason: string };

export const cdBuiltin: Builtin = (ctx) => {
  const parsed = parseOptions(ctx, 'eLP', USAGE);
  if (!parsed) return 2;
  const physical = parsed.options.filter((o) => o.name !== 'e').at(-1)?.name === 'P';
  const operands = parsed.operands;
  const shell = ctx.shell;
  if (operands.length > 1) {
    ctx.error('too many arguments');
    return 1;
  }
  const word = operands[0];
  if (word === undefined) {
    const home = shell.vars.get('HOME');
    if (home === undefined) return fail(ctx, 'HOME not set');
    return finish(ctx, home, change(shell, home, physical));
  }
  if (word === '-') {
    const old = shell.vars.get('OLDPWD');
    if (old === undefined) return fail(ctx, 'OLDPWD not set');
    const r = change(shell, old, physical);
    if (r.ok) ctx.io.out(`${old}\n`);
    return finish(ctx, old, r);
  }
  const cdpath = shell.vars.get('CDPATH');
  if (cdpath !== undefined && !bypassesCdpath(word)) {
    for (const entry of cdpath.split(':')) {
      const candidate = joinPath(expandTilde(shell, entry), word);
      const r = change(shell, candidate, physical);
      if (!r.ok) continue;
      // POSIX: a directory found through a non-empty CDPATH entry is printed.
      if (entry !== '') ctx.io.out(`${physical ? candidate : r.dir}\n`);
      return finish(ctx, word, r);
    }
  }
  return finish(ctx, word, change(shell, word, physical));
};

function fail(ctx: BuiltinContext, message: string): number {
  ctx.error(message);
  return 1;
}

/** Records a successful change in the shell and its variables, or reports the failure. */
function finish(ctx: BuiltinContext, word: string, r: Change): number {
  if (!r.ok) return fail(ctx, `${word}: ${r.reason}`);
  const shell = ctx.shell;
  shell.vars.set('OLDPWD', shell.vars.get('PWD') ?? '');
  shell.vars.set('PWD', r.dir);
  shell.cwd = r.dir;
  return 0;
}

/** bash's absolute_pathname: absolute names and those starting with "." or ".." skip CDPATH. */
function bypassesCdpath(word: string): boolean {
  return /^(\/|\.\.?(\/|$))/.test(word);
}

function joinPath(dir: string, name: string): string {
  const base = dir === '' ? '.' : dir;
  return base.endsWith('/') ? `${base}${name}` : `${base}/${name}`;
}

function expandTilde(shell: Shell, entry: string): string {
  if (entry !== '~' && !entry.startsWith('~/')) return entry;
  const home = shell.vars.get('HOME');
  return home === undefined ? entry : home + entry.slice(1);
}

/** Works out the new directory and moves the process there; nothing in the shell changes yet. */
function change(shell: Shell, dir: string, physical: boolean): Change {
  const absolute = dir.startsWith('/') ? dir : joinPath(shell.cwd, dir);
  const target = physical ? physicalPath(shell, absolute) : logicalPath(shell, absolute);
  if (!target.ok) return target;
  const info = shell.port.stat(target.dir);
  if (!info) return { ok: false, reason: 'No such file or directory' };
  if (info.type !== 'directory') return { ok: false, reason: 'Not a directory' };
  if (!info.executable) return { ok: false, reason: 'Permission denied' };
  try {
    shell.port.chdir(target.dir);
  } catch (e) {
    if (e instanceof OsError) return { ok: false, reason: e.reason };
    throw e;
  }
  return target;
}

function physicalPath(shell: Shell, absolute: string): Change {
  try {
    return { ok: true, dir: shell.port.realpath(absolute) };
  } catch (e) {
    if (e instanceof OsError) return { ok: false, reason: e.reason };
    throw e;
  }
}

/**
 * bash's sh_canonpath on an absolute path: drops "." and empty components, lets ".." remove
 * the previous one ("/.." is "/"), keeps a leading "//", and requires every prefix it keeps
 * to be an existing directory; the first one that is not decides the error.
 */
function logicalPath(shell: Shell, absolute: string): Change {
  const root = /^\/\/(?!\/)/.test(absolute) ? '//' : '/';
  const kept: string[] = [];
  for (const part of absolute.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      kept.pop();
      continue;
    }
    kept.push(part);
    const prefix = root + kept.join('/');
    const info = shell.port.stat(prefix);
    if (!info) return { ok: false, reason: 'No such file or directory' };
    if (info.type !== 'directory') return { ok: false, reason: 'Not a directory' };
  }
  return { ok: true, dir: root + kept.join('/') };
}
