import { describe, expect, it } from 'vitest';
import { FdTable } from '../../src/core/redirect.js';
import { adoptFds, closeOwnFds, enterScope, toStdio } from '../../src/core/shell-fds.js';
import { fakeShell } from './fakeport.js';

describe("the shell's fds", () => {
  it('keep 0-2 and trim closed ones past them', () => {
    expect(toStdio([5])).toEqual([5, -1, -1]);
    expect(toStdio([0, 1, 2, -1, 7, -1, -1])).toEqual([0, 1, 2, -1, 7]);
  });

  it('go back after a scope, except what an exec inside changed that the scope did not redirect', () => {
    const { shell } = fakeShell();
    shell.stdio = [0, 1, 2];
    // { exec 3>f 2>g; } 2>/dev/null
    const leave = enterScope(shell, [0, 1, 20]);
    shell.stdio = [0, 1, 22, 21];
    leave();
    expect(shell.stdio).toEqual([0, 1, 2, 21]);
  });

  it('an exec adopts the files it opened and closes those no fd names any more', () => {
    const { shell, port } = fakeShell();
    const opened = port.open('/dev/null');
    const table = new FdTable(shell.stdio);
    table.map.set(3, opened);
    table.opened.push(opened);
    adoptFds(shell, table);
    expect(shell.stdio[3]).toBe(opened);
    expect(shell.ownFds.has(opened)).toBe(true);
    expect(port.openFds.has(opened)).toBe(true);
    const closing = new FdTable(shell.stdio);
    closing.map.delete(3);
    adoptFds(shell, closing);
    expect(shell.stdio).toHaveLength(3);
    expect(port.openFds.has(opened)).toBe(false);
  });

  it("a copy's files close when it ends ($(exec 3>f) in a loop must not leak)", () => {
    const { shell, port } = fakeShell();
    const copy = shell.subshell(false);
    const opened = port.open('/dev/null');
    const table = new FdTable(copy.stdio);
    table.map.set(2, opened);
    table.opened.push(opened);
    adoptFds(copy, table);
    expect(port.openFds.has(opened)).toBe(true);
    closeOwnFds(copy);
    expect(port.openFds.has(opened)).toBe(false);
    expect(shell.stdio).toEqual([0, 1, 2]);
  });
});
