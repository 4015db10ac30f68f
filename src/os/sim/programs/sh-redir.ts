// Redirections of the simulated sh (>, >>, <, N>&M, N<&M, N>&-), applied for good (a command
// in its own process, exec) or with what is needed to undo them (builtins, compound commands).

import * as sys from '../sys.js';
import type { Code } from '../types.js';
import { expandString } from './sh-expand.js';
import type { Redir } from './sh-parse.js';
import type { ShellState } from './sh-state.js';

/** dash's wording for a failed open: its own for ENOENT, strerror otherwise. */
function openReason(e: sys.SysError, creating: boolean): string {
  if (e.errno === 'ENOENT') return creating ? 'Directory nonexistent' : 'No such file';
  return e.reason;
}

/** Applies redirections; with `save`, returns how to undo them. Null after a reported error. */
export function* redirect(sh: ShellState, redirs: readonly Redir[], save: boolean): Code<Array<[number, number | null]> | null> {
  const undo: Array<[number, number | null]> = [];
  for (const r of redirs) {
    const target = expandString(r.target, sh);
    if (save) {
      const copy = yield* sys.dup(r.fd);
      undo.unshift([r.fd, copy instanceof sys.SysError ? null : copy]);
    }
    if (r.op === '>&' || r.op === '<&') {
      const res = target === '-' ? yield* sys.close(r.fd) : /^\d+$/.test(target) ? yield* sys.dup2(Number(target), r.fd) : null;
      if (res === null || res instanceof sys.SysError) {
        yield* sh.warn(res === null ? `Syntax error: Bad fd number` : `${target}: ${res.reason}`);
        return null;
      }
      continue;
    }
    const creating = r.op !== '<';
    const fd = yield* sys.open(target, creating ? { write: true, create: true, truncate: r.op === '>', append: r.op === '>>' } : { read: true });
    if (fd instanceof sys.SysError) {
      yield* sh.warn(`cannot ${creating ? 'create' : 'open'} ${target}: ${openReason(fd, creating)}`);
      return null;
    }
    if (fd !== r.fd) {
      yield* sys.dup2(fd, r.fd);
      yield* sys.close(fd);
    }
  }
  return undo;
}

export function* restore(undo: ReadonlyArray<[number, number | null]>): Code<void> {
  for (const [fd, copy] of undo) {
    if (copy === null) {
      yield* sys.close(fd);
    } else {
      yield* sys.dup2(copy, fd);
      yield* sys.close(copy);
    }
  }
}

