import { describe, expect, it } from 'vitest';
import { FatalError } from '../../src/core/errors.js';
import { assignForGood, assignmentsForCommand } from '../../src/core/prefix-assign.js';
import { fakeShell, type FakePort } from './fakeport.js';

describe('assignments of a simple command', () => {
  it('for good: set in order; a readonly one stops there with an error that ends a script (1)', async () => {
    const { shell, port } = fakeShell();
    shell.vars.makeReadonly('r', '1');
    let error: unknown;
    try {
      assignForGood(shell, new Map([['x', '1'], ['r', '2'], ['y', '3']]));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FatalError);
    expect((error as FatalError).exitStatus).toBe(1);
    expect([shell.vars.get('x'), shell.vars.get('r'), shell.vars.get('y')]).toEqual(['1', '1', undefined]);
    await shell.out.drain();
    expect((port as FakePort).output(2)).toBe('jcsh: r: readonly variable\n');
  });

  it('for one command: a readonly one is reported and left out, the command goes on', async () => {
    const { shell, port } = fakeShell();
    shell.vars.makeReadonly('r', '1');
    const plain = new Map([['x', '1']]);
    expect(assignmentsForCommand(shell, plain)).toBe(plain);
    expect([...assignmentsForCommand(shell, new Map([['r', '2'], ['x', '1']]))]).toEqual([['x', '1']]);
    await shell.out.drain();
    expect((port as FakePort).output(2)).toBe('jcsh: r: readonly variable\n');
  });
});
