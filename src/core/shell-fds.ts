// The shell's own fds as its commands see them: shell.stdio[i] is the real fd behind the fd i
// of a command (-1: closed). Redirections on a compound command, a function call, eval or `.`
// change them for the commands inside and are undone after; `exec` with only redirections
// changes them for good (bash's exec_builtin with no command), even inside such a scope.

import type { FdTable } from './redirect.js';
import type { Shell } from './shell.js';

/** fds 0-2 always have an entry; later ones only up to the highest one open. */
export type Stdio = [number, number, number, ...number[]];

export function toStdio(fds: readonly number[]): Stdio {
  let end = fds.length;
  while (end > 3 && fds[end - 1]! < 0) end--;
  const out = fds.slice(0, end);
  while (out.length < 3) out.push(-1);
  return out as Stdio;
}

/**
 * Makes `fds` the shell's for the commands of a scope; the function returned leaves it: the
 * fds the scope redirected go back to what they were, and those an `exec` inside changed stay.
 */
export function enterScope(shell: Shell, fds: readonly number[]): () => void {
  const saved = shell.stdio;
  const entered = toStdio(fds);
  shell.stdio = entered;
  return () => {
    if (shell.stdio !== entered) shell.stdio = merged(saved, entered, shell.stdio);
    else shell.stdio = saved;
    closeUnused(shell);
  };
}

function merged(saved: Stdio, entered: Stdio, now: Stdio): Stdio {
  const n = Math.max(saved.length, entered.length, now.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const before = saved[i] ?? -1;
    out.push(before !== (entered[i] ?? -1) ? before : now[i] ?? -1);
  }
  return toStdio(out);
}

/** `exec` with redirections only: the table becomes the shell's fds for good, and its files the shell's. */
export function adoptFds(shell: Shell, fds: FdTable): void {
  for (const fd of fds.opened.splice(0)) shell.ownFds.add(fd);
  shell.stdio = toStdio(fds.toArray());
  closeUnused(shell);
}

/** A copy of the shell in this process ends (`$(…)`): the files its `exec`s opened close. */
export function closeOwnFds(shell: Shell): void {
  shell.stdio = [-1, -1, -1];
  closeUnused(shell);
}

/** Closes the files `exec` opened that no fd of the shell names any more (`exec 3>&-`). */
function closeUnused(shell: Shell): void {
  if (shell.ownFds.size === 0) return;
  const used = new Set(shell.stdio);
  for (const fd of shell.ownFds) {
    if (used.has(fd)) continue;
    shell.ownFds.delete(fd);
    try {
      shell.port.close(fd);
    } catch {
      // Already closed.
    }
  }
}
