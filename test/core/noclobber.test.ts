import { describe, expect, it } from 'vitest';
import { FdTable } from '../../src/core/redirect.js';
import { fakeShell } from './fakeport.js';

const to = (op: '>' | '>|' | '&>', target: string) => ({ fd: null, op, target, source: target });

describe('set -C (noclobber)', () => {
  it('refuses > and &> onto an existing regular file, not onto a device', () => {
    const { shell, port } = fakeShell();
    port.file('/home/user/f');
    port.files.set('/dev/null', { type: 'other', executable: false });
    shell.options.set('noclobber', true);
    const fds = new FdTable(shell.stdio);
    expect(fds.apply(shell, to('>', 'f'))).toBe('f: cannot overwrite existing file');
    expect(fds.apply(shell, to('&>', 'f'))).toBe('f: cannot overwrite existing file');
    // devices are no files to lose: /dev/null opens (the only path the fake port opens)
    expect(fds.apply(shell, to('>', '/dev/null'))).toBeNull();
    expect(fds.apply(shell, to('>|', '/dev/null'))).toBeNull();
    expect(port.opened).toEqual(['/dev/null', '/dev/null']);
  });
});
