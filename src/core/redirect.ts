// The fds a command will see, built from the shell's own and then changed by its
// redirections in order. Files are opened by the shell (so errors are the shell's to report)
// and closed again once the command has been started.

import type { RedirectOp } from '../lang/ast.js';
import { OsError, type OpenMode } from '../os/port.js';
import { absolute } from './lookup.js';
import type { Shell } from './shell.js';

export interface ExpandedRedirect {
  readonly fd: number | null;
  readonly op: RedirectOp;
  /** The target after expansion. */
  readonly target: string;
  /** The target as written, for "ambiguous redirect". */
  readonly source: string;
}

const OPEN_MODE: Partial<Record<RedirectOp, OpenMode>> = {
  '<': 'read', '>': 'write', '>|': 'write', '>>': 'append', '<>': 'readwrite', '&>': 'write', '&>>': 'append',
};

export class FdTable {
  /** child fd -> shell fd */
  readonly map = new Map<number, number>();
  /** fds this table opened and must close. */
  readonly opened: number[] = [];

  constructor(base: readonly number[]) {
    base.forEach((fd, i) => {
      if (fd >= 0) this.map.set(i, fd);
    });
  }

  get(fd: number): number | undefined {
    return this.map.get(fd);
  }

  /** Child fds 0..max as the port's spawn wants them (-1 = closed). */
  toArray(): number[] {
    const max = Math.max(2, ...this.map.keys());
    return Array.from({ length: max + 1 }, (_, i) => this.map.get(i) ?? -1);
  }

  close(shell: Shell): void {
    for (const fd of this.opened.splice(0)) {
      try {
        shell.port.close(fd);
      } catch {
        // Already closed.
      }
    }
  }

  /** Applies one redirection; returns an error message (without the shell prefix) or null. */
  apply(shell: Shell, r: ExpandedRedirect): string | null {
    if (r.op === '<&' || r.op === '>&') return this.duplicate(shell, r);
    if (r.op === '<<' || r.op === '<<-') return this.document(shell, r);
    // bash's here-string: the word, expanded without splitting or globbing, and a newline
    if (r.op === '<<<') return this.document(shell, { ...r, target: `${r.target}\n` });
    const mode = OPEN_MODE[r.op];
    if (mode === undefined) return `${r.source}: bad redirection`;
    if (r.target === '') return `${r.source}: ambiguous redirect`;
    if (clobbers(shell, r)) return `${r.target}: cannot overwrite existing file`;
    const fd = this.open(shell, r.target, mode);
    if (typeof fd === 'string') return fd;
    if (r.op === '&>' || r.op === '&>>') {
      this.map.set(1, fd);
      this.map.set(2, fd);
    } else {
      this.map.set(r.fd ?? (r.op.startsWith('<') ? 0 : 1), fd);
    }
    return null;
  }

  private duplicate(shell: Shell, r: ExpandedRedirect): string | null {
    const target = r.fd ?? (r.op === '<&' ? 0 : 1);
    if (r.target === '-') {
      this.map.delete(target);
      return null;
    }
    if (/^\d+$/.test(r.target)) {
      const source = this.map.get(Number(r.target));
      if (source === undefined) return `${r.target}: Bad file descriptor`;
      this.map.set(target, source);
      return null;
    }
    // `>&file` and `1>&file` are bash's old spelling of `&>file`; the word's expanded text
    // decides, as in bash's redir.c, so `>&$n` is a duplication when n holds a number.
    if (r.op === '>&' && (r.fd === null || r.fd === 1)) return this.apply(shell, { ...r, op: '&>' });
    return `${r.source}: ambiguous redirect`;
  }

  /**
   * A here-document: the command reads its body from a pipe. The shell writes the body in the
   * background (the port's write does not hold the shell), so a body larger than the pipe
   * waits for the reader, and one nobody reads ends with the reader's end closed.
   */
  private document(shell: Shell, r: ExpandedRedirect): string | null {
    let ends: [number, number];
    try {
      ends = shell.port.pipe();
    } catch (e) {
      if (e instanceof OsError) return `cannot make pipe for here-document: ${e.reason}`;
      throw e;
    }
    const [readEnd, writeEnd] = ends;
    this.opened.push(readEnd);
    this.map.set(r.fd ?? 0, readEnd);
    const close = () => {
      shell.pendingWrites--;
      try {
        shell.port.close(writeEnd);
      } catch {
        // Already closed.
      }
    };
    shell.pendingWrites++;
    shell.port.write(writeEnd, r.target).then(close, close);
    return null;
  }

  private open(shell: Shell, target: string, mode: OpenMode): number | string {
    try {
      const fd = shell.port.open(absolute(shell, target), mode);
      this.opened.push(fd);
      return fd;
    } catch (e) {
      if (e instanceof OsError) return `${target}: ${e.reason}`;
      throw e;
    }
  }
}

/**
 * `set -C`: `>` and `&>` refuse to truncate an existing regular file (`>|` may); devices such
 * as /dev/null stay writable, as in bash.
 */
function clobbers(shell: Shell, r: ExpandedRedirect): boolean {
  if ((r.op !== '>' && r.op !== '&>') || !shell.options.isOn('noclobber')) return false;
  return shell.port.stat(absolute(shell, r.target))?.type === 'file';
}

/**
 * The fds for a command: the base ones changed by its redirections in order. On a failure
 * `error` says why and `fds` holds what was done until then: bash reports the failure there,
 * so `cmd 2>/dev/null <missing` says nothing. The caller closes `fds` in every case.
 */
/** The table of a command without redirections, by the shell's fds it was made from. */
const plainTables = new WeakMap<readonly number[], { readonly copy: readonly number[]; readonly fds: FdTable }>();

/**
 * The fds of a command that has no redirections: the shell's own, as a table made once for
 * them rather than for every builtin of a loop. Nothing changes such a table (only
 * withRedirects applies redirections, to tables of its own); it is made again when the
 * shell's fds have changed, in place or not.
 */
export function plainFds(base: readonly number[]): FdTable {
  const known = plainTables.get(base);
  if (known !== undefined && sameFds(known.copy, base)) return known.fds;
  const fds = new FdTable(base);
  plainTables.set(base, { copy: [...base], fds });
  return fds;
}

function sameFds(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function withRedirects(shell: Shell, base: readonly number[], redirects: readonly ExpandedRedirect[]): { fds: FdTable; error: string | null } {
  const fds = new FdTable(base);
  for (const r of redirects) {
    const error = fds.apply(shell, r);
    if (error !== null) return { fds, error };
  }
  return { fds, error: null };
}
