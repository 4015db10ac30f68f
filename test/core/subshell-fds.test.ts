import { describe, expect, it } from 'vitest';
import { decodeSubshellState, encodeSubshellState, inheritState } from '../../src/core/subshell-state.js';
import { fakeShell } from './fakeport.js';

describe('the state a subshell made as a process inherits', () => {
  it("carries the fds past 2 its parent's commands see, as the same numbers, and the trace level", () => {
    const parent = fakeShell().shell;
    parent.stdio = [0, 1, 2, -1, 17];
    parent.traceLevel = 2;
    const copy = fakeShell().shell;
    inheritState(copy, decodeSubshellState(encodeSubshellState(parent)));
    expect(copy.stdio).toEqual([0, 1, 2, -1, 4]);
    expect(copy.traceLevel).toBe(2);
    expect(copy.subshellProcess).toBe(true);
  });
});
