// let (builtins/let.def): each argument an arithmetic expression; 0 when the last value is not
// zero, 1 when it is zero, after an error (which stops there), or with no argument.

import { describe, expect, it } from 'vitest';
import { letBuiltin } from '../../../src/core/builtins/let.js';
import { fakeShell, runIn } from '../fakeport.js';

describe('let', () => {
  it('evaluates each argument in order; the last value decides the status', async () => {
    const { shell } = fakeShell({ interactive: false });
    expect(await runIn(shell, letBuiltin, 'let', 'x=1+2', 'y = x * 2')).toEqual({ status: 0, out: '', err: '' });
    expect([shell.vars.get('x'), shell.vars.get('y')]).toEqual(['3', '6']);
    expect((await runIn(shell, letBuiltin, 'let', 'x', 'x - 3')).status).toBe(1);
    expect((await runIn(shell, letBuiltin, 'let', '--', 'x=5')).status).toBe(0);
    expect(shell.vars.get('x')).toBe('5');
  });

  it('stops at an error with status 1, and wants an expression', async () => {
    const { shell } = fakeShell({ interactive: false });
    expect(await runIn(shell, letBuiltin, 'let', 'a=1', '1/0', 'a=2')).toEqual({
      status: 1, out: '', err: 'jcsh: let: 1/0: division by 0 (error token is "0")\n',
    });
    expect(shell.vars.get('a')).toBe('1');
    expect(await runIn(shell, letBuiltin, 'let')).toEqual({ status: 1, out: '', err: 'jcsh: let: expression expected\n' });
  });
});
