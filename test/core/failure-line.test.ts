// An OS error that reaches the top of a script or a prompt is one line in bash's sys_error
// form, never "internal error" (issue 11 item 7); only a bug of jcsh's own is called that.

import { describe, expect, it } from 'vitest';
import { failureLine } from '../../src/core/errors.js';
import { runScript } from '../../src/core/script.js';
import { OsError } from '../../src/os/port.js';
import { fakeShell } from './fakeport.js';

describe('errors nobody handled', () => {
  it('a failed system call reads "call: reason"', () => {
    expect(failureLine(new OsError('ESRCH', 'No such process', 'tcsetpgrp'))).toBe('tcsetpgrp: No such process');
    expect(failureLine(new TypeError('x is not a function\n    at y'))).toBe('x is not a function (a bug in jcsh: please report it)');
  });

  it('a script whose command substitution gets no pipe says so in one line, status 1', async () => {
    const { shell, port } = fakeShell({ interactive: false, monitor: false });
    port.onPipe = () => {
      throw new OsError('EMFILE', 'Too many open files', 'pipe');
    };
    expect(await runScript(shell, 'echo $(echo x)\necho not reached')).toBe(1);
    expect(port.output(2)).toBe('jcsh: pipe: Too many open files\n');
    expect(port.output(1)).toBe('');
  });
});
